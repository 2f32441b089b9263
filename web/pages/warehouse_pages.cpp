#include "web/pages/warehouse_pages.h"

#include <Poco/URI.h>

#include "core/uk_time.h"
#include "web/pages/page_routes.h"

namespace ces::web {

Actor requireWarehouse(const Site& site, const Request& request) {
    return site.require(request, {Role::warehouse});
}

StatusTag assetStateTag(const std::string& state) {
    if (state == "available") return {"Available", "govuk-tag--green"};
    if (state == "reserved") return {"Reserved", "govuk-tag--blue"};
    if (state == "on_loan") return {"On loan", "govuk-tag--purple"};
    if (state == "returned") return {"Returned", "govuk-tag--orange"};
    if (state == "in_decontamination") return {"In decontamination", "govuk-tag--yellow"};
    if (state == "awaiting_inspection") return {"Awaiting inspection", "govuk-tag--yellow"};
    if (state == "in_repair") return {"In repair", "govuk-tag--pink"};
    if (state == "scrapped") return {"Scrapped", "govuk-tag--grey"};
    if (state == "lost") return {"Lost", "govuk-tag--red"};
    return {state, "govuk-tag--grey"};
}

std::string assetNextStep(const std::string& state) {
    if (state == "returned" || state == "in_decontamination") return "Decontamination";
    if (state == "awaiting_inspection") return "Inspection";
    if (state == "in_repair") return "Repair, then inspection again";
    if (state == "available") return "Back on the shelf";
    if (state == "scrapped") return "Materials recycling";
    return "Nothing: it is " + assetStateTag(state).text;
}

std::string urlEncode(const std::string& text) {
    std::string encoded;
    Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]% ", encoded);
    return encoded;
}

Instant startOfUkDay(Instant now) {
    return fromUkLocal(toUkLocal(now).date, std::chrono::seconds(0));
}

void addWarehousePages(Router& router, Site& site) {
    addWarehouseReturnPages(router, site);
    addWarehouseQueuePages(router, site);
    addWarehouseStockPages(router, site);
    addWarehouseSpecialPages(router, site);
    addWarehouseMaintenancePages(router, site);
    addWarehousePickListPages(router, site);
}

}  // namespace ces::web
