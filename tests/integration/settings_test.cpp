// The admin's settings over HTTP: every key listed with its default, a change in force from
// today or scheduled for later, audited, replayed under an Idempotency-Key, and each broken
// rule answered with 422 naming its field; the page lists them and schedules a change.
#include <doctest/doctest.h>

#include <ctime>
#include <iomanip>
#include <sstream>

#include "api_requests.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces::integration;

namespace {

Poco::JSON::Object::Ptr settingOf(const Response& list, const std::string& key) {
    for (const auto& setting : objectsIn(list.object(), "settings")) {
        if (setting->getValue<std::string>("key") == key) return setting;
    }
    FAIL("no setting " << key);
    return nullptr;
}

std::string dayAfter(const std::string& isoDate) {
    std::tm tm{};
    std::istringstream in(isoDate);
    in >> std::get_time(&tm, "%Y-%m-%d");
    tm.tm_mday += 1;
    tm.tm_hour = 12;
    std::mktime(&tm);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

Poco::Dynamic::Var changeOf(const std::string& key, const Poco::Dynamic::Var& value,
                            const std::string& from,
                            const std::string& reason = "the council asked") {
    return jsonObject(
        {{"key", key}, {"value", value}, {"effective_from", from}, {"reason", reason}});
}

}  // namespace

TEST_CASE("settings - the admin reads every setting with its default and changes one from today") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response list = admin.get("/api/v1/settings");
    INFO(list.describe());
    REQUIRE(list.status == 200);
    const std::string today = list.object()->getValue<std::string>("today");
    CHECK(objectsIn(list.object(), "settings").size() >= 19);
    const auto days = settingOf(list, "collections.working_days");
    CHECK(days->getValue<std::string>("value") == "5");
    CHECK(days->getValue<std::string>("default") == "5");
    CHECK(days->getValue<std::string>("unit") == "working days");
    CHECK(settingOf(list, "specials.approval_threshold_pence")->getValue<std::string>("value") ==
          "50000");

    const Response changed =
        admin.post("/api/v1/settings", changeOf("collections.working_days", "3", today));
    INFO(changed.describe());
    REQUIRE(changed.status == 201);
    CHECK(changed.object()->getValue<std::string>("value") == "3");
    CHECK(changed.object()->getValue<std::string>("default") == "5");
    CHECK(changed.object()->getValue<std::string>("in_force_since") == today);

    // A change from tomorrow is scheduled; today's value stays.
    const Response later =
        admin.post("/api/v1/settings", changeOf("collections.working_days", 4, dayAfter(today)));
    INFO(later.describe());
    REQUIRE(later.status == 201);
    const auto after = settingOf(admin.get("/api/v1/settings"), "collections.working_days");
    CHECK(after->getValue<std::string>("value") == "3");
    const auto scheduled = after->getArray("scheduled");
    REQUIRE(scheduled->size() == 1);
    CHECK(scheduled->getObject(0)->getValue<std::string>("value") == "4");
    CHECK(after->getArray("history")->size() == 2);

    // Audited: one row per change.
    const Response audit = admin.get("/api/v1/export/audit_log.csv");
    REQUIRE(audit.status == 200);
    std::size_t rows = 0;
    const std::string needle = ",setting_changed,setting,collections.working_days,";
    for (auto at = audit.body.find(needle); at != std::string::npos;
         at = audit.body.find(needle, at + 1)) {
        ++rows;
    }
    CHECK(rows == 2);
}

TEST_CASE("settings - a change that breaks a rule is a 422 naming its field") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const std::string today =
        admin.get("/api/v1/settings").object()->getValue<std::string>("today");
    checkError(admin.post("/api/v1/settings", changeOf("collections.weeks", "5", today)), 422,
               "validation", "key");
    checkError(admin.post("/api/v1/settings", changeOf("collections.working_days", "five", today)),
               422, "validation", "value");
    checkError(admin.post("/api/v1/settings", changeOf("collections.working_days", "99", today)),
               422, "validation", "value");
    checkError(admin.post("/api/v1/settings", changeOf("session.hours", "8", "2020-01-01")), 422,
               "validation", "effective_from");
    checkError(admin.post("/api/v1/settings", changeOf("session.hours", "8", "tomorrow")), 422,
               "validation", "effective_from");
    checkError(admin.post("/api/v1/settings", changeOf("session.hours", "8", today, "")), 422,
               "validation", "reason");
    const auto unchanged = settingOf(admin.get("/api/v1/settings"), "session.hours");
    CHECK(unchanged->getValue<std::string>("value") == "12");
    CHECK(unchanged->getArray("history")->size() == 0);
    // Other roles may neither read nor change settings.
    HttpClient warehouse = county.signIn("warehouse");
    checkError(warehouse.get("/api/v1/settings"), 403, "forbidden");
    checkError(warehouse.post("/api/v1/settings", changeOf("session.hours", "8", today)), 403,
               "forbidden");
}

TEST_CASE("settings - a retried change under one Idempotency-Key is stored once") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const std::string today =
        admin.get("/api/v1/settings").object()->getValue<std::string>("today");
    const Headers key{{"Idempotency-Key", "settings-retry-1"}};
    const Response first =
        admin.post("/api/v1/settings", changeOf("tracking.max_failures", "3", today), key);
    const Response again =
        admin.post("/api/v1/settings", changeOf("tracking.max_failures", "3", today), key);
    REQUIRE(first.status == 201);
    CHECK(again.status == 201);
    CHECK(again.body == first.body);
    const auto setting = settingOf(admin.get("/api/v1/settings"), "tracking.max_failures");
    CHECK(setting->getArray("history")->size() == 1);
}

TEST_CASE("settings - the admin's page lists the settings and schedules a change") {
    DemoCounty county;
    PageBrowser browser(county, "admin");
    const Response home = browser.get("/home");
    CHECK(contains(home, "href=\"/admin/settings\""));
    const Response page = browser.get("/admin/settings");
    INFO(page.body.substr(0, 400));
    REQUIRE(page.status == 200);
    CHECK(contains(page, "collections.working_days"));
    CHECK(contains(page, "Schedule a change"));
    const std::string today = page.body.substr(page.body.find("In force today (") + 16, 10);

    const Response refused =
        browser.post("/admin/settings",
                     "key=specials.approval_threshold_pence&value=lots&effective_from=" + today +
                         "&reason=new+budget");
    CHECK(refused.status == 422);
    CHECK(contains(refused, "There is a problem"));
    browser.get("/admin/settings");
    const Response done =
        browser.post("/admin/settings",
                     "key=specials.approval_threshold_pence&value=30000&effective_from=" + today +
                         "&reason=new+budget");
    CHECK(done.status == 303);
    HttpClient admin = county.signIn("admin");
    CHECK(settingOf(admin.get("/api/v1/settings"), "specials.approval_threshold_pence")
              ->getValue<std::string>("value") == "30000");
    // The CSRF token is checked like every form.
    CHECK(browser.post("/admin/settings", "key=session.hours&value=8&reason=x", false).status ==
          403);
}
