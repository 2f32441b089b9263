// Closing a resident's records over HTTP: recording a death cancels their open orders (stock
// back in available), asks for the equipment on loan back (never twice), closes their tracking
// and refuses new orders; the admin's subject access document holds everything about them and
// is itself audited; the admin's resident pages find, print and record.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

const char* const kItem = "KCE-MOB-002";

// A demo resident of the prescriber's team with a delivered order of a barcoded item still on
// loan and no open collection: their id, that order, postcode and date of birth.
struct ResidentOnLoan {
    std::string id;
    std::string deliveredOrder;
    std::string postcode;
    std::string dateOfBirth;
};

ResidentOnLoan residentOnLoan(const DemoCounty& county) {
    const std::string row = firstSqlValue(
        county.dbPath(),
        "SELECT r.id || '|' || o.reference || '|' || r.postcode || '|' || r.date_of_birth "
        "FROM orders o JOIN residents r ON r.id = o.resident_id "
        "JOIN resident_teams rt ON rt.resident_id = r.id "
        "JOIN users u ON u.team_id = rt.team_id AND u.username = 'prescriber' "
        "JOIN order_lines ol ON ol.order_id = o.id JOIN loans l ON l.order_line_id = ol.id "
        "JOIN items i ON i.code = ol.item_code AND i.serialised = 1 "
        "WHERE o.status = 'delivered' AND l.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
        "collections k WHERE k.resident_id = r.id AND k.status = 'requested') "
        "AND NOT EXISTS (SELECT 1 FROM orders x WHERE x.resident_id = r.id "
        "AND x.status = 'out_for_delivery') ORDER BY o.id LIMIT 1");
    ResidentOnLoan found;
    std::vector<std::string*> parts{&found.id, &found.deliveredOrder, &found.postcode,
                                    &found.dateOfBirth};
    std::size_t start = 0;
    for (std::string* part : parts) {
        const std::size_t bar = row.find('|', start);
        *part = row.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        start = bar == std::string::npos ? row.size() : bar + 1;
    }
    return found;
}

long availableEverywhere(HttpClient& warehouse, const std::string& item) {
    long total = 0;
    for (const auto& [depot, items] : readStock(warehouse)) {
        if (const auto found = items.find(item); found != items.end()) {
            total += found->second.available;
        }
    }
    return total;
}

Response recordDeath(HttpClient& client, const std::string& id, const std::string& date,
                     const Headers& headers = {}) {
    return client.post("/api/v1/residents/" + id + "/deceased",
                       toJson(jsonObject({{"date", date}})), headers);
}

std::vector<std::string> texts(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    std::vector<std::string> values;
    const auto list = object->getArray(key);
    for (std::size_t i = 0; list && i < list->size(); ++i)
        values.push_back(list->getElement<std::string>(i));
    return values;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// A new resident of the prescriber's team with no orders.
struct NewResident {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    ResidentDetails details = residentAt("ME14 1AD", numbers);
    CreatedResident resident = createResident(prescriber, details);
    std::string id = resident.id.toString();
};

}  // namespace

