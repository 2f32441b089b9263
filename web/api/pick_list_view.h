#pragma once
// One pick-list line as template data, shared by the printable pick list of the API and the
// warehouse's pick-list page (which adds its "Mark picked" form): the same fields, the same words.
#include <kainjow/mustache.hpp>

#include "warehouse/pick_list.h"

namespace ces::web {

/// stop, load_order, arrival, order, resident, postcode, item_code, item_name, quantity,
/// barcodes, and the flags two_person and fitting (true or false).
kainjow::mustache::data pickLineData(const warehouse::PickLine& line);

}  // namespace ces::web
