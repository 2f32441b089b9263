// The role x endpoint table of domain.md and design.md: every API endpoint (read from the
// source, so an endpoint without a row fails) walked with every role and with no session;
// another team's records; audit rows for reads of personal data; staff pages refuse
// signed-out visitors and the wrong role.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "api_requests.h"
#include "harness.h"
#include "route_scan.h"

using namespace ces::integration;

namespace {

const std::string kNoSession = "(no session)";
const std::vector<std::string> kCallers = {kNoSession, "prescriber",   "prescriber2",
                                           "budget",   "warehouse",    "planner",
                                           "driver",   "commissioner", "admin"};
const std::set<std::string> kAnyone(kCallers.begin(), kCallers.end());
const std::set<std::string> kStaff = {"prescriber", "prescriber2", "budget",       "warehouse",
                                      "planner",    "driver",      "commissioner", "admin"};
const std::set<std::string> kPrescribers = {"prescriber", "prescriber2"};

// One endpoint: the route as registered, a concrete path and body (placeholders such as
// {order} are filled from the fixture), and who may call it. `team_scoped`: the record
// belongs to prescriber's team, so prescriber2 (another team) must be refused or not shown.
struct Endpoint {
    std::string method;
    std::string route;
    std::string path;
    std::optional<std::string> body;
    std::set<std::string> allowed;
    bool team_scoped = false;
    bool ends_session = false;  // run with a fresh session (DELETE /sessions)
};

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// A county with prescriber's resident and three of their orders (one to read, one awaiting
// approval, one to cancel), a collection, and a signed-in client per demo user.
struct AccessFixture {
    DemoCounty county;
    NhsNumbers numbers;
    std::map<std::string, HttpClient> clients;
    ResidentDetails resident_details;
    CreatedResident resident;
    CreatedOrder order;
    CreatedOrder approval;
    CreatedOrder to_cancel;
    std::string collection;
    std::map<std::string, std::string> values;

    AccessFixture() {
        clients.emplace(kNoSession, county.anonymous());
        for (const auto& user : kStaff) clients.emplace(user, county.signIn(user));
        adjustStock(as("warehouse"), "WKD", "KCE-MOB-002", 50);
        receiveStock(as("warehouse"), "WKD", "KCE-HST-005", 2);
        resident_details = residentAt("ME14 1AD", numbers);
        resident = createResident(as("prescriber"), resident_details);
        order = createOrder(as("prescriber"), resident.id, {{"KCE-MOB-002", 1}});
        approval = createOrder(as("prescriber"), resident.id, {{"KCE-HST-005", 1}});
        to_cancel = createOrder(as("prescriber"), resident.id, {{"KCE-MOB-002", 1}});
        REQUIRE(approval.status == "awaiting_approval");
        const Response open = as("warehouse").get("/api/v1/collections");
        INFO(open.describe());
        REQUIRE(open.status == 200);
        const auto collections = objectsIn(open.object(), "collections");
        collection = collections.empty() ? "COL-2026-999999"
                                         : collections[0]->getValue<std::string>("reference");
        values = {{"{resident}", resident.id.toString()},
                  {"{nhs}", resident_details.nhs_number},
                  {"{order}", order.reference},
                  {"{approval}", approval.reference},
                  {"{cancel}", to_cancel.reference},
                  {"{token}", order.tracking_token},
                  {"{postcode}", resident_details.postcode},
                  {"{birth}", resident_details.date_of_birth},
                  {"{collection}", collection},
                  {"{future}", isoDateFromToday(400)},
                  {"{new_resident}", toJson(residentJson(residentAt("CT1 2AA", numbers)))}};
    }

    HttpClient& as(const std::string& user) { return clients.at(user); }

