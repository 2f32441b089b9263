#include "core/store/warehouse/receipts.h"
#include "core/store/warehouse/stock.h"
#include "warehouse/goods_in.h"
#include "web/api/routes.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

Response stockLevels(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse, Role::planner});
    const std::string depot = request.queryValue("depot");
    const auto levels =
        app.db.read([&](store::Connection& c) { return store::stockLevels(c, depot); });
    auto depots = jsonArray();
    Poco::JSON::Object::Ptr current;
    Poco::JSON::Array::Ptr items;
    for (const auto& level : levels) {
        if (!current || current->getValue<std::string>("code") != level.depotCode) {
            current = jsonObject();
            items = jsonArray();
            current->set("code", level.depotCode);
            current->set("name", level.depotName);
            current->set("items", items);
            depots->add(current);
        }
        auto item = jsonObject();
        item->set("item_code", level.itemCode);
        item->set("available", level.available);
        item->set("reserved", level.reserved);
        item->set("on_loan", level.onLoan);
        item->set("reorder_level", level.reorderLevel);
        items->add(item);
    }
    auto answer = jsonObject();
    answer->set("depots", depots);
    return jsonResponse(200, answer);
}

Response adjustStock(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"depot", "item_code", "delta", "reason"});
    const std::string depot = body.text("depot");
    const std::string item = body.text("item_code");
    const std::int64_t delta = body.integer("delta");
    const std::string reason = body.text("reason");
    if (delta < -1'000'000 || delta > 1'000'000) {
        throw ValidationError("delta", "delta must be between -1000000 and 1000000");
    }
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto available = store::adjustStock(c, depot, item, delta, reason, actor, app.now());
        auto answer = jsonObject();
        answer->set("depot", depot);
        answer->set("item_code", item);
        answer->set("available", available);
        return jsonResponse(201, answer);
    });
}

warehouse::GoodsReceipt parseReceipt(const std::string& text) {
    auto body = JsonFields::parse(text);
    body.allowOnly({"depot", "supplier", "supplier_reference", "lines"});
    warehouse::GoodsReceipt receipt;
    receipt.depotCode = body.text("depot");
    receipt.supplier = body.text("supplier");
    receipt.supplierReference = body.text("supplier_reference");
    for (const auto& line : body.objects("lines")) {
        line.allowOnly({"item_code", "quantity", "made_on", "batch"});
        store::ReceiptLine each{line.text("item_code"), line.integer("quantity")};
        each.madeOn = line.optionalDate("made_on");
        if (line.has("batch")) each.batch = line.text("batch");
        receipt.lines.push_back(std::move(each));
    }
    return receipt;
}

// A receipt line's item, quantity and barcodes, as both receipt answers give them.
Poco::JSON::Object::Ptr lineJson(const std::string& itemCode, std::int64_t quantity,
                                 const std::vector<std::string>& barcodes) {
    auto line = jsonObject();
    line->set("item_code", itemCode);
    line->set("quantity", quantity);
    auto list = jsonArray();
    for (const auto& barcode : barcodes) list->add(barcode);
    line->set("barcodes", list);
    return line;
}

Poco::JSON::Object::Ptr receivedJson(const warehouse::GoodsReceived& received) {
    auto answer = jsonObject();
    answer->set("id", received.id.value());
    answer->set("depot", received.depotCode);
    auto lines = jsonArray();
    for (const auto& each : received.lines) {
        auto line = lineJson(each.itemCode, each.quantity, each.barcodes);
        line->set("available", each.available);
        line->set("inspection_due", each.inspectionDue
                                        ? Poco::Dynamic::Var(formatInstant(*each.inspectionDue))
                                        : Poco::Dynamic::Var());
        lines->add(line);
    }
    answer->set("lines", lines);
    return answer;
}

Poco::JSON::Object::Ptr summaryJson(const store::ReceiptSummary& receipt) {
    auto json = jsonObject();
    json->set("id", receipt.id.value());
    json->set("depot", receipt.depotCode);
    json->set("depot_name", receipt.depotName);
    json->set("supplier", receipt.supplier);
    json->set("supplier_reference", receipt.supplierReference);
    json->set("received_at", formatInstant(receipt.receivedAt));
    json->set("received_by", receipt.receivedBy);
    json->set("line_count", receipt.lineCount);
    json->set("units", receipt.units);
    return json;
}

Response listReceipts(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse});
    const auto page = pageRequest(request, 50);
    const auto receipts =
        app.db.read([&](store::Connection& c) { return store::listReceipts(c, page); });
    auto list = jsonArray();
    for (const auto& receipt : receipts.items) list->add(summaryJson(receipt));
    auto answer = jsonObject();
    answer->set("receipts", list);
    setNext(answer, request, receipts.next);
    return jsonResponse(200, answer);
}

Response showReceipt(App& app, Request& request) {
    requireRole(app, request, {Role::warehouse});
    const std::string& text = request.pathParams["id"];
    const store::ReceiptId id(parsePathId(text, "no receipt has the id " + text.substr(0, 40)));
    const auto receipt =
        app.db.read([&](store::Connection& c) { return store::findReceipt(c, id); });
    if (!receipt) throw NotFound("no receipt has the id " + text);
    auto answer = summaryJson(receipt->summary);
    auto lines = jsonArray();
    for (const auto& each : receipt->lines) {
        auto line = lineJson(each.itemCode, each.quantity, each.barcodes);
        line->set("item_name", each.itemName);
        lines->add(line);
    }
    answer->set("lines", lines);
    return jsonResponse(200, answer);
}

Response receiveGoods(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::warehouse});
    const auto receipt = parseReceipt(request.body);
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(201, receivedJson(warehouse::receiveGoods(c, receipt, actor, app.now(),
                                                                      maintenancePolicy(app))));
    });
}

}  // namespace

void addStockRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/stock", [&app](Request& r) { return stockLevels(app, r); });
    router.add("POST", "/api/v1/stock/adjustments",
               [&app](Request& r) { return adjustStock(app, r); });
    router.add("POST", "/api/v1/stock/receipts",
               [&app](Request& r) { return receiveGoods(app, r); });
    router.add("GET", "/api/v1/stock/receipts",
               [&app](Request& r) { return listReceipts(app, r); });
    router.add("GET", "/api/v1/stock/receipts/{id}",
               [&app](Request& r) { return showReceipt(app, r); });
}

}  // namespace ces::web
