// Key-safe codes: kept only with consent, sealed, shown only to a driver at a stop still to do on
// today's route, each showing audited, deleted when consent is withdrawn.
#include "warehouse/key_safe.h"

#include <doctest/doctest.h>

#include "core/store/admin/accounts.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/van_sign_ons.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/residents/key_safes.h"
#include "core/uk_time.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/dispatch.h"
#include "warehouse/van_sign_on.h"

using namespace ces;
using namespace ces::warehouse;
using std::chrono::hours;

namespace {

const std::chrono::year_month_day kMonday{std::chrono::year(2026), std::chrono::month(3),
                                          std::chrono::day(2)};

Instant at(hours h) { return fromUkLocal(kMonday, h); }

SecretBox testBox() {
    std::array<unsigned char, SecretBox::kKeyBytes> key{};
    key.fill(42);
    return SecretBox(key);
}

// The county with one delivery planned on Monday's route.
struct KeySafeCounty {
    test::WarehouseCounty county;
    SecretBox box = testBox();
    VisitId visit;
    std::string van;

    KeySafeCounty() {
        county.db->write([&](store::Connection& c) {
            const auto van = store::createVan(c, "W9", county.west, 40, 240);
            store::createCrew(c, "West nine", van, 2, true, 8 * 3600, 17 * 3600);
        });
        county.place({{"RAIL", 1}});
        DispatchPolicy policy;
        policy.iterations = 20;
        const auto plan = optimiseDay(*county.db, kMonday, county.planner, at(hours(7)),
                                      WorkingDayCalendar(), policy);
        REQUIRE(plan.routes.size() == 1);
        visit = plan.routes[0].route.stops.at(0).visitId;
        van = plan.routes[0].van.code;
    }
    VanSignOn signOn(const Actor& driver, const std::string& code, Instant now) {
        return county.db->write(
            [&](store::Connection& c) { return signOnToVan(c, code, driver, now); });
    }
    Actor anotherDriver() {
        return county.db->write([&](store::Connection& c) {
            return Actor{store::createUser(c, "d2", "Di Two", Role::driver, std::nullopt, "pw",
                                           at(hours(7))),
                         "d2", "Di Two", Role::driver, std::nullopt};
        });
    }
    void record(const std::string& code, bool consent) {
        county.db->write([&](store::Connection& c) {
            recordKeySafe(c, county.resident, code, consent, box, county.prescriber, at(hours(8)));
            return 0;
        });
    }
    std::string show(const Actor& actor, Instant now) {
        return county.db->write(
            [&](store::Connection& c) { return showKeySafe(c, visit, box, actor, now); });
    }
    int auditRows(const std::string& action) {
        int rows = 0;
        for (const auto& row : county.db->read([](store::Connection& c) {
                 return store::listAudit(c, {}, {std::nullopt, 500}).items;
             })) {
            rows += row.action == action;
            CHECK(row.detail.find("7Q4-Z91") == std::string::npos);
        }
        return rows;
    }
};

}  // namespace

TEST_CASE("a key-safe code is 1 to 20 letters, digits, spaces or hyphens") {
    CHECK_FALSE(keySafeCodeProblem("4821").has_value());
    CHECK_FALSE(keySafeCodeProblem("7Q4-Z91 X").has_value());
    CHECK(keySafeCodeProblem("").has_value());
    CHECK(keySafeCodeProblem(std::string(21, '1')).has_value());
    CHECK(keySafeCodeProblem("12;34").has_value());
    CHECK(keySafeCodeProblem(" - ").has_value());
}

TEST_CASE("a code is kept only with consent, sealed, and the record says when and by whom") {
    KeySafeCounty k;
    try {
        k.record("7Q4-Z91", false);
        FAIL("kept without consent");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "key_safe_consent");
    }
    CHECK_THROWS_AS(k.record("12;34", true), ValidationError);
    k.record("7Q4-Z91", true);
    const auto kept = k.county.db->read(
        [&](store::Connection& c) { return *store::findKeySafe(c, k.county.resident); });
    CHECK(kept.sealed.find("7Q4") == std::string::npos);
    CHECK(kept.consentAt == at(hours(8)));
    CHECK(kept.recordedBy == k.county.prescriber.id);
    CHECK(k.auditRows("resident.key_safe.record") == 1);
}

