#include "core/store/admin/settings.h"

#include <doctest/doctest.h>

#include "core/errors.h"
#include "tests/core/store/fixture.h"

using namespace ces;
namespace chr = std::chrono;

namespace {

constexpr chr::year_month_day kMarch2{chr::year(2026), chr::March, chr::day(2)};

SettingChange change(const std::string& key, const std::string& value, chr::year_month_day from,
                     Instant at, const std::string& reason = "test") {
    return {key, value, from, std::nullopt, at, reason};
}

std::string fieldOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "";
}

chr::year_month_day plusDays(chr::year_month_day day, int n) {
    return chr::year_month_day(chr::sys_days(day) + chr::days(n));
}

}  // namespace

TEST_CASE("settings - the defaults are domain.md's numbers") {
    test::SmallCounty county;
    const Settings s = county.db->read(
        [&](store::Connection& c) { return store::settingsInForce(c, county.now); });
    CHECK(s.specialsApprovalThresholdPence == 50000);
    CHECK(s.specialsTargetWeeks == 8);
    CHECK(s.collectionWorkingDays == 5);
    CHECK(s.urgentCollectionWorkingDays == 1);
    CHECK(s.lolerMonths == 6);
    CHECK(s.patMonths == 12);
    CHECK(s.emergencyCutOffHour == 14);
    CHECK(s.emergencyWindowHours == 4);
    CHECK(s.lateEmergencyDueHour == 12);
    CHECK(s.sessionHours == 12);
    CHECK(s.extraBankHolidays.empty());
    CHECK(s.laterCouncilTargets.empty());
    // Every key reads back its own default.
    for (const auto& key : settingKeys()) {
        Settings copy;
        applySetting(copy, key, formatSetting(Settings{}, key));
        CHECK(formatSetting(copy, key) == formatSetting(Settings{}, key));
    }
}

TEST_CASE("settings - the value in force is the latest change dated on or before the day") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::addSettingChange(c, change("collections.working_days", "4", kMarch2, county.now));
        store::addSettingChange(
            c, change("collections.working_days", "3", plusDays(kMarch2, 7), county.now));
        store::addSettingChange(
            c, change("collections.working_days", "6", plusDays(kMarch2, 14), county.now));
    });
    const auto history =
        county.db->read([&](store::Connection& c) { return store::loadSettings(c); });
    CHECK(history.inForceOn(plusDays(kMarch2, -1)).collectionWorkingDays == 5);
    CHECK(history.inForceOn(kMarch2).collectionWorkingDays == 4);
    CHECK(history.inForceOn(plusDays(kMarch2, 6)).collectionWorkingDays == 4);
    CHECK(history.inForceOn(plusDays(kMarch2, 7)).collectionWorkingDays == 3);
    CHECK(history.inForceOn(plusDays(kMarch2, 20)).collectionWorkingDays == 6);
    // Scheduled: the two future changes, soonest first; history newest first.
    const auto scheduled = history.scheduled("collections.working_days", kMarch2);
    REQUIRE(scheduled.size() == 2);
    CHECK(scheduled[0].value == "3");
    CHECK(scheduled[1].value == "6");
    CHECK(history.historyOf("collections.working_days").front().value == "6");
    // A later change dated the same day replaces the earlier one.
    county.db->write([&](store::Connection& c) {
        store::addSettingChange(c, change("collections.working_days", "2", kMarch2, county.now));
    });
    CHECK(county.db->read([&](store::Connection& c) {
        return store::settingsInForce(c, county.now).collectionWorkingDays;
    }) == 2);
}

TEST_CASE("settings - a change dated in the future is scheduled, not in force") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        store::addSettingChange(
            c, change("session.hours", "8", plusDays(kMarch2, 1), county.now, "shorter"));
        const auto rows = c.query("SELECT action, entity_id FROM audit_log WHERE entity = $1",
                                  {std::string("setting")});
        REQUIRE(rows.size() == 1);
        CHECK(rows.text(0, 0) == "setting_changed");
        CHECK(rows.text(0, 1) == "session.hours");
    });
    county.db->read([&](store::Connection& c) {
        CHECK(store::settingsInForce(c, county.now).sessionHours == 12);
        CHECK(store::settingsInForce(c, county.now + chr::days(1)).sessionHours == 8);
    });
}

TEST_CASE("settings - a change breaking a rule is refused, naming its field") {
    test::SmallCounty county;
    auto add = [&](const SettingChange& c) {
        return fieldOf([&] {
            county.db->write([&](store::Connection& conn) { store::addSettingChange(conn, c); });
        });
    };
    CHECK(add(change("collections.weeks", "5", kMarch2, county.now)) == "key");
    CHECK(add(change("collections.working_days", "five", kMarch2, county.now)) == "value");
    CHECK(add(change("collections.working_days", "5.5", kMarch2, county.now)) == "value");
    CHECK(add(change("collections.working_days", "0", kMarch2, county.now)) == "value");
    CHECK(add(change("collections.working_days", "31", kMarch2, county.now)) == "value");
    CHECK(add(change("carbon.kg_co2_per_kg_reused", "-1", kMarch2, county.now)) == "value");
    CHECK(add(change("calendar.extra_bank_holidays", "2026-02-30", kMarch2, county.now)) ==
          "value");
    CHECK(add(change("council.later_targets", "2026/27 1 2 3 4 5 6", kMarch2, county.now)) ==
          "value");
    CHECK(add(change("session.hours", "8", plusDays(kMarch2, -1), county.now)) == "effective_from");
    CHECK(add(change("session.hours", "8", kMarch2, county.now, "  ")) == "reason");
    CHECK(add(change("calendar.extra_bank_holidays", "2026-12-29, 2026-05-11", kMarch2,
                     county.now)) == "");
    CHECK(add(change("council.later_targets", "2027/28 5200 4100.5 13 2800 12 2400", kMarch2,
                     county.now)) == "");
    const Settings s = county.db->read(
        [&](store::Connection& c) { return store::settingsInForce(c, county.now); });
    REQUIRE(s.extraBankHolidays.size() == 2);
    CHECK(s.extraBankHolidays[0] == chr::year_month_day(chr::year(2026), chr::May, chr::day(11)));
    REQUIRE(s.laterCouncilTargets.size() == 1);
    CHECK(s.laterCouncilTargets[0].year == "2027/28");
    CHECK(s.laterCouncilTargets[0].netCurrentCreditModel == 410'050'000);
    CHECK(s.laterCouncilTargets[0].selfPurchaseTargetPercent == 13.0);
}

TEST_CASE("settings - a stored value that cannot be read is an error, not a silent default") {
    test::SmallCounty county;
    county.db->write([&](store::Connection& c) {
        c.execute(
            "INSERT INTO settings (key, value, effective_from, set_by, set_at, reason) "
            "VALUES ($1, $2, $3, NULL, $4, $5)",
            {std::string("collections.working_days"), std::string("five"),
             std::string("2026-03-01"), formatInstant(county.now), std::string("typo")});
    });
    county.db->read([&](store::Connection& c) {
        CHECK_THROWS_WITH_AS(store::settingsInForce(c, county.now),
                             doctest::Contains("collections.working_days"), std::runtime_error);
    });
}
