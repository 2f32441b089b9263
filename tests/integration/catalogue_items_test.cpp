// The admin's catalogue items over HTTP: add, change, retire and bring back, equivalents. Each
// write is audited and replayed under an Idempotency-Key; a taken code is 409, a broken rule
// 422 naming its field, an unknown code 404, and every other role is refused. Retiring an item
// stops new orders only.
#include <doctest/doctest.h>

#include <algorithm>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

Response patch(HttpClient& client, const std::string& path, const Poco::Dynamic::Var& body,
               const Headers& headers = {}) {
    return client.send("PATCH", path, toJson(body), headers);
}

Response put(HttpClient& client, const std::string& path, const Poco::Dynamic::Var& body) {
    return client.send("PUT", path, toJson(body), {});
}

Poco::JSON::Object::Ptr stool(const std::string& code) {
    return jsonObject({{"code", code},
                       {"name", "Perching stool"},
                       {"category", "Kitchen"},
                       {"price_pence", 4500},
                       {"serialised", false},
                       {"two_person", false},
                       {"needs_fitting", true},
                       {"maintenance_regime", "none"},
                       {"van_space", 2}});
}

Poco::JSON::Array::Ptr codes(std::initializer_list<const char*> list) {
    auto array = Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    for (const char* code : list) array->add(std::string(code));
    return array;
}

// The item as GET /api/v1/catalogue lists it to `client`; null when it is not listed.
Poco::JSON::Object::Ptr listedItem(HttpClient& client, const std::string& code) {
    const Response found = client.get("/api/v1/catalogue?q=" + code);
    REQUIRE(found.status == 200);
    for (const auto& item : objectsIn(found.object(), "items")) {
        if (item->getValue<std::string>("code") == code) return item;
    }
    return nullptr;
}

std::size_t auditCount(HttpClient& admin, const std::string& action, const std::string& code) {
    const Response csv = admin.get("/api/v1/export/audit_log.csv");
    REQUIRE(csv.status == 200);
    const std::string needle = "," + action + ",item," + code + ",";
    std::size_t count = 0;
    for (auto at = csv.body.find(needle); at != std::string::npos;
         at = csv.body.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

std::vector<std::string> texts(const Poco::JSON::Array::Ptr& array) {
    std::vector<std::string> result;
    for (std::size_t i = 0; array && i < array->size(); ++i) {
        result.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
    }
    return result;
}

}  // namespace

TEST_CASE(
    "catalogue items - the admin adds an item once under one key - prescribers can order it") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Headers key{{"Idempotency-Key", "stool-1"}};
    const Response added = admin.post("/api/v1/catalogue/items", stool("KCE-NEW-010"), key);
    INFO(added.describe());
    REQUIRE(added.status == 201);
    CHECK(added.object()->getValue<std::int64_t>("price_pence") == 4500);
    CHECK(added.object()->getValue<bool>("needs_fitting"));
    CHECK(added.object()->getValue<int>("van_space") == 2);
    CHECK_FALSE(added.object()->getValue<bool>("retired"));
    const Response again = admin.post("/api/v1/catalogue/items", stool("KCE-NEW-010"), key);
    CHECK(again.status == 201);
    CHECK(again.body == added.body);
    CHECK(auditCount(admin, "catalogue.item.add", "KCE-NEW-010") == 1);

    HttpClient prescriber = county.signIn("prescriber");
    const auto listed = listedItem(prescriber, "KCE-NEW-010");
    REQUIRE(listed);
    CHECK(listed->getValue<std::string>("name") == "Perching stool");
    HttpClient warehouse = county.signIn("warehouse");
    receiveStock(warehouse, "WKD", "KCE-NEW-010", 3);
    NhsNumbers numbers;
    const auto resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    createOrder(prescriber, resident.id, {{"KCE-NEW-010", 1}});
}

TEST_CASE("catalogue items - a new item is refused by name of its bad field, a taken code 409") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    checkError(admin.post("/api/v1/catalogue/items", stool("KCE-MOB-002")), 409, "duplicate");
    auto bad = stool("KCE-NEW-011");
    bad->set("price_pence", -1);
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation", "price_pence");
    bad = stool("KCE NEW 011");
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation", "code");
    // Words the pages' addresses use (/admin/catalogue/new, /admin/catalogue/import).
    for (const char* word : {"new", "import"}) {
        checkError(admin.post("/api/v1/catalogue/items", stool(word)), 422, "validation", "code");
    }
    bad = stool("KCE-NEW-011");
    bad->set("name", " ");
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation", "name");
    bad = stool("KCE-NEW-011");
    bad->set("maintenance_regime", "weekly");
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation", "maintenance_regime");
    bad = stool("KCE-NEW-011");
    bad->set("maintenance_interval_months", 121);
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation",
               "maintenance_interval_months");
    bad = stool("KCE-NEW-011");
    bad->set("van_space", 0);
    checkError(admin.post("/api/v1/catalogue/items", bad), 422, "validation", "van_space");
    bad = stool("KCE-NEW-011");
    bad->set("serialised", "yes");
    checkError(admin.post("/api/v1/catalogue/items", bad), 400, "bad_request", "serialised");
    bad = stool("KCE-NEW-011");
    bad->remove("category");
    checkError(admin.post("/api/v1/catalogue/items", bad), 400, "bad_request", "category");
    bad = stool("KCE-NEW-011");
    bad->set("colour", "red");
    checkError(admin.post("/api/v1/catalogue/items", bad), 400, "bad_request", "colour");
    checkError(admin.post("/api/v1/catalogue/items", "not json"), 400, "bad_request");
    CHECK_FALSE(listedItem(admin, "KCE-NEW-011"));
}

