// Safety recalls over HTTP: raised by the admin or the warehouse only (others 403, bad fields
// 422 naming them, nothing written); the units a notice covers are held on the shelves at once,
// homes get visits by the deadline, the campaign page and the regulator's CSV follow them; an
// order racing the recall for the last affected unit either got it first (and the unit is in the
// campaign, the order waiting for unaffected stock) or is refused.
#include <doctest/doctest.h>

#include <latch>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

const std::string kHoist = "KCE-HST-001";

// A goods-in delivery of `quantity` hoists at EKD with a maker's batch; answers the barcodes.
std::vector<std::string> receiveBatch(HttpClient& warehouse, long quantity,
                                      const std::string& batch) {
    const Response response = warehouse.post(
        "/api/v1/stock/receipts",
        jsonObject({{"depot", "EKD"},
                    {"supplier", "Hoist Makers Ltd"},
                    {"supplier_reference", "PO-" + batch},
                    {"lines", jsonArray({jsonObject({{"item_code", kHoist},
                                                     {"quantity", quantity},
                                                     {"made_on", isoDateFromToday(-30)},
                                                     {"batch", batch}})})}}));
    INFO(response.describe());
    REQUIRE(response.status == 201);
    std::vector<std::string> barcodes;
    const auto given = response.object()->getArray("lines")->getObject(0)->getArray("barcodes");
    for (std::size_t i = 0; i < given->size(); ++i) {
        barcodes.push_back(given->getElement<std::string>(i));
    }
    return barcodes;
}

std::string notice(const std::string& reference, const std::string& extra = "") {
    return R"({"title": "Mast weld may crack", "reference": ")" + reference +
           R"(", "item_codes": [")" + kHoist + R"("], "action": "withdraw", "deadline": ")" +
           isoDateFromToday(14) + "\"" + extra + "}";
}

std::string stateOf(HttpClient& warehouse, const std::string& barcode) {
    const Response asset = warehouse.get("/api/v1/assets/" + barcode);
    REQUIRE(asset.status == 200);
    return asset.object()->getValue<std::string>("state");
}

long recallCount(HttpClient& admin) {
    return static_cast<long>(objectsIn(admin.get("/api/v1/recalls").object(), "recalls").size());
}

}  // namespace

TEST_CASE("recalls - only the admin or the warehouse raise one, and bad notices name the field") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    for (const char* role : {"prescriber", "planner", "driver", "commissioner", "budget"}) {
        CAPTURE(role);
        checkError(county.signIn(role).post("/api/v1/recalls", notice("FSN-R")), 403, "forbidden");
    }
    checkError(admin.post("/api/v1/recalls",
                          R"({"title": "x", "reference": "FSN-X", "item_codes": ["NO-SUCH"],
                              "action": "inspect", "deadline": ")" +
                              isoDateFromToday(5) + "\"}"),
               422, "validation", "item_codes[0]");
    checkError(admin.post("/api/v1/recalls", notice("FSN-X", R"(, "made_from": "2026-02-30")")),
               422, "validation", "made_from");
    checkError(admin.post("/api/v1/recalls", notice("FSN-X", R"(, "made_from": "2026-02-02",
                                                                "made_to": "2026-02-01")")),
               422, "validation", "made_to");
    checkError(admin.post("/api/v1/recalls", notice("FSN-X", R"(, "colour": "red")")), 400,
               "bad_request", "colour");
    checkError(
        admin.post("/api/v1/recalls", R"({"title": "x", "reference": "FSN-X", "item_codes": [")" +
                                          kHoist + R"("], "action": "recall", "deadline": ")" +
                                          isoDateFromToday(5) + "\"}"),
        422, "validation", "action");
    checkError(
        admin.post("/api/v1/recalls", R"({"title": "x", "reference": "FSN-X", "item_codes": [")" +
                                          kHoist + R"("], "action": "inspect", "deadline": ")" +
                                          isoDateFromToday(-1) + "\"}"),
        422, "validation", "deadline");
    CHECK(recallCount(admin) == 0);  // nothing written
    CHECK(county.signIn("prescriber").get("/api/v1/recalls").status == 403);
    CHECK(county.signIn("planner").get("/api/v1/recalls").status == 200);
    CHECK(county.signIn("commissioner").get("/api/v1/recalls").status == 200);
}