    std::string fill(std::string text) const {
        for (const auto& [placeholder, value] : values) text = replaceAll(text, placeholder, value);
        return text;
    }
};

// The table. Bodies are well formed so that an allowed caller reaches the handler's work
// (an answer such as 400/404/409/422 about the data still means "allowed").
std::vector<Endpoint> accessTable() {
    const std::set<std::string> orderReaders = {"prescriber", "prescriber2", "budget", "warehouse",
                                                "planner"};
    const std::set<std::string> reports = {"commissioner", "admin"};
    const std::set<std::string> warehouse = {"warehouse"};
    const std::set<std::string> stockViewers = {"warehouse", "planner"};
    const std::set<std::string> collectionStaff = {"prescriber", "prescriber2", "warehouse",
                                                   "planner"};
    const std::string adjustment =
        R"({"depot":"WKD","item_code":"KCE-MOB-002","delta":1,"reason":"access table"})";
    const std::string receipt =
        R"({"depot":"WKD","supplier":"Access Table Ltd","supplier_reference":"AT-1",)"
        R"("lines":[{"item_code":"KCE-MOB-002","quantity":1}]})";
    const std::string track =
        R"({"reference":"{order}","postcode":"{postcode}","date_of_birth":"{birth}"})";
    const std::string slot = R"({"date":"{future}","start":"10:00"})";
    return {
        {"GET", "/api/v1/health", "/api/v1/health", std::nullopt, kAnyone},
        {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", std::nullopt, kAnyone},
        {"POST", "/api/v1/sessions", "/api/v1/sessions",
         R"({"username":"driver","password":"demo-driver"})", kAnyone},
        {"DELETE", "/api/v1/sessions", "/api/v1/sessions", std::nullopt, kStaff, false, true},
        {"GET", "/api/v1/catalogue", "/api/v1/catalogue?q=frame", std::nullopt, kStaff},
        {"POST", "/api/v1/residents", "/api/v1/residents", "{new_resident}", kPrescribers},
        {"GET", "/api/v1/residents", "/api/v1/residents?nhs_number={nhs}", std::nullopt,
         kPrescribers},
        {"GET",
         "/api/v1/residents/{id}",
         "/api/v1/residents/{resident}",
         std::nullopt,
         {"prescriber"},
         true},
        {"POST",
         "/api/v1/orders",
         "/api/v1/orders",
         R"({"resident_id":{resident},"speed":"5_day",)"
         R"("lines":[{"item_code":"KCE-MOB-002","quantity":1}]})",
         {"prescriber"},
         true},
        {"GET", "/api/v1/orders", "/api/v1/orders", std::nullopt, orderReaders},
        {"GET",
         "/api/v1/orders/{ref}",
         "/api/v1/orders/{order}",
         std::nullopt,
         {"prescriber", "budget", "warehouse", "planner"},
         true},
        {"POST",
         "/api/v1/orders/{ref}/approve",
         "/api/v1/orders/{approval}/approve",
         "{}",
         {"budget"},
         true},
        {"POST", "/api/v1/orders/{ref}/countersign", "/api/v1/orders/{approval}/countersign", "{}",
         kPrescribers, true},
        {"POST",
         "/api/v1/orders/{ref}/cancel",
         "/api/v1/orders/{cancel}/cancel",
         "{}",
         {"prescriber", "budget"},
         true},
        {"GET",
         "/api/v1/orders/{ref}/slots",
         "/api/v1/orders/{order}/slots",
         std::nullopt,
         {"prescriber"},
         true},
        {"POST",
         "/api/v1/orders/{ref}/slot",
         "/api/v1/orders/{order}/slot",
         slot,
         {"prescriber"},
         true},
        {"GET",
         "/api/v1/orders/{ref}/shortages",
         "/api/v1/orders/{order}/shortages",
         std::nullopt,
         {"prescriber", "budget", "warehouse", "planner"},
         true},
        {"POST",
         "/api/v1/orders/{ref}/equivalent",
         "/api/v1/orders/{order}/equivalent",
         R"({"item_code":"KCE-MOB-002","equivalent_code":"KCE-MOB-001"})",
         {"prescriber", "budget"},
         true},
        {"POST", "/api/v1/track", "/api/v1/track", track, kAnyone},
        {"GET", "/api/v1/track/{token}", "/api/v1/track/{token}", std::nullopt, kAnyone},
        {"GET", "/api/v1/stock", "/api/v1/stock", std::nullopt, stockViewers},
        {"POST", "/api/v1/stock/adjustments", "/api/v1/stock/adjustments", adjustment, warehouse},
        {"POST", "/api/v1/stock/receipts", "/api/v1/stock/receipts", receipt, warehouse},
        {"GET", "/api/v1/stock/receipts", "/api/v1/stock/receipts", std::nullopt, warehouse},
        {"GET", "/api/v1/stock/receipts/{id}", "/api/v1/stock/receipts/1", std::nullopt, warehouse},
        {"GET", "/api/v1/stock/states", "/api/v1/stock/states", std::nullopt, stockViewers},
        {"GET", "/api/v1/stock/replenishment", "/api/v1/stock/replenishment", std::nullopt,
         warehouse},
        {"POST", "/api/v1/stock/recycling", "/api/v1/stock/recycling", "{}", warehouse},
        {"GET", "/api/v1/maintenance/due", "/api/v1/maintenance/due", std::nullopt, stockViewers},
        {"POST", "/api/v1/returns", "/api/v1/returns", "{}", warehouse},
        {"GET",
         "/api/v1/assets/{barcode}",
         "/api/v1/assets/NO-SUCH-ASSET",
         std::nullopt,
         {"warehouse", "planner", "driver"}},
        {"POST", "/api/v1/assets/{barcode}/decontaminate",
         "/api/v1/assets/NO-SUCH-ASSET/decontaminate", "{}", warehouse},
        {"POST",
         "/api/v1/assets/{barcode}/inspect",
         "/api/v1/assets/NO-SUCH-ASSET/inspect",
         "{}",
         {"warehouse", "driver"}},
        {"POST", "/api/v1/assets/{barcode}/repair", "/api/v1/assets/NO-SUCH-ASSET/repair", "{}",
         warehouse},
        {"POST", "/api/v1/assets/{barcode}/lost", "/api/v1/assets/NO-SUCH-ASSET/lost", "{}",
         warehouse},
        {"POST", "/api/v1/assets/{barcode}/pick", "/api/v1/assets/NO-SUCH-ASSET/pick", "{}",
         warehouse},
        {"POST",
         "/api/v1/collections",
         "/api/v1/collections",
         R"({"order_reference":"{order}","reason":"no_longer_needed"})",
         {kNoSession, "prescriber", "warehouse"},
         true},
        {"GET", "/api/v1/collections", "/api/v1/collections", std::nullopt, stockViewers},
        {"POST",
         "/api/v1/collections/still-needed",
         "/api/v1/collections/still-needed",
         R"({"dry_run":true})",
         {"warehouse", "admin"}},
        {"GET", "/api/v1/collections/{ref}", "/api/v1/collections/{collection}", std::nullopt,
         collectionStaff},
        {"GET", "/api/v1/collections/{ref}/slots", "/api/v1/collections/{collection}/slots",
         std::nullopt, collectionStaff},
        {"POST", "/api/v1/collections/{ref}/slot", "/api/v1/collections/{collection}/slot", slot,
         collectionStaff},
        {"POST", "/api/v1/collections/{ref}/cancel", "/api/v1/collections/{collection}/cancel",
         "{}", collectionStaff},
        {"GET", "/api/v1/collection-points", "/api/v1/collection-points", std::nullopt, kAnyone},
        {"GET",
         "/api/v1/specials",
         "/api/v1/specials",
         std::nullopt,
         {"warehouse", "budget", "commissioner"}},
        {"POST",
         "/api/v1/specials/{id}/approve",
         "/api/v1/specials/999999999/approve",
         "{}",
         {"budget"}},
        {"POST", "/api/v1/specials/{id}/quote", "/api/v1/specials/999999999/quote", "{}",
         warehouse},
        {"POST", "/api/v1/specials/{id}/order", "/api/v1/specials/999999999/order", "{}",
         warehouse},
        {"POST", "/api/v1/specials/{id}/receive", "/api/v1/specials/999999999/receive", "{}",
         warehouse},
        {"POST", "/api/v1/plans/optimise", "/api/v1/plans/optimise", "{}", {"planner"}},
        {"GET", "/api/v1/plans/capacity", "/api/v1/plans/capacity", std::nullopt, {"planner"}},
        {"POST", "/api/v1/plans/{date}/insert", "/api/v1/plans/{future}/insert", "{}", {"planner"}},
        {"POST",
         "/api/v1/plans/{date}/optimise",
         "/api/v1/plans/{future}/optimise",
         "{}",
         {"planner"}},
        {"GET",
         "/api/v1/plans/{date}",
         "/api/v1/plans/{future}",
         std::nullopt,
         {"planner", "driver", "warehouse"}},
        {"GET",
         "/api/v1/picklists/{date}",
         "/api/v1/picklists/{future}",
         std::nullopt,
         {"warehouse", "planner", "driver"}},
        {"POST", "/api/v1/visits", "/api/v1/visits", "{}", {"planner", "warehouse"}},
        {"POST",
         "/api/v1/visits/{id}/outcome",
         "/api/v1/visits/999999999/outcome",
         "{}",
         {"driver", "planner"}},
        {"GET", "/api/v1/outbox", "/api/v1/outbox", std::nullopt, {"admin"}},
        {"POST", "/api/v1/outbox/{id}/retry", "/api/v1/outbox/999999999/retry", "{}", {"admin"}},
        {"GET", "/api/v1/tasks", "/api/v1/tasks", std::nullopt, {"planner", "admin"}},
        {"POST",
         "/api/v1/tasks/{id}/done",
         "/api/v1/tasks/999999999/done",
         "{}",
         {"planner", "admin"}},
        {"GET", "/api/v1/reports/kpis", "/api/v1/reports/kpis?from=2026-01-01&to=2026-12-31",
         std::nullopt, reports},
        {"GET", "/api/v1/reports/{file}", "/api/v1/reports/kpis.csv", std::nullopt, reports},
        {"GET", "/api/v1/ledger", "/api/v1/ledger", std::nullopt, reports},
        {"POST",
         "/api/v1/ledger/{id}/corrections",
         "/api/v1/ledger/999999999/corrections",
         R"({"amount_pence":1,"reason":"access table"})",
         {"admin"}},
        {"GET", "/api/v1/credit-policies", "/api/v1/credit-policies", std::nullopt, reports},
        {"POST", "/api/v1/credit-policies", "/api/v1/credit-policies", "{}", {"admin"}},
        {"GET", "/api/v1/export", "/api/v1/export", std::nullopt, {"admin"}},
        {"GET", "/api/v1/export/{file}", "/api/v1/export/teams.json", std::nullopt, {"admin"}},
        {"GET", "/api/v1/settings", "/api/v1/settings", std::nullopt, {"admin"}},
        {"POST", "/api/v1/settings", "/api/v1/settings", "{}", {"admin"}},
        {"GET", "/api/v1/jobs", "/api/v1/jobs", std::nullopt, {"admin"}},
        {"POST", "/api/v1/jobs/{name}/run", "/api/v1/jobs/no-such-job/run", "{}", {"admin"}},
        {"POST",
         "/api/v1/catalogue/import",
         "/api/v1/catalogue/import?dry_run=true",
         "{}",
         {"admin"}},
        {"POST", "/api/v1/catalogue/items", "/api/v1/catalogue/items", "{}", {"admin"}},
        {"PATCH",
         "/api/v1/catalogue/items/{code}",
         "/api/v1/catalogue/items/KCE-MOB-002",
         "{}",
         {"admin"}},
        {"PUT",
         "/api/v1/catalogue/items/{code}/equivalents",
         "/api/v1/catalogue/items/KCE-MOB-002/equivalents",
         "{}",
         {"admin"}},
        {"PATCH",
         "/api/v1/residents/{id}",
         "/api/v1/residents/{resident}",
         "{}",
         {"prescriber", "admin"}},
        {"GET", "/api/v1/audit", "/api/v1/audit?limit=1", std::nullopt, {"admin"}},
        {"GET", "/api/v1/funders", "/api/v1/funders", std::nullopt, {"admin"}},
        {"POST", "/api/v1/funders", "/api/v1/funders", "{}", {"admin"}},
        {"GET", "/api/v1/teams", "/api/v1/teams", std::nullopt, {"admin"}},
        {"POST", "/api/v1/teams", "/api/v1/teams", "{}", {"admin"}},
        {"PATCH", "/api/v1/teams/{code}", "/api/v1/teams/TEAM1", "{}", {"admin"}},
        {"GET", "/api/v1/depots", "/api/v1/depots", std::nullopt, {"admin"}},
        {"POST", "/api/v1/depots", "/api/v1/depots", "{}", {"admin"}},
        {"PATCH", "/api/v1/depots/{code}", "/api/v1/depots/EKD", "{}", {"admin"}},
        {"GET", "/api/v1/vans", "/api/v1/vans", std::nullopt, {"admin"}},
        {"POST", "/api/v1/vans", "/api/v1/vans", "{}", {"admin"}},
        {"PATCH", "/api/v1/vans/{code}", "/api/v1/vans/EKD-VAN1", "{}", {"admin"}},
        {"POST",
         "/api/v1/vans/{code}/sign-on",
         "/api/v1/vans/NO-SUCH-VAN/sign-on",
         "{}",
         {"driver"}},
        {"GET", "/api/v1/admin/readiness", "/api/v1/admin/readiness", std::nullopt, {"admin"}},
        {"GET", "/api/v1/users", "/api/v1/users", std::nullopt, {"admin"}},
        {"POST", "/api/v1/users", "/api/v1/users", "{}", {"admin"}},
        {"PATCH", "/api/v1/users/{id}", "/api/v1/users/999999999", "{}", {"admin"}},
        {"POST",
         "/api/v1/users/{id}/password-reset",
         "/api/v1/users/999999999/password-reset",
         "{}",
         {"admin"}},
        {"POST", "/api/v1/me/password", "/api/v1/me/password", "{}", kStaff},
        {"GET",
         "/api/v1/competences",
         "/api/v1/competences",
         std::nullopt,
         {"prescriber", "prescriber2", "budget", "admin"}},
        {"POST", "/api/v1/competences", "/api/v1/competences", "{}", {"admin"}},
        {"GET",
         "/api/v1/competences/expiring",
         "/api/v1/competences/expiring",
         std::nullopt,
         {"admin"}},
        {"GET",
         "/api/v1/users/{id}/competences",
         "/api/v1/users/999999999/competences",
         std::nullopt,
         {"admin"}},
        {"PUT",
         "/api/v1/users/{id}/competences/{code}",
         "/api/v1/users/999999999/competences/moving_handling",
         "{}",
         {"admin"}},
        {"DELETE",
         "/api/v1/users/{id}/competences/{code}",
         "/api/v1/users/999999999/competences/moving_handling",
         std::nullopt,
         {"admin"}},
        {"GET",
         "/api/v1/recalls",
         "/api/v1/recalls",
         std::nullopt,
         {"admin", "warehouse", "planner", "commissioner"}},
        {"POST", "/api/v1/recalls", "/api/v1/recalls", "{}", {"admin", "warehouse"}},
        {"POST",
         "/api/v1/residents/{id}/self-purchase",
         "/api/v1/residents/{resident}/self-purchase",
         "{}",
         {"prescriber"}},
        {"GET",
         "/api/v1/recalls/{id}",
         "/api/v1/recalls/999999999",
         std::nullopt,
         {"admin", "warehouse", "planner", "commissioner"}},
        {"GET",
         "/api/v1/recalls/{id}/units.csv",
         "/api/v1/recalls/999999999/units.csv",
         std::nullopt,
         {"admin", "warehouse", "planner", "commissioner"}},
        {"POST",
         "/api/v1/recalls/{id}/replacements",
         "/api/v1/recalls/999999999/replacements",
         "{}",
         {"admin", "warehouse"}},
        {"POST",
         "/api/v1/assets/{barcode}/release-from-recall",
         "/api/v1/assets/NO-SUCH/release-from-recall",
         "{}",
         {"warehouse"}},
        {"POST",
         "/api/v1/residents/{id}/deceased",
         "/api/v1/residents/{resident}/deceased",
         "{}",
         {"prescriber", "admin"}},
        {"GET",
         "/api/v1/residents/{id}/subject-access",
         "/api/v1/residents/{resident}/subject-access",
         std::nullopt,
         {"admin"}},
    };
}

// How many audit rows record `action` on `entity` `id` (the admin's export of audit_log).
std::size_t auditRows(HttpClient& admin, const std::string& action, const std::string& entity,
                      const std::string& id) {
    const Response csv = admin.get("/api/v1/export/audit_log.csv");
    REQUIRE(csv.status == 200);
    const std::string needle = "," + action + "," + entity + "," + id + ",";
    std::size_t count = 0;
    for (auto at = csv.body.find(needle); at != std::string::npos;
         at = csv.body.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

struct PageAnswer {
    int status = 0;
    std::string location;
};

// A page request with the session cookie (pages go by the cookie, not the bearer token).
PageAnswer page(int port, const std::string& path, const std::string& token) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Cookie", "ces_session=" + token);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    std::string ignored;
    Poco::StreamCopier::copyToString(body, ignored);
    return {static_cast<int>(response.getStatus()), response.get("Location", "")};
}

}  // namespace

TEST_CASE("the access table covers every API endpoint the server registers") {
    const auto registered = registeredApiRoutes();
    REQUIRE(registered.size() >= 50);  // the scan found the route files
    std::set<std::string> covered;
    for (const auto& endpoint : accessTable()) {
        const std::string route = endpoint.method + " " + endpoint.route;
        CHECK_MESSAGE(covered.insert(route).second, "two rows for " << route);
        CHECK_MESSAGE(registered.count(route) == 1, "a row for an unregistered route: " << route);
    }
    for (const auto& route : registered) {
        CHECK_MESSAGE(covered.count(route) == 1, "no access-table row for " << route);
    }
}

TEST_CASE("every API endpoint answers each role and no session as the role table says") {
    AccessFixture f;
    for (const auto& endpoint : accessTable()) {
        const std::string path = f.fill(endpoint.path);
        const std::optional<std::string> body =
            endpoint.body ? std::optional<std::string>(f.fill(*endpoint.body)) : std::nullopt;
        for (const auto& caller : kCallers) {
            HttpClient fresh = caller == kNoSession || !endpoint.ends_session
                                   ? HttpClient(f.county.port())
                                   : f.county.signIn(caller);
            HttpClient& client = endpoint.ends_session ? fresh : f.as(caller);
            const Response response = client.send(endpoint.method, path, body, {});
            INFO("as " << caller << ": " << response.describe());
            CHECK(response.status < 500);
            CHECK(response.status != 405);
            if (endpoint.allowed.count(caller) == 1) {
                CHECK(response.status != 401);
                CHECK(response.status != 403);
            } else if (endpoint.team_scoped && caller == "prescriber2") {
                // Another team's record: refused or not shown; an order for another team's
                // resident is refused as a bad resident_id.
                const bool hidden =
                    response.status == 403 || response.status == 404 ||
                    (response.status == 422 &&
                     response.errorField() == std::optional<std::string>("resident_id"));
                CHECK(hidden);
            } else if (caller == kNoSession) {
                checkError(response, 401, "unauthenticated");
            } else {
                checkError(response, 403, "forbidden");
            }
        }
    }
}

TEST_CASE("a caller without a session or the role is refused before a malformed body is read") {
    AccessFixture f;
    // A resident proves who they are in the body of these, so without a session the body is
    // read first (a malformed one is a 400); with a session the role still comes first.
    const std::set<std::string> proofInBody = {"POST /api/v1/orders/{ref}/slot"};
    for (const auto& endpoint : accessTable()) {
        if (!endpoint.body || endpoint.ends_session) continue;
        const std::string path = f.fill(endpoint.path);
        const std::string route = endpoint.method + " " + endpoint.route;
        for (const std::string malformed : {"{", "not json"}) {
            for (const auto& caller : kCallers) {
                if (endpoint.allowed.count(caller) == 1) continue;
                if (caller == "prescriber2" && endpoint.team_scoped) continue;  // role allowed
                if (caller == kNoSession && proofInBody.count(route) == 1) continue;
                const Response response = f.as(caller).send(endpoint.method, path, malformed, {});
                INFO("as " << caller << ": " << response.describe());
                if (caller == kNoSession) {
                    checkError(response, 401, "unauthenticated");
                } else {
                    checkError(response, 403, "forbidden");
                }
            }
        }
    }
}

TEST_CASE("another team's prescriber cannot read or act on a resident or order") {
    AccessFixture f;
    HttpClient& other = f.as("prescriber2");
    const Response resident = other.get(f.fill("/api/v1/residents/{resident}"));
    CHECK((resident.status == 403 || resident.status == 404));
    CHECK(resident.body.find(f.resident_details.name) == std::string::npos);
    const Response order = other.get(f.fill("/api/v1/orders/{order}"));
    CHECK((order.status == 403 || order.status == 404));
    CHECK(order.body.find(f.order.tracking_token) == std::string::npos);
    const Response search = other.get(f.fill("/api/v1/residents?nhs_number={nhs}"));
    INFO(search.describe());
    REQUIRE(search.status == 200);
    CHECK(objectsIn(search.object(), "residents").empty());
    for (const auto& listed : listOrders(other)) {
        CHECK(listed->getValue<std::string>("reference") != f.order.reference);
    }
    const Response cancel = other.post(f.fill("/api/v1/orders/{order}/cancel"), "{}");
    CHECK((cancel.status == 403 || cancel.status == 404));
    const Response slot = other.post(f.fill("/api/v1/orders/{order}/slot"),
                                     f.fill(R"({"date":"{future}","start":"10:00"})"));
    CHECK((slot.status == 403 || slot.status == 404));
    // The order is untouched and still readable by its own team.
    const Response own = f.as("prescriber").get(f.fill("/api/v1/orders/{order}"));
    INFO(own.describe());
    REQUIRE(own.status == 200);
    CHECK(own.object()->getValue<std::string>("status") == "allocated");
}

TEST_CASE("each read of a resident's personal data writes an audit row") {
    AccessFixture f;
    HttpClient& admin = f.as("admin");
    const std::string id = f.resident.id.toString();
    const std::size_t reads = auditRows(admin, "resident.read", "resident", id);
    const std::size_t searches = auditRows(admin, "resident.search", "resident", id);
    const std::size_t order_reads = auditRows(admin, "order.read", "order", f.order.reference);

    REQUIRE(f.as("prescriber").get("/api/v1/residents/" + id).status == 200);
    REQUIRE(f.as("prescriber").get("/api/v1/residents/" + id).status == 200);
    REQUIRE(f.as("prescriber").get(f.fill("/api/v1/residents?nhs_number={nhs}")).status == 200);
    REQUIRE(f.as("warehouse").get("/api/v1/orders/" + f.order.reference).status == 200);

    CHECK(auditRows(admin, "resident.read", "resident", id) == reads + 2);
    CHECK(auditRows(admin, "resident.search", "resident", id) == searches + 1);
    CHECK(auditRows(admin, "order.read", "order", f.order.reference) == order_reads + 1);
}

TEST_CASE("staff pages send signed-out visitors to sign in and refuse the wrong role") {
    AccessFixture f;
    const int port = f.county.port();
    for (const std::string path :
         {"/home", "/orders", "/orders/new", "/residents/new", "/catalogue", "/admin/settings",
          "/admin/organisation", "/admin/depots", "/admin/jobs"}) {
        const PageAnswer signed_out = page(port, path, "");
        INFO(path << " signed out -> " << signed_out.status << " " << signed_out.location);
        CHECK(signed_out.status == 303);
        CHECK(signed_out.location.find("/sign-in") != std::string::npos);
    }
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"/orders/new", "driver"},
        {"/residents/new", "warehouse"},
        {"/orders", "commissioner"},
        {"/orders", "driver"},
        {"/orders/" + f.order.reference, "admin"},
        {"/admin/settings", "warehouse"},
        {"/admin/settings", "commissioner"},
        {"/admin/organisation", "planner"},
        {"/admin/depots", "driver"},
        {"/admin/jobs", "planner"},
        {"/admin/jobs", "warehouse"},
        {"/recalls", "prescriber"},
        {"/recalls", "driver"}};
    for (const auto& [path, user] : refused) {
        const PageAnswer answer = page(port, path, f.as(user).token());
        INFO(path << " as " << user << " -> " << answer.status);
        CHECK(answer.status == 403);
    }
    const PageAnswer own = page(port, "/orders/" + f.order.reference, f.as("prescriber").token());
    CHECK(own.status == 200);
    const PageAnswer other_team =
        page(port, "/orders/" + f.order.reference, f.as("prescriber2").token());
    CHECK((other_team.status == 403 || other_team.status == 404));
}