TEST_CASE("catalogue items - a change is audited with what changed - unknown 404, bad 422") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response changed = patch(admin, "/api/v1/catalogue/items/KCE-MOB-002",
                                   jsonObject({{"name", "Wheeled walking frame (folding)"},
                                               {"price_pence", 2150},
                                               {"two_person", false},
                                               {"maintenance_regime", "loler"},
                                               {"maintenance_interval_months", 6}}),
                                   {{"Idempotency-Key", "frame-1"}});
    INFO(changed.describe());
    REQUIRE(changed.status == 200);
    CHECK(changed.object()->getValue<std::string>("name") == "Wheeled walking frame (folding)");
    CHECK(changed.object()->getValue<std::int64_t>("price_pence") == 2150);
    CHECK(changed.object()->getValue<std::string>("maintenance_regime") == "loler");
    CHECK(changed.object()->getValue<std::string>("category") == "Mobility");
    CHECK(auditCount(admin, "catalogue.item.change", "KCE-MOB-002") == 1);
    const auto listed = listedItem(admin, "KCE-MOB-002");
    REQUIRE(listed);
    CHECK(listed->getValue<std::int64_t>("price_pence") == 2150);

    checkError(patch(admin, "/api/v1/catalogue/items/NOPE-1", jsonObject({{"name", "X"}})), 404,
               "not_found");
    checkError(patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"category", ""}})),
               422, "validation", "category");
    checkError(
        patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"code", "KCE-MOB-999"}})),
        422, "validation", "code");
    checkError(patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"retired", 1}})),
               400, "bad_request", "retired");
    checkError(patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"stock", 1}})), 400,
               "bad_request", "stock");
    CHECK(auditCount(admin, "catalogue.item.change", "KCE-MOB-002") == 1);
}

TEST_CASE("catalogue items - retiring stops new orders only - bringing back allows them again") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    HttpClient commissioner = county.signIn("commissioner");
    NhsNumbers numbers;
    const auto resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    const auto order = createOrder(prescriber, resident.id, {{"KCE-MOB-002", 1}});

    for (const char* code : {"KCE-MOB-002", "KCE-BED-001"}) {
        const Response retired = patch(admin, std::string("/api/v1/catalogue/items/") + code,
                                       jsonObject({{"retired", true}}));
        INFO(retired.describe());
        REQUIRE(retired.status == 200);
        CHECK(retired.object()->getValue<bool>("retired"));
    }
    CHECK_FALSE(listedItem(prescriber, "KCE-MOB-002"));
    const Response refused =
        prescriber.post("/api/v1/orders",
                        Poco::Dynamic::Var(orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}})));
    checkError(refused, 422, "validation", "lines[0].item_code");

    // What was ordered, lent and reported before is untouched.
    const Response existing = prescriber.get("/api/v1/orders/" + order.reference);
    INFO(existing.describe());
    CHECK(existing.status == 200);
    CHECK(existing.body.find("KCE-MOB-002") != std::string::npos);
    for (const char* path : {"/api/v1/stock", "/api/v1/stock/states", "/api/v1/maintenance/due"}) {
        CAPTURE(path);
        CHECK(warehouse.get(path).status == 200);
    }
    CHECK(commissioner.get("/api/v1/reports/kpis?from=2026-01-01&to=2026-12-31").status == 200);
    const Response loans = admin.get("/api/v1/export/loans.csv");
    CHECK(loans.status == 200);
    CHECK(loans.body.find("KCE-BED-001") != std::string::npos);
    const Response cancelled =
        prescriber.post("/api/v1/orders/" + order.reference + "/cancel", "{}");
    INFO(cancelled.describe());
    CHECK(cancelled.status == 200);

    const Response back =
        patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"retired", false}}));
    REQUIRE(back.status == 200);
    CHECK(listedItem(prescriber, "KCE-MOB-002"));
    createOrder(prescriber, resident.id, {{"KCE-MOB-002", 1}});
}

