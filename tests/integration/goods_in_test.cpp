// Goods in: serialised stock enters only through a barcoded receipt; a stock-take adjustment
// of a serialised item is refused, so no unit is ever issued without an asset behind it.
#include <doctest/doctest.h>

#include <set>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

Poco::Dynamic::Var receiptOf(const std::string& depot, const std::string& item, long quantity) {
    return jsonObject(
        {{"depot", depot},
         {"supplier", "Medequip Supplies"},
         {"supplier_reference", "PO-4471"},
         {"lines", jsonArray({jsonObject({{"item_code", item}, {"quantity", quantity}})})}});
}

}  // namespace

TEST_CASE(
    "a receipt puts each serialised unit on the register with a barcode and counts the rest") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel hoistsBefore = stockAt(warehouse, "WKD", "KCE-HST-001");
    const StockLevel framesBefore = stockAt(warehouse, "WKD", "KCE-MOB-002");

    const Response answer = warehouse.post(
        "/api/v1/stock/receipts",
        jsonObject(
            {{"depot", "WKD"},
             {"supplier", "Medequip Supplies"},
             {"supplier_reference", "PO-4470"},
             {"lines", jsonArray({jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 2}}),
                                  jsonObject({{"item_code", "KCE-MOB-002"}, {"quantity", 3}})})}}));
    INFO(answer.describe());
    REQUIRE(answer.status == 201);
    const auto lines = objectsIn(answer.object(), "lines");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]->getValue<long>("available") == hoistsBefore.available + 2);
    CHECK(lines[1]->getValue<long>("available") == framesBefore.available + 3);
    CHECK(lines[1]->getArray("barcodes")->size() == 0);
    const auto barcodes = lines[0]->getArray("barcodes");
    REQUIRE(barcodes->size() == 2);
    CHECK(barcodes->getElement<std::string>(0) != barcodes->getElement<std::string>(1));
    CHECK(stockAt(warehouse, "WKD", "KCE-HST-001").available == hoistsBefore.available + 2);

    const Response asset = warehouse.get("/api/v1/assets/" + barcodes->getElement<std::string>(0));
    INFO(asset.describe());
    REQUIRE(asset.status == 200);
    CHECK(asset.object()->getValue<std::string>("state") == "available");
    CHECK(asset.object()->getValue<std::string>("depot") == "WKD");
    CHECK(asset.object()->getValue<std::string>("item_code") == "KCE-HST-001");
    CHECK(asset.object()->getValue<long>("inspection_interval_months") == 6);
    CHECK_FALSE(asset.object()->isNull("next_inspection_due"));
    CHECK(asset.object()->getValue<bool>("inspection_overdue") == false);
}

TEST_CASE("a serialised item's count cannot be adjusted, a counted item's can") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-BED-001");
    for (const long delta : {5L, -1L}) {
        const Response refused =
            warehouse.post("/api/v1/stock/adjustments", jsonObject({{"depot", "WKD"},
                                                                    {"item_code", "KCE-BED-001"},
                                                                    {"delta", delta},
                                                                    {"reason", "stock-take"}}));
        INFO(refused.describe());
        CHECK(refused.status == 422);
        CHECK(refused.errorField() == std::optional<std::string>("item_code"));
    }
    CHECK(stockAt(warehouse, "WKD", "KCE-BED-001").available == before.available);
    adjustStock(warehouse, "WKD", "KCE-MOB-002", 4);
}

TEST_CASE("a receipt with a bad field is refused naming it, and writes nothing") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-HST-001");
    struct Case {
        Poco::Dynamic::Var body;
        std::string field;
    };
    auto withLines = [](const Poco::Dynamic::Var& lines) {
        return jsonObject({{"depot", "WKD"},
                           {"supplier", "Medequip Supplies"},
                           {"supplier_reference", "PO-1"},
                           {"lines", lines}});
    };
    const std::vector<Case> cases = {
        {receiptOf("NOPE", "KCE-HST-001", 1), "depot"},
        {receiptOf("WKD", "KCE-NOPE-001", 1), "lines[0].item_code"},
        {receiptOf("WKD", "KCE-HST-001", 0), "lines[0].quantity"},
        {receiptOf("WKD", "KCE-HST-001", 1001), "lines[0].quantity"},
        {withLines(jsonArray({})), "lines"},
        {withLines(jsonArray({jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 1}}),
                              jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 1}})})),
         "lines[1].item_code"},
        {jsonObject(
             {{"depot", "WKD"},
              {"supplier", " "},
              {"supplier_reference", "PO-1"},
              {"lines", jsonArray({jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 1}})})}}),
         "supplier"},
    };
    for (const auto& each : cases) {
        const Response refused = warehouse.post("/api/v1/stock/receipts", each.body);
        INFO(refused.describe());
        CHECK(refused.status == 422);
        CHECK(refused.errorField() == std::optional<std::string>(each.field));
    }
    CHECK(stockAt(warehouse, "WKD", "KCE-HST-001").available == before.available);
    HttpClient prescriber = county.signIn("prescriber");
    CHECK(prescriber.post("/api/v1/stock/receipts", receiptOf("WKD", "KCE-HST-001", 1)).status ==
          403);
}

