// The answer to a visit's outcome says what happened to the prescriber's message: it waits in
// the outbox (nothing sends it yet), so the prescriber is not said to be notified.
#include <doctest/doctest.h>

#include <regex>

#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

TEST_CASE("a failed delivery's answer says the prescriber's message is queued, not sent") {
    DemoCounty county;
    PageBrowser plannerPages(county, "planner");
    const Response today = plannerPages.get("/plan");
    REQUIRE(today.status == 200);
    std::smatch found;
    REQUIRE(std::regex_search(today.body, found,
                              std::regex(R"re(name="date" value="(\d{4}-\d\d-\d\d)")re")));
    const std::string date = found[1];

    HttpClient planner = county.signIn("planner");
    const Response plan = planner.post("/api/v1/plans/" + date + "/optimise", "{}");
    REQUIRE_MESSAGE(plan.status == 200, plan.describe());
    std::int64_t visit = 0;
    const auto routes = plan.object()->getArray("routes");
    for (std::size_t r = 0; r < routes->size() && visit == 0; ++r) {
        const auto stops = routes->getObject(static_cast<unsigned>(r))->getArray("stops");
        for (std::size_t s = 0; s < stops->size() && visit == 0; ++s) {
            const auto stop = stops->getObject(static_cast<unsigned>(s));
            if (stop->getValue<std::string>("kind") == "delivery") {
                visit = stop->getValue<std::int64_t>("visit_id");
            }
        }
    }
    REQUIRE(visit != 0);

    HttpClient driver = county.signIn("driver");
    const Response failed =
        driver.post("/api/v1/visits/" + std::to_string(visit) + "/outcome",
                    jsonObject({{"outcome", "failed"}, {"reason", "no_access"}}));
    REQUIRE_MESSAGE(failed.status == 200, failed.describe());
    const auto answer = failed.object();
    CHECK_FALSE(answer->getValue<bool>("prescriber_notified"));
    const auto message = answer->getObject("prescriber_message");
    REQUIRE(message);
    CHECK(message->getValue<std::string>("status") == "waiting");
    CHECK(message->isNull("sent_at"));
    const auto id = message->getValue<std::int64_t>("id");

    // The outbox holds the same message, waiting (no channel is configured here).
    HttpClient admin = county.signIn("admin");
    const Response outbox = admin.get("/api/v1/outbox?status=waiting");
    REQUIRE(outbox.status == 200);
    const auto messages = outbox.object()->getArray("messages");
    bool waiting = false;
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const auto m = messages->getObject(static_cast<unsigned>(i));
        if (m->getValue<std::int64_t>("id") == id) waiting = m->isNull("sent_at");
    }
    CHECK(waiting);
}
