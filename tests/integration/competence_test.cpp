// Prescriber competence over HTTP: an item needing a competence its prescriber does not hold is
// refused (403 competence_required naming the line and the competence, nothing written) unless
// the order waits for a countersignature, which only a competent colleague of the same team can
// give; the admin grants, renews and withdraws competences and sees those expiring soon; the
// catalogue says which items the signed-in prescriber may order.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

const std::string kHoist = "KCE-HST-001";
const std::string kFrame = "KCE-MOB-002";

struct CompetenceCounty {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient assistant = county.signIn("assistant");  // Priya's team, basic only
    HttpClient priya = county.signIn("prescriber");
    HttpClient admin = county.signIn("admin");
    CreatedResident resident = createResident(assistant, residentAt("CT1 2AA", numbers));

    CompetenceCounty() {
        HttpClient warehouse = county.signIn("warehouse");
        receiveStock(warehouse, "EKD", kHoist, 3);
        adjustStock(warehouse, "EKD", kFrame, 5);
    }
    Response order(HttpClient& who, const std::string& item, bool countersign) {
        auto body = orderJson(resident.id, "5_day", {{item, 1}});
        if (countersign) body->set("countersign", true);
        return who.post("/api/v1/orders", body);
    }
    std::string userId(const std::string& username) {
        for (const auto& user :
             objectsIn(admin.get("/api/v1/users?q=" + username).object(), "users")) {
            if (user->getValue<std::string>("username") == username) {
                return std::to_string(user->getValue<long>("id"));
            }
        }
        FAIL("no user " << username);
        return "";
    }
};

}  // namespace

TEST_CASE(
    "competence - an item the prescriber is not trained for is refused by name, or waits "
    "for a competent colleague's countersignature") {
    CompetenceCounty t;
    HttpClient warehouse = t.county.signIn("warehouse");
    const long before = stockAt(warehouse, "EKD", kHoist).available;

    const Response refused = t.order(t.assistant, kHoist, false);
    checkError(refused, 403, "competence_required", "lines[0].item_code");
    CHECK(refused.object()->getObject("error")->getValue<std::string>("competence") ==
          "moving_handling");
    CHECK(refused.object()->getObject("error")->getValue<std::string>("item_code") == kHoist);
    CHECK(countOrdersFor(t.assistant, t.resident.id) == 0);    // nothing written
    CHECK(t.order(t.assistant, kFrame, false).status == 201);  // basic: no one needs to sign

    const Response held = t.order(t.assistant, kHoist, true);
    INFO(held.describe());
    REQUIRE(held.status == 201);
    CHECK(held.object()->getValue<std::string>("status") == "awaiting_countersignature");
    // Priya, the colleague who holds moving and handling, is asked by e-mail.
    const Response outbox = t.admin.get("/api/v1/outbox?status=all&limit=50");
    CHECK(outbox.body.find(" waits for your countersignature") != std::string::npos);
    CHECK(stockAt(warehouse, "EKD", kHoist).available == before);  // nothing reserved yet
    const std::string ref = held.object()->getValue<std::string>("reference");
    const std::string sign = "/api/v1/orders/" + ref + "/countersign";

    CHECK(t.assistant.post(sign, "{}").status == 403);                     // not one's own order
    CHECK(t.county.signIn("prescriber2").post(sign, "{}").status == 404);  // another team
    CHECK(t.county.signIn("budget").post(sign, "{}").status == 403);
    const Response signed_ = t.priya.post(sign, "{}");
    INFO(signed_.describe());
    REQUIRE(signed_.status == 200);
    CHECK(signed_.object()->getValue<std::string>("status") == "allocated");
    CHECK(stockAt(warehouse, "EKD", kHoist).available == before - 1);
    checkError(t.priya.post(sign, "{}"), 409, "invalid_transition");
    const Response audit = t.admin.get("/api/v1/audit?limit=50");
    CHECK(audit.body.find("order.countersign") != std::string::npos);
}

TEST_CASE("competence - a colleague who lacks it too cannot countersign") {
    CompetenceCounty t;
    const std::string priya = t.userId("prescriber");
    REQUIRE(t.admin.del("/api/v1/users/" + priya + "/competences/moving_handling").status == 200);
    const Response held = t.order(t.assistant, kHoist, true);
    REQUIRE(held.status == 201);
    const std::string ref = held.object()->getValue<std::string>("reference");
    checkError(t.priya.post("/api/v1/orders/" + ref + "/countersign", "{}"), 403,
               "competence_required", "lines[0].item_code");
}

