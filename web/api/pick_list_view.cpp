#include "web/api/pick_list_view.h"

namespace ces::web {

kainjow::mustache::data pickLineData(const warehouse::PickLine& l) {
    kainjow::mustache::data line;
    line.set("stop", std::to_string(l.stop));
    line.set("load_order", std::to_string(l.loadOrder));
    line.set("arrival", l.arrival);
    line.set("order", l.orderReference);
    line.set("resident", l.residentName);
    line.set("postcode", l.postcode);
    line.set("item_code", l.itemCode);
    line.set("item_name", l.itemName);
    line.set("quantity", std::to_string(l.quantity));
    line.set("barcodes", l.barcodes);
    line.set("two_person", l.twoPerson);
    line.set("fitting", l.needsFitting);
    return line;
}

}  // namespace ces::web
