#include <doctest/doctest.h>

#include <algorithm>

#include "core/store/admin/organisation.h"
#include "core/store/catalogue/catalogue.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

std::optional<store::ReadinessGap> gap(test::SmallCounty& county, const std::string& key) {
    const auto gaps = county.db->read([](store::Connection& c) { return store::readinessGaps(c); });
    const auto found = std::find_if(gaps.begin(), gaps.end(),
                                    [&](const store::ReadinessGap& g) { return g.key == key; });
    if (found == gaps.end()) return std::nullopt;
    return *found;
}

void saveHoist(test::SmallCounty& county, MaintenanceRegime regime) {
    county.db->write([&](store::Connection& c) {
        CatalogueItem hoist;
        hoist.code = "HOIST-M";
        hoist.name = "Mobile hoist";
        hoist.category = "Hoists";
        hoist.pricePence = 120000;
        hoist.serialised = true;
        hoist.maintenance.regime = regime;
        store::upsertItem(c, hoist);
        return 0;
    });
}

}  // namespace

TEST_CASE("readiness - serialised items with no inspection regime at all block going live") {
    test::SmallCounty county;
    CHECK_FALSE(gap(county, "no_inspection_regime"));  // counted items only: nothing to inspect

    saveHoist(county, MaintenanceRegime::none);
    const auto missing = gap(county, "no_inspection_regime");
    REQUIRE(missing);
    CHECK_FALSE(missing->warning);
    CHECK(missing->fixAt == "/admin/catalogue/import");

    saveHoist(county, MaintenanceRegime::loler);
    CHECK_FALSE(gap(county, "no_inspection_regime"));
}
