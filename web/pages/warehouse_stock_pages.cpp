// Stock by depot and state (the counts behind GET /api/v1/stock/states), filtered by depot and
// catalogue category, as a table and as a CSV download.
#include <map>

#include "core/csv.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/warehouse/assets.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

struct StockFilter {
    std::string depot;
    std::string category;
};

StockFilter filterOf(const Request& request) {
    return {request.queryValue("depot").substr(0, 20),
            request.queryValue("category").substr(0, 100)};
}

struct StockData {
    std::vector<store::StateLevels> levels;
    std::map<std::string, std::string> categoryOf;  ///< item code -> category
    std::vector<std::string> categories;
    std::vector<store::Depot> depots;
};

StockData loadStock(Site& site, const StockFilter& filter) {
    StockData data;
    site.app.db.read([&](store::Connection& c) {
        data.depots = store::listDepots(c);
        data.categories = store::categories(c);
        for (const auto& entry : store::searchCatalogue(c, {})) {
            data.categoryOf[entry.item.code] = entry.item.category;
        }
        data.levels = store::stateLevels(c, filter.depot);
        return 0;
    });
    if (!filter.category.empty()) {
        std::erase_if(data.levels, [&](const store::StateLevels& l) {
            return data.categoryOf[l.itemCode] != filter.category;
        });
    }
    return data;
}

std::string query(const StockFilter& filter) {
    std::string text;
    if (!filter.depot.empty()) text.append("depot=").append(urlEncode(filter.depot));
    if (!filter.category.empty()) {
        if (!text.empty()) text.append("&");
        text.append("category=").append(urlEncode(filter.category));
    }
    return text.empty() ? text : "?" + text;
}

Response stockPage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    const StockFilter filter = filterOf(request);
    const StockData stock = loadStock(site, filter);
    PageView view;
    view.title = "Stock";
    view.templateName = "warehouse_stock";
    view.section = "stock";
    mustache::data depots(mustache::data::type::list);
    for (const auto& d : stock.depots) {
        mustache::data option;
        option.set("value", d.code);
        option.set("text", d.name + " (" + d.code + ")");
        option.set("selected", d.code == filter.depot);
        depots.push_back(option);
    }
    view.data.set("depots", depots);
    mustache::data categories(mustache::data::type::list);
    for (const auto& name : stock.categories) {
        mustache::data option;
        option.set("value", name);
        option.set("selected", name == filter.category);
        categories.push_back(option);
    }
    view.data.set("categories", categories);
    mustache::data rows(mustache::data::type::list);
    for (const auto& l : stock.levels) {
        mustache::data row;
        row.set("depot", l.depotCode);
        row.set("item_code", l.itemCode);
        row.set("item_name", l.itemName);
        const auto category = stock.categoryOf.find(l.itemCode);
        if (category != stock.categoryOf.end() && !category->second.empty()) {
            row.set("category", category->second);
        }
        row.set("available", std::to_string(l.available));
        row.set("low", l.available < l.reorderLevel);
        row.set("reserved", std::to_string(l.reserved));
        row.set("on_loan", std::to_string(l.onLoan));
        row.set("returned", std::to_string(l.returned));
        row.set("in_decontamination", std::to_string(l.inDecontamination));
        row.set("awaiting_inspection", std::to_string(l.awaitingInspection));
        row.set("in_repair", std::to_string(l.inRepair));
        row.set("scrapped", std::to_string(l.scrapped));
        row.set("lost", std::to_string(l.lost));
        row.set("quarantined", std::to_string(l.quarantined));
        rows.push_back(row);
    }
    view.data.set("levels", rows);
    view.data.set("has_levels", !stock.levels.empty());
    view.data.set("count_text",
                  std::to_string(stock.levels.size()) +
                      (stock.levels.size() == 1 ? " item and depot" : " items and depots"));
    view.data.set("csv_href", "/warehouse/stock.csv" + query(filter));
    return site.render(request, actor, std::move(view));
}

Response stockCsv(Site& site, Request& request) {
    requireWarehouse(site, request);
    const StockFilter filter = filterOf(request);
    const StockData stock = loadStock(site, filter);
    std::string csv =
        "depot,item_code,name,category,available,reserved,on_loan,returned,in_decontamination,"
        "awaiting_inspection,in_repair,scrapped,lost,reorder_level,quarantined\r\n";
    for (const auto& l : stock.levels) {
        const auto category = stock.categoryOf.find(l.itemCode);
        csv.append(csvField(l.depotCode)).append(",").append(csvField(l.itemCode)).append(",");
        csv.append(csvField(l.itemName)).append(",");
        csv.append(csvField(category == stock.categoryOf.end() ? "" : category->second));
        for (std::int64_t n : {l.available, l.reserved, l.onLoan, l.returned, l.inDecontamination,
                               l.awaitingInspection, l.inRepair, l.scrapped, l.lost, l.reorderLevel,
                               l.quarantined}) {
            csv.append(",").append(std::to_string(n));
        }
        csv.append("\r\n");
    }
    Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"stock.csv\"");
    response.body = std::move(csv);
    return response;
}

}  // namespace

void addWarehouseStockPages(Router& router, Site& site) {
    site.get(router, "/warehouse/stock", [&site](Request& r) { return stockPage(site, r); });
    site.get(router, "/warehouse/stock.csv", [&site](Request& r) { return stockCsv(site, r); });
}

}  // namespace ces::web
