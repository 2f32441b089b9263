// Each wired setting changes the rule that reads it: the settings in force become the rules'
// policy structs in web/policies, and the App's cache hands out the settings of the day.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/credentials.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/settings.h"
#include "web/api/routes.h"
#include "web/app.h"
#include "web/policies.h"

using namespace ces;
using namespace ces::web;
namespace chr = std::chrono;

namespace {

// Monday 2 March 2026, 10:00 UTC.
const Instant kMonday = chr::sys_days(chr::year(2026) / chr::March / 2) + chr::hours(10);

Settings with(const std::string& key, const std::string& value) {
    Settings settings;
    applySetting(settings, *findSettingKey(key), value);
    return settings;
}

// A service on a fresh database with one admin, clocked at kMonday.
struct Service {
    Service()
        : directory(std::filesystem::temp_directory_path() / ("ces-settings-" + randomHex(6))) {
        std::filesystem::create_directories(directory);
        db = std::make_unique<store::Database>((directory / "ces.db").string(), 2);
        admin = db->write([](store::Connection& c) {
            return store::createUser(c, "admin", "Admin", Role::admin, std::nullopt,
                                     "correct horse", kMonday);
        });
        app.reset(new App{*db, [] { return kMonday; }, RateLimiter(5, chr::minutes(15)), {}, {}});
    }
    ~Service() {
        app.reset();
        db.reset();
        std::filesystem::remove_all(directory);
    }
    void set(const std::string& key, const std::string& value) {
        db->write([&](store::Connection& c) {
            store::addSettingChange(
                c, {key, value, ukDateOf(kMonday), admin, kMonday, "settings policies test"});
            return 0;
        });
        app->settingsCache.forget();
    }
    std::filesystem::path directory;
    std::unique_ptr<store::Database> db;
    UserId admin;
    std::unique_ptr<App> app;
};

}  // namespace

TEST_CASE("settings - the specials approval threshold and target come from the settings") {
    CHECK_FALSE(warehouse::needsApproval(40000, specialsPolicyOf(Settings{})));
    CHECK(warehouse::needsApproval(
        40000, specialsPolicyOf(with("specials.approval_threshold_pence", "30000"))));
    CHECK(warehouse::targetArrival(kMonday, specialsPolicyOf(Settings{})) ==
          kMonday + chr::weeks(8));
    CHECK(warehouse::targetArrival(kMonday, specialsPolicyOf(with("specials.target_weeks", "6"))) ==
          kMonday + chr::weeks(6));
}

TEST_CASE("settings - the collections target moves the due date") {
    const WorkingDayCalendar calendar;
    // Five working days from Monday 2 March is Monday 9 March; three is Thursday 5 March.
    const Instant byDefault =
        collectionDueBy(kMonday, false, collectionRulesOf(Settings{}), calendar);
    const Instant faster = collectionDueBy(
        kMonday, false, collectionRulesOf(with("collections.working_days", "3")), calendar);
    CHECK(formatInstant(byDefault) == "2026-03-09T17:00:00Z");
    CHECK(formatInstant(faster) == "2026-03-05T17:00:00Z");
    const Instant urgent = collectionDueBy(
        kMonday, true, collectionRulesOf(with("collections.urgent_working_days", "2")), calendar);
    CHECK(formatInstant(urgent) == "2026-03-04T17:00:00Z");
}

TEST_CASE("settings - LOLER and PAT months set the inspection intervals") {
    const auto policy = maintenancePolicyOf(with("maintenance.loler_months", "3"));
    CHECK(policy.lolerMonths == 3);
    CHECK(maintenancePolicyOf(with("maintenance.pat_months", "6")).electricalMonths == 6);
    CHECK(maintenancePolicyOf(Settings{}).lolerMonths == 6);
}

TEST_CASE("settings - slot hours and length set the slot policy") {
    const auto policy = slotPolicyOf(with("slots.length_minutes", "60"));
    CHECK(policy.slotSeconds == 3600);
    CHECK(slotPolicyOf(with("slots.day_start_hour", "9")).dayStartSeconds == 9 * 3600);
    CHECK(slotPolicyOf(with("slots.day_end_hour", "20")).dayEndSeconds == 20 * 3600);
    CHECK(slotPolicyOf(Settings{}).slotSeconds == 2 * 3600);
}