TEST_CASE(
    "only the crew of the van at a stop still to do on today's route sees the code, and each "
    "showing is audited") {
    KeySafeCounty k;
    k.signOn(k.county.driver, k.van, at(hours(8)));
    CHECK_THROWS_AS(k.show(k.county.driver, at(hours(10))), NotFound);  // no code given
    k.record("7Q4-Z91", true);
    CHECK_THROWS_AS(k.show(k.county.prescriber, at(hours(10))), Forbidden);
    CHECK_THROWS_AS(k.show(k.county.planner, at(hours(10))), Forbidden);
    // A driver who has not signed on to the stop's van today.
    CHECK_THROWS_AS(k.show(k.anotherDriver(), at(hours(10))), Forbidden);
    // The day before the visit: not today's route.
    CHECK_THROWS_AS(k.show(k.county.driver, at(hours(10)) - std::chrono::days(1)), Forbidden);
    CHECK(k.show(k.county.driver, at(hours(10))) == "7Q4-Z91");
    CHECK(k.show(k.county.driver, at(hours(10))) == "7Q4-Z91");
    CHECK(k.auditRows("resident.key_safe.show") == 2);
    // Once the stop is recorded the code is not shown again.
    k.county.db->write([&](store::Connection& c) {
        return recordVisitOutcome(c, k.visit, VisitOutcome::installed_demonstrated, std::nullopt,
                                  "", k.county.driver, at(hours(11)), WorkingDayCalendar(),
                                  MaintenancePolicy());
    });
    CHECK_THROWS_AS(k.show(k.county.driver, at(hours(12))), Forbidden);
}

TEST_CASE("a driver signs on to one van a day, and only to a van with a route today") {
    KeySafeCounty k;
    k.record("7Q4-Z91", true);
    const Actor other = k.anotherDriver();
    CHECK_THROWS_AS(k.signOn(k.county.planner, k.van, at(hours(8))), Forbidden);
    CHECK_THROWS_AS(k.signOn(other, "NO-SUCH-VAN", at(hours(8))), NotFound);
    // The van is planned for Monday only: on Tuesday it has no route.
    try {
        k.signOn(other, k.van, at(hours(8)) + std::chrono::days(1));
        FAIL("signed on to a van with no route");
    } catch (const Conflict& e) {
        CHECK(e.code() == "no_route_today");
    }
    const auto first = k.signOn(k.county.driver, k.van, at(hours(8)));
    CHECK(first.drivers == std::vector<std::string>{"d"});
    const auto both = k.signOn(other, k.van, at(hours(8)) + std::chrono::minutes(5));
    CHECK(both.day == kMonday);
    CHECK(both.drivers == std::vector<std::string>{"d", "Di Two"});  // a two-person crew
    CHECK(k.show(other, at(hours(10))) == "7Q4-Z91");
    // Signing on to another van that day takes the driver off this one.
    k.county.db->write([&](store::Connection& c) {
        const auto second = store::createVan(c, "W10", k.county.west, 40, 240);
        store::signOnVan(c, kMonday, other.id, second, at(hours(9)));
        return 0;
    });
    CHECK_THROWS_AS(k.show(other, at(hours(10))), Forbidden);
    CHECK(k.show(k.county.driver, at(hours(10))) == "7Q4-Z91");
    CHECK(k.auditRows("van.sign_on") == 2);
}

TEST_CASE("withdrawn consent deletes the code at once") {
    KeySafeCounty k;
    k.signOn(k.county.driver, k.van, at(hours(8)));
    k.record("7Q4-Z91", true);
    const bool withdrawn = k.county.db->write([&](store::Connection& c) {
        return withdrawKeySafe(c, k.county.resident, std::nullopt, at(hours(9)));
    });
    CHECK(withdrawn);
    CHECK_THROWS_AS(k.show(k.county.driver, at(hours(10))), NotFound);
    CHECK(k.auditRows("resident.key_safe.withdraw") == 1);
    CHECK_FALSE(k.county.db->write([&](store::Connection& c) {
        return withdrawKeySafe(c, k.county.resident, std::nullopt, at(hours(9)));
    }));
}
