// Key-safe codes end to end: a prescriber records one with consent (write-only in the API), the
// driver of today's stop sees it on the driver page (audited), the resident withdraws consent
// through the tracking link; a planted code is found nowhere else: not in the database file, the
// export, the server's log, or any answer of the API.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

const std::string kCode = "7Q4-Z91";
const std::string kKey = "8c1f4e2a9b7d3c5e6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string keyFile(const TempDir& dir) {
    const std::string path = dir.file("secrets.key");
    std::ofstream(path) << kKey << "\n";
    return path;
}

struct KeySafeCounty {
    TempDir dir;
    DemoCounty county{
        {.threads = 0, .roadGraph = {}, .extraArgs = {"--secrets-key-file", keyFile(dir)}}};
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    std::string answers;  ///< Every API answer read, to look for the code in.

    Response keep(const std::string& id, const std::string& body) {
        Response r = prescriber.send("PATCH", "/api/v1/residents/" + id, body, {});
        answers += r.body;
        return r;
    }
};

}  // namespace

TEST_CASE(
    "key safe - kept only with consent, never answered, shown to today's driver only, "
    "withdrawn through the tracking link, and found nowhere else") {
    KeySafeCounty t;
    HttpClient warehouse = t.county.signIn("warehouse");
    adjustStock(warehouse, "EKD", "KCE-MOB-002", 20);
    const auto details = residentAt("CT1 2AA", t.numbers);
    const auto resident = createResident(t.prescriber, details);
    const std::string id = resident.id.toString();

    checkError(t.keep(id, R"({"key_safe_code": ")" + kCode + R"("})"), 422, "validation",
               "key_safe_consent");
    checkError(t.keep(id, R"({"key_safe_code": "12;34", "key_safe_consent": true})"), 422,
               "validation", "key_safe_code");
    const Response none = t.prescriber.get("/api/v1/residents/" + id);
    CHECK(none.object()->isNull("key_safe"));  // nothing kept after a refusal
    const Response kept =
        t.keep(id, R"({"key_safe_code": ")" + kCode + R"(", "key_safe_consent": true})");
    INFO(kept.describe());
    REQUIRE(kept.status == 200);
    CHECK(kept.object()->getObject("key_safe")->has("consent_at"));

    // An order for the resident goes onto the first day after today the demo county planned;
    // that day's vans are full to the end of their shifts, so the admin gives them overtime.
    const auto order = createOrder(t.prescriber, resident.id, {{"KCE-MOB-002", 1}});
    const std::string day =
        firstSqlValue(t.county.dbPath(), "SELECT MIN(plan_date) FROM plans WHERE plan_date > '" +
                                             isoDateFromToday(0) + "'");
    REQUIRE(day.size() == 10);
    HttpClient admin = t.county.signIn("admin");
    extendShifts(admin, "EKD", "19:00");
    HttpClient planner = t.county.signIn("planner");
    Response put = planner.post("/api/v1/plans/" + day + "/insert",
                                R"({"order": ")" + order.reference + R"(", "confirm": true})");
    INFO(put.describe());
    REQUIRE(put.status == 200);
    const std::string van = put.object()->getValue<std::string>("van");
    const std::string visit = std::to_string(put.object()->getValue<long>("visit_id"));

    // The day before, the driver sees the stop but no key safe; on the day, a button.
    const std::string stops = "/driver?date=" + day + "&van=" + van;
    {
        PageBrowser driver(t.county, "driver");
        const Response early = driver.get(stops);
        CHECK_FALSE(contains(early, "Show the key-safe code"));
    }
    t.county.restart({"--clock-from", day + "T09:00:00Z"});
    t.prescriber = t.county.signIn("prescriber");  // the new server listens on a new port
    planner = t.county.signIn("planner");
    PageBrowser driver(t.county, "driver");
    // Until the driver signs on to the van, its stops offer no code.
    const Response notOn = driver.get(stops);
    REQUIRE(notOn.status == 200);
    CHECK(contains(notOn, "Sign on to van " + van));
    CHECK_FALSE(contains(notOn, "Show the key-safe code"));
    CHECK(driver.post("/driver/visits/" + visit + "/key-safe", "date=" + day + "&van=" + van)
              .status == 403);
    const Response signedOn = driver.post("/driver/vans/" + van + "/sign-on", "");
    CHECK(signedOn.status == 303);
    const Response page = driver.get(stops);
    REQUIRE(page.status == 200);
    CHECK(contains(page, "You are on this van today"));
    CHECK(contains(page, "Show the key-safe code"));
    CHECK_FALSE(contains(page, kCode));
    const Response shown =
        driver.post("/driver/visits/" + visit + "/key-safe", "date=" + day + "&van=" + van);
    REQUIRE(shown.status == 200);
    CHECK(contains(shown, kCode));
    CHECK(count(shown.body, kCode) == 1);  // on that stop only
    // The API signs on too; a van that does not exist, or has no route today, is refused.
    HttpClient driving = t.county.signIn("driver");
    const Response api = driving.post("/api/v1/vans/" + van + "/sign-on", "{}");
    INFO(api.describe());
    REQUIRE(api.status == 200);
    CHECK(api.object()->getValue<std::string>("date") == day);
    CHECK(api.object()->getArray("drivers")->size() == 1);
    checkError(driving.post("/api/v1/vans/NO-SUCH-VAN/sign-on", "{}"), 404, "not_found");
    admin = t.county.signIn("admin");  // the new server listens on a new port
    const Response added = admin.post(
        "/api/v1/vans",
        R"({"code": "EKD-SPARE", "depot_code": "EKD", "capacity_units": 30, "shift_start": "08:00", "shift_end": "17:00"})");
    REQUIRE(added.status == 201);
    checkError(driving.post("/api/v1/vans/EKD-SPARE/sign-on", "{}"), 409, "no_route_today");
    PageBrowser planning(t.county, "planner");
    CHECK(planning.post("/driver/visits/" + visit + "/key-safe", "date=" + day + "&van=" + van)
              .status == 403);

    // Every showing and every change is audited, never with the code.
    const Response audit = admin.get("/api/v1/audit?limit=200");
    t.answers += audit.body;
    CHECK(count(audit.body, "resident.key_safe.show") == 1);
    CHECK(count(audit.body, "resident.key_safe.record") == 1);
    CHECK(count(audit.body, "van.sign_on") == 2);

    // No list, export, log or database holds it.
    t.answers += t.prescriber.get("/api/v1/residents/" + id).body;
    t.answers += t.prescriber.get("/api/v1/residents?nhs_number=" + details.nhs_number).body;
    t.answers += admin.get("/api/v1/residents/" + id + "/subject-access").body;
    t.answers += admin.get("/api/v1/outbox?limit=200").body;
    t.answers += t.prescriber.get("/api/v1/orders/" + order.reference).body;
    t.answers += planner.get("/api/v1/plans/" + day).body;
    const Response manifest = admin.get("/api/v1/export");
    REQUIRE(manifest.status == 200);
    CHECK_FALSE(contains(manifest, "key_safes"));
    for (const auto& table : objectsIn(manifest.object(), "tables")) {
        t.answers += admin.get("/api/v1/export/" + table->getValue<std::string>("file")).body;
    }
    CHECK(t.answers.find(kCode) == std::string::npos);
    CHECK(t.county.serverLog().find(kCode) == std::string::npos);
    if (!t.county.dbPath().starts_with("postgresql://")) {
        CHECK(fileText(t.county.dbPath()).find(kCode) == std::string::npos);
        CHECK(fileText(t.county.dbPath() + "-wal").find(kCode) == std::string::npos);
    }

    // The resident withdraws consent through their tracking link: the code is gone.
    PageBrowser holder(t.county, "driver");  // anyone holding the link
    const std::string contact = "/track/" + order.tracking_token + "/contact?lang=en";
    const Response form = holder.get(contact);
    CHECK(contains(form, "We keep the code of your key safe"));
    const Response withdrawn =
        holder.post("/track/" + order.tracking_token + "/key-safe/withdraw", "");
    CHECK(withdrawn.status == 303);
    CHECK(contains(holder.get("/track/" + order.tracking_token + "?key_safe=withdrawn&lang=en"),
                   "We have deleted the code of your key safe."));
    CHECK_FALSE(contains(holder.get(contact), "We keep the code of your key safe"));
    CHECK_FALSE(contains(driver.get(stops), "Show the key-safe code"));
    CHECK(driver.post("/driver/visits/" + visit + "/key-safe", "date=" + day + "&van=" + van)
              .status == 404);
    CHECK(t.prescriber.get("/api/v1/residents/" + id).object()->isNull("key_safe"));
}

TEST_CASE("key safe - a service started without a secrets key refuses to keep a code") {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    const auto resident = createResident(prescriber, residentAt("CT1 2AA", numbers));
    checkError(prescriber.send("PATCH", "/api/v1/residents/" + resident.id.toString(),
                               R"({"key_safe_code": "1234", "key_safe_consent": true})", {}),
               422, "validation", "key_safe_code");
}