TEST_CASE("record a death - open orders cancelled, stock back, loans collected, tracking closed") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");
    const ResidentOnLoan r = residentOnLoan(county);
    for (const auto& [depot, items] : readStock(warehouse)) adjustStock(warehouse, depot, kItem, 5);
    const long before = availableEverywhere(warehouse, kItem);
    const CreatedOrder open =
        createOrder(prescriber, Poco::Dynamic::Var(std::stoll(r.id)), {{kItem, 1}});
    REQUIRE(availableEverywhere(warehouse, kItem) == before - 1);

    const Response done = recordDeath(prescriber, r.id, isoDateFromToday(0));
    INFO(done.describe());
    REQUIRE(done.status == 200);
    const auto answer = done.object();
    CHECK(answer->getValue<std::string>("deceased_on") == isoDateFromToday(0));
    CHECK(has(texts(answer, "cancelled_orders"), open.reference));
    const auto raised = texts(answer, "collections");
    REQUIRE(!raised.empty());
    CHECK(availableEverywhere(warehouse, kItem) == before);
    CHECK(prescriber.get("/api/v1/orders/" + open.reference)
              .object()
              ->getValue<std::string>("status") == "cancelled");
    const Response collection = prescriber.get("/api/v1/collections/" + raised.front());
    INFO(collection.describe());
    CHECK(collection.object()->getValue<std::string>("reason") == "deceased");
    CHECK(collection.object()->getValue<std::string>("status") == "requested");
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM visits v JOIN orders o ON o.id = v.order_id "
                        "WHERE o.reference = '" +
                            open.reference +
                            "' AND v.kind = 'delivery' AND v.status IN ('pending', 'planned')") ==
          "0");

    HttpClient resident = county.anonymous();
    for (const Response& tracked :
         {resident.get("/api/v1/track/" + open.tracking_token),
          resident.post("/api/v1/track", jsonObject({{"reference", r.deliveredOrder},
                                                     {"postcode", r.postcode},
                                                     {"date_of_birth", r.dateOfBirth}}))}) {
        INFO(tracked.describe());
        REQUIRE(tracked.status == 200);
        CHECK(tracked.object()->getValue<std::string>("status") == "closed");
        CHECK(tracked.object()->size() == 2);
    }
    const Response trackPage = resident.get("/track/" + open.tracking_token);
    CHECK(contains(trackPage, "This record is closed"));
    CHECK(!contains(trackPage, "Walking"));
    CHECK(resident.get("/track/" + open.tracking_token + "/slot").status == 404);

    const Response refused = prescriber.post(
        "/api/v1/orders",
        toJson(orderJson(Poco::Dynamic::Var(std::stoll(r.id)), "5_day", {{kItem, 1}})));
    checkError(refused, 422, "validation", "resident_id");
    CHECK(contains(refused, r.id));

    checkError(recordDeath(prescriber, r.id, isoDateFromToday(0)), 409, "already_deceased",
               std::nullopt);
}

TEST_CASE("record a death - an open collection is not raised again") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    const ResidentOnLoan r = residentOnLoan(county);
    const Response asked = prescriber.post("/api/v1/collections",
                                           toJson(jsonObject({{"order_reference", r.deliveredOrder},
                                                              {"reason", "no_longer_needed"}})));
    INFO(asked.describe());
    REQUIRE(asked.status == 201);
    HttpClient admin = county.signIn("admin");
    const Response done = recordDeath(admin, r.id, isoDateFromToday(-1));
    INFO(done.describe());
    REQUIRE(done.status == 200);
    CHECK(has(texts(done.object(), "already_collecting"), r.deliveredOrder));
    CHECK(!has(texts(done.object(), "collections"),
               asked.object()->getValue<std::string>("reference")));
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM collections k JOIN orders o ON o.id = k.order_id "
                        "WHERE o.reference = '" +
                            r.deliveredOrder + "' AND k.status = 'requested'") == "1");
}