TEST_CASE("recalls - a batch is held on the shelf at once and followed to the regulator's CSV") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    HttpClient admin = county.signIn("admin");
    const auto batch = receiveBatch(warehouse, 2, "B-2026-07");
    const long before = stockAt(warehouse, "EKD", kHoist).available;
    const Response raised = warehouse.post(
        "/api/v1/recalls", notice("FSN-2026-07", R"(, "batch": "B-2026-07", "made_from": ")" +
                                                     isoDateFromToday(-60) + "\""));
    INFO(raised.describe());
    REQUIRE(raised.status == 201);
    // The demo's units all carry their lot: only the new batch is found.
    CHECK(raised.object()->getValue<long>("found") == 2);
    CHECK(raised.object()->getValue<long>("held") == 2);
    for (const auto& barcode : batch) CHECK(stateOf(warehouse, barcode) == "quarantined");
    CHECK(stockAt(warehouse, "EKD", kHoist).available == before - 2);
    checkError(warehouse.post("/api/v1/recalls", notice("FSN-2026-07")), 422, "validation",
               "reference");

    // Every hoist of the model: the homes get visits, and the campaign is followed by district.
    const Response all = warehouse.post("/api/v1/recalls", notice("FSN-2026-08"));
    REQUIRE(all.status == 201);
    const auto body = all.object();
    CHECK(body->getValue<long>("visits") >= 1);
    const std::string id = std::to_string(body->getValue<long>("id"));
    const Response campaign = county.signIn("planner").get("/api/v1/recalls/" + id);
    REQUIRE(campaign.status == 200);
    const long found = campaign.object()->getValue<long>("found");
    long byDistrict = 0;
    for (const auto& d : objectsIn(campaign.object(), "by_district")) {
        byDistrict += d->getValue<long>("found");
    }
    CHECK(byDistrict == found);
    CHECK(campaign.object()->getValue<long>("remaining") == found);

    const Response csv = county.signIn("commissioner").get("/api/v1/recalls/" + id + "/units.csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type.find("text/csv") == 0);
    CHECK(csv.body.starts_with("barcode,item_code,made_on,batch,found_where"));
    // The new batch is in this campaign too, found quarantined on the shelf.
    for (const auto& barcode : batch)
        CHECK(csv.body.find(barcode + "," + kHoist) != std::string::npos);
    CHECK(static_cast<long>(std::count(csv.body.begin(), csv.body.end(), '\n')) == found + 1);
    CHECK(csv.body.find("home,on_loan") != std::string::npos);  // the demo's hoists in homes
    CHECK(csv.body.find(",pending,") != std::string::npos);     // each with its visit
    const Response audit = admin.get("/api/v1/audit?limit=50");
    CHECK(audit.body.find("recall.raise") != std::string::npos);
}

TEST_CASE("recalls - a replace campaign reserves a replacement for each home when stock comes in") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    // Every hoist of the model is checked first: the shelves are held, and the CSV names a home.
    const Response inspect = warehouse.post("/api/v1/recalls", notice("FSN-LOOK"));
    REQUIRE(inspect.status == 201);
    const std::string inspectId = std::to_string(inspect.object()->getValue<long>("id"));
    const std::string csv = warehouse.get("/api/v1/recalls/" + inspectId + "/units.csv").body;
    CHECK(csv.find(",resolved_at,replacement\r\n") != std::string::npos);
    const auto home = csv.find(",home,on_loan");
    REQUIRE(home != std::string::npos);
    const auto lineStart = csv.rfind('\n', home) + 1;
    const std::string barcode = csv.substr(lineStart, csv.find(',', lineStart) - lineStart);
    // The model's close equivalent is held too, so no unaffected hoist is free.
    const Response equivalents = warehouse.post(
        "/api/v1/recalls", R"({"title": "Spreader bar", "reference": "FSN-LOOK-2", "item_codes": )"
                           R"(["KCE-HST-003"], "action": "withdraw", "deadline": ")" +
                               isoDateFromToday(14) + "\"}");
    REQUIRE(equivalents.status == 201);

    const std::string body =
        R"({"title": "Spreader bar pin", "reference": "FSN-SWAP", "item_codes": [")" + kHoist +
        R"("], "action": "replace", "deadline": ")" + isoDateFromToday(14) +
        R"(", "barcodes": [")" + barcode + "\"]}";
    const Response raised = warehouse.post("/api/v1/recalls", body);
    INFO(raised.describe());
    REQUIRE(raised.status == 201);
    CHECK(raised.object()->getValue<long>("replacements_reserved") == 0);  // nothing free
    CHECK(raised.object()->getValue<long>("awaiting_replacement") == 1);
    const std::string id = std::to_string(raised.object()->getValue<long>("id"));
    const std::string path = "/api/v1/recalls/" + id + "/replacements";

    checkError(county.signIn("planner").post(path, "{}"), 403, "forbidden");
    checkError(warehouse.post("/api/v1/recalls/" + inspectId + "/replacements", "{}"), 409,
               "not_a_replacement");
    checkError(warehouse.post("/api/v1/recalls/99999/replacements", "{}"), 404, "not_found");

    const auto fresh = receiveBatch(warehouse, 1, "SWAP-1");
    const Response reserved = warehouse.post(path, "{}");
    INFO(reserved.describe());
    REQUIRE(reserved.status == 200);
    CHECK(reserved.object()->getValue<long>("reserved") == 1);
    CHECK(reserved.object()->getValue<long>("awaiting_replacement") == 0);
    CHECK(stateOf(warehouse, fresh[0]) == "reserved");
    const Response campaign = warehouse.get("/api/v1/recalls/" + id);
    CHECK(campaign.object()->getValue<long>("awaiting_replacement") == 0);
    const std::string units = warehouse.get("/api/v1/recalls/" + id + "/units.csv").body;
    CHECK(units.find(barcode + ",") != std::string::npos);
    CHECK(units.find("," + fresh[0] + "\r\n") != std::string::npos);
    CHECK(warehouse.post(path, "{}").object()->getValue<long>("reserved") == 0);  // once only
}