TEST_CASE("a retried receipt with the same Idempotency-Key gets the same barcodes once") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = stockAt(warehouse, "EKD", "KCE-SLG-001");
    const auto body = receiptOf("EKD", "KCE-SLG-001", 2);
    const Response first =
        warehouse.post("/api/v1/stock/receipts", body, {{"Idempotency-Key", "goods-in-1"}});
    const Response retry =
        warehouse.post("/api/v1/stock/receipts", body, {{"Idempotency-Key", "goods-in-1"}});
    INFO(first.describe());
    REQUIRE(first.status == 201);
    CHECK(retry.status == 201);
    CHECK(retry.body == first.body);
    CHECK(stockAt(warehouse, "EKD", "KCE-SLG-001").available == before.available + 2);
}

TEST_CASE("a retired item takes no new stock, naming its line") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const StockLevel before = stockAt(warehouse, "WKD", "KCE-MOB-002");
    REQUIRE(runSql(county.dbPath(), "UPDATE items SET retired = 1 WHERE code = 'KCE-MOB-002'")
                .exit_code == 0);
    const Response refused = warehouse.post(
        "/api/v1/stock/receipts",
        jsonObject(
            {{"depot", "WKD"},
             {"supplier", "Medequip Supplies"},
             {"supplier_reference", "PO-9"},
             {"lines", jsonArray({jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 1}}),
                                  jsonObject({{"item_code", "KCE-MOB-002"}, {"quantity", 1}})})}}));
    INFO(refused.describe());
    checkError(refused, 422, "validation", std::string("lines[1].item_code"));
    CHECK(stockAt(warehouse, "WKD", "KCE-MOB-002").available == before.available);
}

TEST_CASE("a receipt is listed newest first and shown with the barcodes it registered, audited") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    const Response made = warehouse.post(
        "/api/v1/stock/receipts",
        jsonObject(
            {{"depot", "EKD"},
             {"supplier", "Hoists Direct"},
             {"supplier_reference", "HD-77"},
             {"lines", jsonArray({jsonObject({{"item_code", "KCE-MOB-002"}, {"quantity", 4}}),
                                  jsonObject({{"item_code", "KCE-HST-001"}, {"quantity", 3}})})}}));
    INFO(made.describe());
    REQUIRE(made.status == 201);
    const long id = made.object()->getValue<long>("id");
    const auto madeLines = objectsIn(made.object(), "lines");
    REQUIRE(madeLines.size() == 2);
    CHECK(madeLines[0]->isNull("inspection_due"));
    CHECK_FALSE(madeLines[1]->isNull("inspection_due"));

    const Response list = warehouse.get("/api/v1/stock/receipts?limit=2");
    INFO(list.describe());
    REQUIRE(list.status == 200);
    const auto receipts = objectsIn(list.object(), "receipts");
    REQUIRE(!receipts.empty());
    CHECK(receipts[0]->getValue<long>("id") == id);
    CHECK(receipts[0]->getValue<std::string>("depot") == "EKD");
    CHECK(receipts[0]->getValue<std::string>("supplier") == "Hoists Direct");
    CHECK(receipts[0]->getValue<std::string>("received_by") == "warehouse");
    CHECK(receipts[0]->getValue<long>("units") == 7);
    CHECK(receipts[0]->getValue<long>("line_count") == 2);

    const Response shown = warehouse.get("/api/v1/stock/receipts/" + std::to_string(id));
    INFO(shown.describe());
    REQUIRE(shown.status == 200);
    const auto lines = objectsIn(shown.object(), "lines");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0]->getValue<std::string>("item_code") == "KCE-MOB-002");
    CHECK(lines[0]->getArray("barcodes")->size() == 0);
    CHECK(lines[1]->getValue<long>("quantity") == 3);
    CHECK(lines[1]->getArray("barcodes")->size() == 3);
    CHECK(lines[1]->getArray("barcodes")->getElement<std::string>(0) ==
          madeLines[1]->getArray("barcodes")->getElement<std::string>(0));
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'stock.receive' AND "
                        "entity_id = '" +
                            std::to_string(id) + "'") == "1");
}

TEST_CASE("receipts refuse an unknown id, a bad page and every role but the warehouse") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    checkError(warehouse.get("/api/v1/stock/receipts/999999"), 404, "not_found");
    CHECK(warehouse.get("/api/v1/stock/receipts/abc").status == 404);
    checkError(warehouse.get("/api/v1/stock/receipts?limit=0"), 422, "validation",
               std::string("limit"));
    CHECK(warehouse.post("/api/v1/stock/receipts", std::string("{not json")).status == 400);
    for (const char* user : {"prescriber", "admin", "planner"}) {
        INFO(user);
        HttpClient other = county.signIn(user);
        CHECK(other.post("/api/v1/stock/receipts", receiptOf("WKD", "KCE-MOB-002", 1)).status ==
              403);
        CHECK(other.get("/api/v1/stock/receipts").status == 403);
        CHECK(other.get("/api/v1/stock/receipts/1").status == 403);
    }
    HttpClient nobody = county.anonymous();  // a resident has no session
    CHECK(nobody.get("/api/v1/stock/receipts").status == 401);
    CHECK(nobody.post("/api/v1/stock/receipts", receiptOf("WKD", "KCE-MOB-002", 1)).status == 401);
}