TEST_CASE("settings - the emergency cut-off, window and next-day time set when it is due") {
    const WorkingDayCalendar calendar;
    // Monday 2 March 2026 11:00 UK (GMT): before the 14:00 cut-off, due in 4 hours.
    const Instant approved = kMonday + chr::hours(1);
    CHECK(formatInstant(dueBy(Speed::emergency, approved, calendar,
                              emergencyPolicyOf(Settings{}))) == "2026-03-02T15:00:00Z");
    // A council that closes same-day emergencies at 10:00 makes it due at noon the next day...
    const auto early = emergencyPolicyOf(with("emergency.cut_off_hour", "10"));
    CHECK(formatInstant(dueBy(Speed::emergency, approved, calendar, early)) ==
          "2026-03-03T12:00:00Z");
    Settings later = with("emergency.cut_off_hour", "10");
    applySetting(later, *findSettingKey("emergency.late_due_hour"), "9");
    CHECK(formatInstant(dueBy(Speed::emergency, approved, calendar, emergencyPolicyOf(later))) ==
          "2026-03-03T09:00:00Z");
    // ...and one that gives two hours makes it due at 13:00; the slots use the same rules.
    const auto shorter = emergencyPolicyOf(with("emergency.window_hours", "2"));
    CHECK(formatInstant(dueBy(Speed::emergency, approved, calendar, shorter)) ==
          "2026-03-02T13:00:00Z");
    CHECK(slotPolicyOf(with("emergency.window_hours", "2")).emergency.window == chr::hours(2));
}

TEST_CASE("settings - carbon factors, extra bank holidays and later council targets") {
    const auto factors = carbonFactorsOf(with("carbon.kg_co2_per_kg_reused", "2.0"));
    CHECK(kpi::reuseKgCo2Avoided(factors, "Beds", 1) == doctest::Approx(140.0));
    CHECK(kpi::reuseKgCo2Avoided(carbonFactorsOf(with("carbon.default_item_weight_kg", "20")),
                                 "Unknown", 1) == doctest::Approx(60.0));
    const auto calendar = calendarOf(with("calendar.extra_bank_holidays", "2026-03-04"));
    CHECK_FALSE(calendar.isWorkingDay(chr::year(2026) / chr::March / 4));
    CHECK(calendarOf(Settings{}).isWorkingDay(chr::year(2026) / chr::March / 4));
    const auto context =
        reportContextOf(with("council.later_targets", "2027/28 5200 4100 13 2800 12 2400"));
    REQUIRE(context.laterTargets.size() == 1);
    CHECK(context.laterTargets[0].forecastGross == 520'000'000);
    CHECK(reportContextOf(with("specials.target_weeks", "6")).specialsTarget == chr::weeks(6));
}

TEST_CASE("settings - the App hands out the settings in force and the tracking limit") {
    Service service;
    App& app = *service.app;
    CHECK(app.settings().collectionWorkingDays == 5);
    service.set("collections.working_days", "3");
    CHECK(app.settings().collectionWorkingDays == 3);
    // Two failed look-ups block a key once the limit is 2 (the default is 5).
    service.set("tracking.max_failures", "2");
    trackingLimiterInForce(app).recordFailure("198.51.100.7", kMonday);
    CHECK(trackingLimiterInForce(app).blockedFor("198.51.100.7", kMonday) == 0);
    trackingLimiterInForce(app).recordFailure("198.51.100.7", kMonday);
    CHECK(trackingLimiterInForce(app).blockedFor("198.51.100.7", kMonday) == 15 * 60);
    // An extra bank holiday counts at once, without a restart.
    const auto wednesday = chr::year(2026) / chr::March / 4;
    CHECK(app.workingDays().isWorkingDay(wednesday));
    service.set("calendar.extra_bank_holidays", "2026-03-04");
    CHECK_FALSE(app.workingDays().isWorkingDay(wednesday));
}

TEST_CASE("settings - a sign-in lasts the session length in force") {
    Service service;
    Router router;
    addSessionRoutes(router, *service.app);
    auto maxAge = [&] {
        Request request;
        request.method = "POST";
        request.path = "/api/v1/sessions";
        request.body = R"({"username":"admin","password":"correct horse"})";
        const Response answer = router.dispatch(request);
        REQUIRE(answer.status == 201);
        for (const auto& [name, value] : answer.headers) {
            if (name == "Set-Cookie") return value.substr(value.find("Max-Age=") + 8);
        }
        return std::string();
    };
    CHECK(maxAge() == "43200");
    service.set("session.hours", "8");
    CHECK(maxAge() == "28800");
}
