// The pages of messaging: the admin's Messages page and the day's letters, and the resident's
// "how we contact you" page behind the tracking link.
#include <doctest/doctest.h>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

struct LetterCounty {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    Poco::Dynamic::Var resident;
    CreatedOrder order;

    LetterCounty() {
        HttpClient warehouse = county.signIn("warehouse");
        adjustStock(warehouse, "EKD", "KCE-MOB-002", 5);
        auto body = residentJson(residentAt("CT1 2AA", numbers));
        body->set("name", "Edith Letterwright");
        body->set("contact_channel", "letter");
        body->set("language", "ro");
        const Response created = prescriber.post("/api/v1/residents", body);
        REQUIRE(created.status == 201);
        resident = created.object()->get("id");
        order = createOrder(prescriber, resident, {{"KCE-MOB-002", 1}});
    }
};

}  // namespace

TEST_CASE("message pages - the admin sees what waits and why, and prints the day's letters") {
    LetterCounty t;
    PageBrowser admin(t.county, "admin");
    const Response messages = admin.get("/admin/messages");
    REQUIRE(messages.status == 200);
    CHECK(contains(messages, "Not set up: e-mails wait here"));
    CHECK(contains(messages, "Print it with the day&apos;s letters"));

    const Response letters = admin.get("/admin/messages/letters");
    REQUIRE(letters.status == 200);
    CHECK(contains(letters, "Edith Letterwright"));
    CHECK(contains(letters, "lang=\"ro\""));
    CHECK(contains(letters, "Comanda dumneavoastră de echipament " + t.order.reference));
    CHECK(contains(admin.get("/admin/messages/letters?large=1"), "ces-letter--large"));
    const std::string ids = firstSqlValue(
        t.county.dbPath(), "SELECT id FROM outbox WHERE entity_id = '" + t.order.reference + "'");
    const Response posted = admin.post("/admin/messages/letters/posted", "ids=" + ids);
    CHECK(posted.status == 303);
    CHECK(firstSqlValue(t.county.dbPath(), "SELECT COUNT(*) FROM outbox WHERE id = " + ids +
                                               " AND sent_at IS NOT NULL AND body <> ''") == "1");
    CHECK_FALSE(contains(admin.get("/admin/messages/letters"), "Edith Letterwright"));
    // Only the admin reads the outbox.
    PageBrowser planner(t.county, "planner");
    CHECK(planner.get("/admin/messages").status == 403);
}

TEST_CASE("message pages - a resident changes how we contact them through the tracking link") {
    LetterCounty t;
    PageBrowser resident(t.county, "driver");  // anyone holding the link; no role needed
    const std::string page = "/track/" + t.order.tracking_token + "/contact";
    const Response form = resident.get(page + "?lang=en");  // Edith reads Romanian; we, English
    REQUIRE(form.status == 200);
    CHECK(contains(form, "How should we contact you?"));
    const Response bad =
        resident.post(page + "?lang=en", "contact_channel=text&mobile=01622+123456&language=en");
    CHECK(bad.status == 422);
    CHECK(contains(bad, "Enter a UK mobile number, like 07700 900123"));
    resident.get(page);
    const Response good =
        resident.post(page, "contact_channel=text&mobile=07700+900456&language=ne");
    CHECK(good.status == 303);
    const Response read = t.prescriber.get("/api/v1/residents/" + t.resident.toString());
    REQUIRE(read.status == 200);
    CHECK(read.object()->getValue<std::string>("contact_channel") == "text");
    CHECK(read.object()->getValue<std::string>("mobile") == "07700 900456");
    CHECK(read.object()->getValue<std::string>("language") == "ne");
    CHECK(firstSqlValue(t.county.dbPath(),
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'resident.contact' AND "
                        "entity_id = '" +
                            t.resident.toString() + "'") == "1");
    const Response tracked =
        resident.get("/track/" + t.order.tracking_token + "?contact=changed&lang=en");
    CHECK(contains(tracked, "We have changed how we contact you."));
    CHECK(contains(tracked, "We are not sending text messages at the moment"));
    CHECK(resident.get("/track/not-a-token/contact").status == 404);
}

TEST_CASE("resident pages - in the resident's language, or the one their link or cookie chose") {
    LetterCounty t;  // Edith asked for Romanian
    HttpClient visitor = t.county.anonymous();
    const std::string track = "/track/" + t.order.tracking_token;
    const Response own = visitor.get(track);
    REQUIRE(own.status == 200);
    CHECK(contains(own, "<html lang=\"ro\""));
    CHECK(contains(own, "Echipamentul dumneavoastră"));
    CHECK_FALSE(contains(own, "What to expect"));
    // Each language link names its language in itself, marked with its own lang.
    CHECK(contains(own, "lang=\"ne\" hreflang=\"ne\">नेपाली</a>"));
    CHECK(contains(own, "href=\"" + track + "?lang=pl\""));
    CHECK(contains(own, "<strong lang=\"ro\" aria-current=\"true\">Română</strong>"));

    const Response english = visitor.get(track + "?lang=en");
    CHECK(contains(english, "<html lang=\"en\""));
    CHECK(contains(english, "What to expect"));
    const Response remembered = visitor.get(track, {{"Cookie", "ces_lang=pl"}});
    CHECK(contains(remembered, "<html lang=\"pl\""));
    CHECK(contains(remembered, "Czego się spodziewać"));
    CHECK(contains(visitor.get(track + "?lang=xx"), "<html lang=\"ro\""));  // unknown: ignored

    const Response calendar = visitor.get(track + "/appointment.ics");
    REQUIRE(calendar.status == 200);
    CHECK(contains(calendar, "SUMMARY:Livrare echipament (" + t.order.reference + ")"));
    CHECK(contains(visitor.get(track + "/collection?lang=ne"), "<html lang=\"ne\""));
    CHECK(contains(visitor.get("/collection-points?lang=pl"), "Gdzie można oddać sprzęt"));
    CHECK(contains(visitor.get(track + "/slot"), "<html lang=\"ro\""));

    const Response missing = visitor.get("/track/not-a-token?lang=pl");
    CHECK(missing.status == 404);
    CHECK(contains(missing, "<html lang=\"pl\""));
    // Staff pages stay English whatever a visitor chose.
    CHECK(contains(visitor.get("/sign-in", {{"Cookie", "ces_lang=pl"}}), "<html lang=\"en\""));
}
