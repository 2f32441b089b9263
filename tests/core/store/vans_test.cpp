// Vans in service and switched off: planning lists only the vans in service, while a day's
// saved plan still shows a van switched off since.
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/store/admin/organisation.h"
#include "core/store/dispatch/dispatch.h"
#include "tests/core/store/fixture.h"

using namespace ces;
namespace chr = std::chrono;

namespace {

constexpr chr::year_month_day kMarch3{chr::year(2026), chr::March, chr::day(3)};

std::optional<VanId> listed(const std::vector<store::VanCrew>& vans, const std::string& code) {
    for (const auto& van : vans) {
        if (van.code == code) return van.vanId;
    }
    return std::nullopt;
}

store::VanEntry van(const std::string& code) {
    store::VanEntry entry;
    entry.code = code;
    entry.depotCode = "WKD";
    entry.capacityUnits = 40;
    entry.shiftStartSeconds = 8 * 3600;
    entry.shiftEndSeconds = 16 * 3600;
    return entry;
}

}  // namespace

TEST_CASE("vans - a switched-off van is not planned but stays on the plan saved for its day") {
    test::SmallCounty county;
    const store::OrganisationChange change{std::nullopt, county.now};
    county.db->write([&](store::Connection& c) {
        store::addVan(c, van("WKD-V9"), change);
        const auto id = listed(store::listVanCrews(c), "WKD-V9");
        REQUIRE(id);
        store::savePlan(c, {kMarch3, county.now, "straight lines", 1, 12000, 0, std::nullopt},
                        {{*id, 12000, 8 * 3600, 9 * 3600, {}}}, {});
        auto off = van("WKD-V9");
        off.active = false;
        store::changeVan(c, "WKD-V9", off, change);
        return 0;
    });
    county.db->read([&](store::Connection& c) {
        CHECK_FALSE(listed(store::listVanCrews(c), "WKD-V9"));
        CHECK(listed(store::listVanCrews(c, store::VansListed::all), "WKD-V9").has_value());
        const auto plan = store::loadPlan(c, kMarch3);
        REQUIRE(plan);
        REQUIRE(plan->routes.size() == 1);
        CHECK(plan->routes[0].van.code == "WKD-V9");
        CHECK(plan->routes[0].van.depotCode == "WKD");
        CHECK(plan->routes[0].van.crewName == "WKD-V9");
        return 0;
    });
}

TEST_CASE("vans - a shift time is HH:MM within the day") {
    CHECK(store::shiftSeconds("08:30", "shift_start") == 8 * 3600 + 30 * 60);
    CHECK(store::shiftSeconds("23:59", "shift_end") == 23 * 3600 + 59 * 60);
    CHECK(store::shiftText(8 * 3600 + 5 * 60) == "08:05");
    for (const char* bad : {"8:30", "24:00", "08:60", "08.30", "", "08:30x"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(store::shiftSeconds(bad, "shift_start"), ValidationError);
    }
}