TEST_CASE("catalogue items - the admin replaces an item's equivalents, both ways round") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const std::string path = "/api/v1/catalogue/items/KCE-MOB-002/equivalents";
    const Response set = put(admin, path, jsonObject({{"codes", codes({"KCE-BED-001"})}}));
    INFO(set.describe());
    REQUIRE(set.status == 200);
    CHECK(texts(set.object()->getArray("equivalents")) == std::vector<std::string>{"KCE-BED-001"});
    CHECK(texts(listedItem(admin, "KCE-MOB-002")->getArray("equivalents")) ==
          std::vector<std::string>{"KCE-BED-001"});
    const auto other = texts(listedItem(admin, "KCE-BED-001")->getArray("equivalents"));
    CHECK(std::find(other.begin(), other.end(), "KCE-MOB-002") != other.end());
    CHECK(auditCount(admin, "catalogue.equivalents", "KCE-MOB-002") == 1);

    checkError(put(admin, path, jsonObject({{"codes", codes({"KCE-BED-001", "NOPE-1"})}})), 422,
               "validation", "codes[1]");
    checkError(put(admin, path, jsonObject({{"codes", codes({"KCE-MOB-002"})}})), 422, "validation",
               "codes[0]");
    checkError(put(admin, path, jsonObject({{"codes", codes({"KCE-BED-001", "KCE-BED-001"})}})),
               422, "validation", "codes[1]");
    checkError(put(admin, path, jsonObject({{"codes", "KCE-BED-001"}})), 400, "bad_request",
               "codes");
    checkError(put(admin, "/api/v1/catalogue/items/NOPE-1/equivalents",
                   jsonObject({{"codes", codes({})}})),
               404, "not_found");
    CHECK(texts(listedItem(admin, "KCE-MOB-002")->getArray("equivalents")) ==
          std::vector<std::string>{"KCE-BED-001"});

    const Response cleared = put(admin, path, jsonObject({{"codes", codes({})}}));
    REQUIRE(cleared.status == 200);
    CHECK(listedItem(admin, "KCE-MOB-002")->getArray("equivalents")->size() == 0);
    const auto after = texts(listedItem(admin, "KCE-BED-001")->getArray("equivalents"));
    CHECK(std::find(after.begin(), after.end(), "KCE-MOB-002") == after.end());
}

TEST_CASE("catalogue items - every other role is refused, and nobody signed out") {
    DemoCounty county;
    for (const char* user :
         {"prescriber", "budget", "warehouse", "planner", "driver", "commissioner"}) {
        CAPTURE(user);
        HttpClient client = county.signIn(user);
        checkError(client.post("/api/v1/catalogue/items", stool("KCE-NEW-012")), 403, "forbidden");
        checkError(
            patch(client, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"retired", true}})),
            403, "forbidden");
        checkError(put(client, "/api/v1/catalogue/items/KCE-MOB-002/equivalents",
                       jsonObject({{"codes", codes({})}})),
                   403, "forbidden");
    }
    HttpClient anyone = county.anonymous();
    checkError(anyone.post("/api/v1/catalogue/items", stool("KCE-NEW-012")), 401,
               "unauthenticated");
    checkError(
        patch(anyone, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"retired", true}})), 401,
        "unauthenticated");
    checkError(put(anyone, "/api/v1/catalogue/items/KCE-MOB-002/equivalents",
                   jsonObject({{"codes", codes({})}})),
               401, "unauthenticated");
    HttpClient admin = county.signIn("admin");
    CHECK_FALSE(listedItem(admin, "KCE-NEW-012"));
    HttpClient prescriber = county.signIn("prescriber");
    CHECK(listedItem(prescriber, "KCE-MOB-002"));
}

TEST_CASE("catalogue items - a retired equivalent is not offered when an item is out of stock") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    HttpClient warehouse = county.signIn("warehouse");
    HttpClient prescriber = county.signIn("prescriber");
    for (const auto& [depot, items] : readStock(warehouse)) {
        setAvailable(warehouse, depot, "KCE-MOB-001", 0);
    }
    setAvailable(warehouse, "WKD", "KCE-MOB-002", 5);
    REQUIRE(put(admin, "/api/v1/catalogue/items/KCE-MOB-001/equivalents",
                jsonObject({{"codes", codes({"KCE-MOB-002"})}}))
                .status == 200);
    NhsNumbers numbers;
    const auto resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    const std::string order = toJson(orderJson(resident.id, "5_day", {{"KCE-MOB-001", 1}}));
    // The codes offered with a 409 out_of_stock, inside the error object or beside it.
    auto offered = [&] {
        const Response refused = prescriber.post("/api/v1/orders", order);
        INFO(refused.describe());
        REQUIRE(refused.status == 409);
        const auto body = refused.object();
        const auto error = body->getObject("error");
        std::vector<std::string> codes;
        for (const auto& each : error && error->has("equivalents")
                                    ? objectsIn(error, "equivalents")
                                    : objectsIn(body, "equivalents")) {
            codes.push_back(each->getValue<std::string>("code"));
        }
        return codes;
    };
    CHECK(offered() == std::vector<std::string>{"KCE-MOB-002"});
    REQUIRE(patch(admin, "/api/v1/catalogue/items/KCE-MOB-002", jsonObject({{"retired", true}}))
                .status == 200);
    CHECK(offered().empty());
}
