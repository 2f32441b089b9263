#pragma once
// A safety recall campaign's units as the regulator's CSV lists them: one row a unit, no
// personal data (a district, never a name or address).
#include <string>
#include <vector>

#include "core/store/warehouse/recalls.h"
#include "web/http/exchange.h"

namespace ces::web {

/// The CSV file of `units`, named after the campaign's reference.
Response recallUnitsCsv(const std::string& reference,
                        const std::vector<store::RecallUnitRow>& units);

}  // namespace ces::web