TEST_CASE("record a death - an order partly asked back already gets the rest asked back") {
    DemoCounty county;
    // A resident of the prescriber's team with two barcoded units on loan on one order, and
    // nothing being collected yet.
    const std::string row = firstSqlValue(
        county.dbPath(),
        "SELECT o.resident_id || '|' || o.reference || '|' || MIN(a.barcode) FROM orders o "
        "JOIN order_lines ol ON ol.order_id = o.id JOIN assets a ON a.order_line_id = ol.id "
        "AND a.state = 'on_loan' JOIN resident_teams rt ON rt.resident_id = o.resident_id "
        "JOIN users u ON u.team_id = rt.team_id AND u.username = 'prescriber' "
        "WHERE NOT EXISTS (SELECT 1 FROM collections k WHERE k.resident_id = o.resident_id "
        "AND k.status = 'requested') AND NOT EXISTS (SELECT 1 FROM orders x WHERE "
        "x.resident_id = o.resident_id AND x.status = 'out_for_delivery') "
        "GROUP BY o.id HAVING COUNT(a.id) >= 2 ORDER BY o.id LIMIT 1");
    REQUIRE(!row.empty());
    const auto bar1 = row.find('|');
    const auto bar2 = row.find('|', bar1 + 1);
    const std::string resident = row.substr(0, bar1);
    const std::string order = row.substr(bar1 + 1, bar2 - bar1 - 1);
    const std::string first = row.substr(bar2 + 1);
    HttpClient prescriber = county.signIn("prescriber");
    auto barcodes = Poco::JSON::Array::Ptr(new Poco::JSON::Array);
    barcodes->add(first);
    const Response asked = prescriber.post(
        "/api/v1/collections",
        toJson(jsonObject({{"barcodes", barcodes}, {"reason", "no_longer_needed"}})));
    INFO(asked.describe());
    REQUIRE(asked.status == 201);
    const std::string onLoan =
        firstSqlValue(county.dbPath(),
                      "SELECT COUNT(*) FROM loans l JOIN order_lines ol ON ol.id = "
                      "l.order_line_id JOIN orders o ON o.id = ol.order_id WHERE o.reference = '" +
                          order + "' AND l.ended_at IS NULL");

    HttpClient admin = county.signIn("admin");
    const Response done = recordDeath(admin, resident, isoDateFromToday(-1));
    INFO(done.describe());
    REQUIRE(done.status == 200);
    CHECK(!has(texts(done.object(), "already_collecting"), order));
    REQUIRE(texts(done.object(), "collections").size() >= 1);
    // Every open loan of the order is on exactly one open collection.
    CHECK(firstSqlValue(
              county.dbPath(),
              "SELECT COUNT(DISTINCT ci.loan_id) FROM collection_items ci JOIN collections k ON "
              "k.id = ci.collection_id JOIN loans l ON l.id = ci.loan_id JOIN order_lines ol ON "
              "ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id WHERE o.reference = '" +
                  order + "' AND k.status = 'requested' AND l.ended_at IS NULL") == onLoan);
    CHECK(firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM collection_items ci JOIN collections k ON k.id = "
                        "ci.collection_id WHERE k.status = 'requested' AND ci.asset_id = (SELECT "
                        "id FROM assets WHERE barcode = '" +
                            first + "')") == "1");
}

TEST_CASE("record a death - a bad date is 422 naming date, nothing written") {
    NewResident f;
    for (const char* date : {"yesterday", "2026-13-01", "1800-01-01"}) {
        INFO(date);
        checkError(recordDeath(f.prescriber, f.id, date), 422, "validation", "date");
    }
    checkError(recordDeath(f.prescriber, f.id, isoDateFromToday(2)), 422, "validation", "date");
    CHECK(f.prescriber
              .post("/api/v1/residents/" + f.id + "/deceased", toJson(jsonObject({{"day", "x"}})))
              .status == 400);
    CHECK(f.prescriber.get("/api/v1/residents/" + f.id).status == 200);
    REQUIRE(recordDeath(f.prescriber, f.id, isoDateFromToday(0)).status == 200);
}

TEST_CASE("record a death - other teams and roles are refused, unknown is 404, no session 401") {
    NewResident f;
    HttpClient other = f.county.signIn("prescriber2");
    checkError(recordDeath(other, f.id, isoDateFromToday(0)), 403, "forbidden", std::nullopt);
    for (const char* user : {"budget", "warehouse", "planner", "driver", "commissioner"}) {
        HttpClient client = f.county.signIn(user);
        INFO(user);
        checkError(recordDeath(client, f.id, isoDateFromToday(0)), 403, "forbidden", std::nullopt);
    }
    HttpClient nobody = f.county.anonymous();
    CHECK(recordDeath(nobody, f.id, isoDateFromToday(0)).status == 401);
    checkError(recordDeath(f.prescriber, "99999999", isoDateFromToday(0)), 404, "not_found",
               std::nullopt);
    HttpClient admin = f.county.signIn("admin");
    REQUIRE(recordDeath(admin, f.id, isoDateFromToday(0)).status == 200);
}

TEST_CASE("record a death - under an Idempotency-Key the answer is replayed, not a 409") {
    NewResident f;
    const Headers key = {{"Idempotency-Key", "death-1"}};
    const Response first = recordDeath(f.prescriber, f.id, isoDateFromToday(0), key);
    REQUIRE(first.status == 200);
    const Response again = recordDeath(f.prescriber, f.id, isoDateFromToday(0), key);
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
}

