#include "warehouse/pick_list.h"

#include <sstream>

#include "core/csv.h"
#include "core/errors.h"
#include "warehouse/dispatch.h"

namespace ces::warehouse {

PickList pickListFor(const store::StoredPlan& plan, const std::string& vanCode) {
    for (const auto& route : plan.routes) {
        if (route.van.code != vanCode) continue;
        PickList list{
            plan.header.date, route.van.code, route.van.depotCode, route.van.crewName, {}};
        const int stops = static_cast<int>(route.visits.size());
        for (int s = 0; s < stops; ++s) {
            const auto& visit = route.visits[static_cast<std::size_t>(s)];
            if (visit.kind != VisitKind::delivery) continue;
            for (const auto& item : visit.items) {
                PickLine line;
                line.stop = s + 1;
                line.loadOrder = stops - s;
                line.arrival =
                    clockTime(route.route.stops[static_cast<std::size_t>(s)].startSeconds);
                line.visitId = visit.id;
                line.kind = visit.kind;
                line.orderReference = visit.orderReference.value_or("");
                line.residentName = visit.residentName;
                line.postcode = visit.postcode;
                line.itemCode = item.itemCode.empty() ? "SPECIAL" : item.itemCode;
                line.itemName = item.name;
                line.quantity = item.quantity;
                for (const auto& barcode : item.barcodes) {
                    line.barcodes += (line.barcodes.empty() ? "" : " ") + barcode;
                }
                line.twoPerson = item.twoPerson;
                line.needsFitting = item.needsFitting;
                list.lines.push_back(std::move(line));
            }
        }
        return list;
    }
    throw NotFound("van " + vanCode + " has no route on " + formatDate(plan.header.date));
}

std::string pickListCsv(const PickList& list) {
    std::ostringstream out;
    out << "stop,load_order,arrival,visit_id,order_reference,resident,postcode,item_code,"
           "item_name,quantity,barcodes,two_person,fitting\r\n";
    for (const auto& l : list.lines) {
        out << l.stop << ',' << l.loadOrder << ',' << l.arrival << ',' << l.visitId.value() << ','
            << csvField(l.orderReference) << ',' << csvField(l.residentName) << ','
            << csvField(l.postcode) << ',' << csvField(l.itemCode) << ',' << csvField(l.itemName)
            << ',' << l.quantity << ',' << csvField(l.barcodes) << ',' << (l.twoPerson ? "y" : "n")
            << ',' << (l.needsFitting ? "y" : "n") << "\r\n";
    }
    return out.str();
}

}  // namespace ces::warehouse
