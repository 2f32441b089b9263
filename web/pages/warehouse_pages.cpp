#include "web/pages/warehouse_pages.h"

#include <Poco/URI.h>

#include "core/uk_time.h"
#include "web/pages/page_routes.h"

namespace ces::web {

Actor requireWarehouse(const Site& site, const Request& request) {
    return site.require(request, {Role::warehouse});
}

StatusTag assetStateTag(AssetState state) {
    switch (state) {
        case AssetState::available:
            return {"Available", "govuk-tag--green"};
        case AssetState::reserved:
            return {"Reserved", "govuk-tag--blue"};
        case AssetState::on_loan:
            return {"On loan", "govuk-tag--purple"};
        case AssetState::returned:
            return {"Returned", "govuk-tag--orange"};
        case AssetState::in_decontamination:
            return {"In decontamination", "govuk-tag--yellow"};
        case AssetState::awaiting_inspection:
            return {"Awaiting inspection", "govuk-tag--yellow"};
        case AssetState::in_repair:
            return {"In repair", "govuk-tag--pink"};
        case AssetState::scrapped:
            return {"Scrapped", "govuk-tag--grey"};
        case AssetState::lost:
            return {"Lost", "govuk-tag--red"};
        case AssetState::quarantined:
            return {"Held by a recall", "govuk-tag--red"};
    }
    return {std::string(toString(state)), "govuk-tag--grey"};
}

std::string assetNextStep(AssetState state) {
    switch (state) {
        case AssetState::returned:
        case AssetState::in_decontamination:
            return "Decontamination";
        case AssetState::awaiting_inspection:
            return "Inspection";
        case AssetState::in_repair:
            return "Repair, then inspection again";
        case AssetState::available:
            return "Back on the shelf";
        case AssetState::scrapped:
            return "Materials recycling";
        case AssetState::quarantined:
            return "What the safety recall asks, then inspection again";
        case AssetState::reserved:
        case AssetState::on_loan:
        case AssetState::lost:
            break;
    }
    return "Nothing: it is " + assetStateTag(state).text;
}

mustache::data depotOptions(const std::vector<store::Depot>& depots, const std::string& selected) {
    mustache::data options(mustache::data::type::list);
    for (const auto& d : depots) {
        mustache::data option;
        option.set("value", d.code);
        option.set("text", d.name + " (" + d.code + ")");
        option.set("selected", d.code == selected);
        options.push_back(option);
    }
    return options;
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