TEST_CASE("subject access - everything about the resident, and the read is audited") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const ResidentOnLoan r = residentOnLoan(county);
    const std::string path = "/api/v1/residents/" + r.id + "/subject-access";
    const Response first = admin.get(path);
    INFO(first.describe());
    REQUIRE(first.status == 200);
    const auto doc = first.object();
    CHECK(doc->getObject("resident")->getValue<std::string>("postcode") == r.postcode);
    CHECK(doc->getObject("resident")->isNull("deceased_on"));
    bool delivered = false;
    for (const auto& o : objectsIn(doc, "orders")) {
        delivered |= o->getValue<std::string>("reference") == r.deliveredOrder;
    }
    CHECK(delivered);
    for (const std::string part : {"teams", "order_lines", "loans", "assets"}) {
        INFO(part);
        CHECK(!objectsIn(doc, part).empty());
    }
    // The demo's older deliveries were made before visits were recorded: count what is there.
    CHECK(
        std::to_string(objectsIn(doc, "visits").size()) ==
        firstSqlValue(county.dbPath(), "SELECT COUNT(*) FROM visits WHERE resident_id = " + r.id));
    CHECK(doc->getArray("collections"));
    CHECK(doc->getArray("messages"));
    // Every message written to them is theirs to see.
    CHECK(std::to_string(objectsIn(doc, "messages").size()) ==
          firstSqlValue(county.dbPath(),
                        "SELECT COUNT(*) FROM outbox m WHERE m.resident_id = " + r.id +
                            " OR (m.entity = 'order' AND m.entity_id IN (SELECT reference FROM "
                            "orders WHERE resident_id = " +
                            r.id + "))"));
    CHECK(doc->getObject("resident")->has("contact_channel"));
    const Response second = admin.get(path);
    const auto audit = objectsIn(second.object(), "audit");
    REQUIRE(!audit.empty());
    CHECK(audit.front()->getValue<std::string>("action") == "resident.subject_access");
    CHECK(audit.front()->getValue<std::string>("user") == "admin");
}

TEST_CASE("subject access - the printable page reads in plain words and UK local times") {
    DemoCounty county;
    const ResidentOnLoan r = residentOnLoan(county);
    const Response page =
        PageBrowser(county, "admin").get("/admin/residents/" + r.id + "/subject-access");
    REQUIRE(page.status == 200);
    for (const std::string label : {"Date of birth", "NHS number", "Access notes", "Order lines",
                                    "Total", "Started", "Who read or changed their records"}) {
        INFO(label);
        CHECK(contains(page, label));
    }
    for (const std::string raw : {"date_of_birth", "order_lines", "total_pence", "started_at"}) {
        INFO(raw);
        CHECK_FALSE(contains(page, raw));
    }
    // No stored instant (2026-03-02T10:00:00Z) is shown as such: times read "10am" or "4:43pm".
    CHECK(page.body.find("T") != std::string::npos);
    bool isoShown = false;
    for (std::size_t at = page.body.find('T'); at != std::string::npos;
         at = page.body.find('T', at + 1)) {
        isoShown |= at >= 10 && at + 9 < page.body.size() && page.body[at - 3] == '-' &&
                    page.body[at + 3] == ':' && page.body[at + 9] == 'Z';
    }
    CHECK_FALSE(isoShown);
    CHECK(contains(page, r.deliveredOrder));
}

TEST_CASE("subject access - only the admin, unknown is 404, no session 401") {
    NewResident f;
    const std::string path = "/api/v1/residents/" + f.id + "/subject-access";
    for (const char* user :
         {"prescriber", "budget", "warehouse", "planner", "driver", "commissioner"}) {
        HttpClient client = f.county.signIn(user);
        INFO(user);
        checkError(client.get(path), 403, "forbidden", std::nullopt);
    }
    CHECK(f.county.anonymous().get(path).status == 401);
    HttpClient admin = f.county.signIn("admin");
    checkError(admin.get("/api/v1/residents/99999999/subject-access"), 404, "not_found",
               std::nullopt);
    checkError(admin.get("/api/v1/residents/abc/subject-access"), 404, "not_found", std::nullopt);
    CHECK(admin.get(path).object()->getObject("resident")->getValue<std::string>("name") ==
          f.details.name);
}