TEST_CASE("competence - the admin grants, renews and withdraws, and sees what expires soon") {
    CompetenceCounty t;
    const std::string assistant = t.userId("assistant");
    const std::string grant = "/api/v1/users/" + assistant + "/competences/moving_handling";
    checkError(
        t.admin.send("PUT", grant, R"({"expires_on": ")" + isoDateFromToday(-1) + R"("})", {}), 422,
        "validation", "expires_on");
    checkError(t.admin.send("PUT", "/api/v1/users/" + assistant + "/competences/juggling",
                            R"({"expires_on": ")" + isoDateFromToday(30) + R"("})", {}),
               422, "validation", "competence");
    checkError(
        t.admin.send("PUT", "/api/v1/users/" + t.userId("driver") + "/competences/moving_handling",
                     R"({"expires_on": ")" + isoDateFromToday(30) + R"("})", {}),
        409, "not_a_prescriber");
    const Response granted =
        t.admin.send("PUT", grant, R"({"expires_on": ")" + isoDateFromToday(20) + R"("})", {});
    INFO(granted.describe());
    REQUIRE(granted.status == 200);
    CHECK(t.order(t.assistant, kHoist, false).status == 201);  // now competent

    // Expiring within 30 days: the assistant's new grant and the demo's district nurse.
    const auto soon = [&](const std::string& days) {
        std::set<std::string> who;
        for (const auto& g :
             objectsIn(t.admin.get("/api/v1/competences/expiring?days=" + days).object(),
                       "competences")) {
            who.insert(g->getValue<std::string>("username") + ":" +
                       g->getValue<std::string>("competence"));
        }
        return who;
    };
    CHECK(soon("30").count("assistant:moving_handling") == 1);
    CHECK(soon("30").count("prescriber2:moving_handling") == 1);
    CHECK(soon("5").count("assistant:moving_handling") == 0);
    CHECK(t.admin.get("/api/v1/competences/expiring?days=soon").status == 422);
    // Renewed: no longer expiring within 30 days.
    REQUIRE(t.admin.send("PUT", grant, R"({"expires_on": ")" + isoDateFromToday(365) + R"("})", {})
                .status == 200);
    CHECK(soon("30").count("assistant:moving_handling") == 0);
    REQUIRE(t.admin.del(grant).status == 200);
    CHECK(t.admin.del(grant).status == 404);
    checkError(t.order(t.assistant, kHoist, false), 403, "competence_required",
               "lines[0].item_code");
    const Response audit = t.admin.get("/api/v1/audit?limit=100");
    for (const char* action :
         {"user.competence.grant", "user.competence.renew", "user.competence.withdraw"}) {
        CHECK(audit.body.find(action) != std::string::npos);
    }
}

TEST_CASE("competence - the catalogue says what the signed-in prescriber may order") {
    CompetenceCounty t;
    const auto mayOrder = [&](HttpClient& who, const std::string& code) {
        for (const auto& item :
             objectsIn(who.get("/api/v1/catalogue?q=" + code).object(), "items")) {
            if (item->getValue<std::string>("code") == code) {
                CHECK(item->getValue<std::string>("competence") ==
                      (code == kHoist ? "moving_handling" : "basic"));
                return item->getValue<bool>("may_order");
            }
        }
        FAIL("no item " << code);
        return false;
    };
    // An item may only need a competence on the admin's list.
    checkError(t.admin.send("PATCH", "/api/v1/catalogue/items/" + kFrame,
                            R"({"competence": "juggling"})", {}),
               422, "validation", "competence");
    CHECK_FALSE(mayOrder(t.assistant, kHoist));
    CHECK(mayOrder(t.assistant, kFrame));
    CHECK(mayOrder(t.priya, kHoist));
}

TEST_CASE("competence - the admin's pages grant, renew and withdraw, and list what ends soon") {
    CompetenceCounty t;
    PageBrowser admin(t.county, "admin");
    const std::string assistant = t.userId("assistant");
    const std::string page = "/admin/users/" + assistant + "/competences";
    CHECK(contains(admin.get("/admin/users/" + assistant), "href=\"" + page + "\""));
    CHECK(contains(admin.get(page), "No competence beyond basic."));

    const Response past =
        admin.post(page, "competence=moving_handling&expires_on=" + isoDateFromToday(-1));
    CHECK(past.status == 422);
    CHECK(contains(past, "expires_on-error"));
    CHECK(
        admin.post(page, "competence=moving_handling&expires_on=" + isoDateFromToday(10)).status ==
        303);
    CHECK(t.order(t.assistant, kHoist, false).status == 201);  // competent now
    const Response report = admin.get("/admin/competences");
    CHECK(contains(report, "href=\"" + page + "\""));  // ends within 30 days
    CHECK(contains(admin.get("/admin/competences/expiring.csv"), "assistant,"));

    CHECK(
        admin.post(page, "competence=moving_handling&expires_on=" + isoDateFromToday(365)).status ==
        303);  // renewed
    CHECK_FALSE(contains(admin.get("/admin/competences"), "href=\"" + page + "\""));
    CHECK(admin.post(page + "/moving_handling/withdraw", "").status == 303);
    CHECK(contains(admin.get(page), "No competence beyond basic."));
    checkError(t.order(t.assistant, kHoist, false), 403, "competence_required",
               "lines[0].item_code");
    PageBrowser prescriber(t.county, "prescriber");
    CHECK(prescriber.get("/admin/competences").status == 403);
    CHECK(prescriber.post(page, "competence=moving_handling&expires_on=" + isoDateFromToday(10))
              .status == 403);
}