TEST_CASE(
    "recalls - an order racing the recall for the last affected unit got it first or is "
    "refused") {
    DemoCounty county;
    HttpClient warehouse = county.signIn("warehouse");
    HttpClient priya = county.signIn("prescriber");  // holds moving and handling
    NhsNumbers numbers;
    // Every hoist the county holds goes out of reach first, so the new unit is the last one.
    REQUIRE(warehouse.post("/api/v1/recalls", notice("FSN-ALL")).status == 201);
    int ordersFirst = 0;
    int recallsFirst = 0;
    for (int round = 0; round < 6; ++round) {
        CAPTURE(round);
        const auto unit = receiveBatch(warehouse, 1, "RACE-" + std::to_string(round));
        const auto resident = createResident(priya, residentAt("CT1 2AA", numbers));
        std::optional<Response> order;
        std::optional<Response> recall;
        std::latch start(2);
        std::thread orderer([&] {
            HttpClient client(county.port());
            client.setToken(priya.token());
            const std::string body = toJson(orderJson(resident.id, "next_day", {{kHoist, 1}}));
            start.arrive_and_wait();
            order = client.post("/api/v1/orders", body);
        });
        std::thread recaller([&] {
            HttpClient client(county.port());
            client.setToken(warehouse.token());
            const std::string body = notice("FSN-RACE-" + std::to_string(round),
                                            R"(, "barcodes": [")" + unit[0] + "\"]");
            start.arrive_and_wait();
            recall = client.post("/api/v1/recalls", body);
        });
        orderer.join();
        recaller.join();
        REQUIRE(recall);
        INFO(recall->describe());
        REQUIRE(recall->status == 201);
        CHECK(recall->object()->getValue<long>("found") == 1);  // the unit is in the campaign
        CHECK(stateOf(warehouse, unit[0]) == "quarantined");
        REQUIRE(order);
        INFO(order->describe());
        if (order->status == 201) {
            // It got the unit before the recall: the recall took it back, and the order waits.
            ++ordersFirst;
            const std::string ref = order->object()->getValue<std::string>("reference");
            const Response now = priya.get("/api/v1/orders/" + ref);
            CHECK(now.object()->getValue<std::string>("status") == "approved");
            CHECK(recall->object()->getValue<long>("orders_waiting") == 1);
        } else {
            ++recallsFirst;
            checkError(*order, 409, "out_of_stock", "lines[0].item_code");
        }
        const StockLevel level = stockAt(warehouse, "EKD", kHoist);
        CHECK(level.available == 0);
        CHECK(level.reserved >= 0);
    }
    MESSAGE("order first " << ordersFirst << ", recall first " << recallsFirst);
    CHECK(ordersFirst + recallsFirst == 6);
    CHECK(runCes({"check", "--db", county.dbPath()}).exit_code == 0);
}
