#include "warehouse/maintenance.h"

#include <doctest/doctest.h>

#include "warehouse/dispatch.h"

using namespace ces;
using namespace ces::warehouse;
using namespace std::chrono;

namespace {

Instant at(int y, unsigned m, unsigned d) { return sys_days(year(y) / m / d) + hours(9); }

constexpr const char* kRiserChairWords =
    "PUWER: planned service/inspection at least annually; electrical safety (PAT-style) test "
    "(recliner chairs: PUWER, not LOLER)";

// A fitted catalogue item with the regime's standard maintenance and the catalogue's words.
CatalogueItem item(const std::string& code, const std::string& words, MaintenanceRegime regime) {
    CatalogueItem i;
    i.code = code;
    i.serialised = true;
    i.needsFitting = true;
    i.inspectionRegime = words;
    i.maintenance = MaintenancePolicy().standard(regime);
    return i;
}

// Whether a visit of `kind` for one of `i` needs a lifting engineer in the crew.
bool needsLiftingEngineer(VisitKind kind, const CatalogueItem& i) {
    store::VisitJob visit;
    visit.kind = kind;
    visit.items.push_back({i.code,
                           i.name,
                           i.category,
                           1,
                           i.vanSpace,
                           i.twoPerson,
                           i.needsFitting,
                           i.maintenance,
                           {}});
    return (skillsFor(visit) & routing::kLiftingEngineer) != 0;
}

}  // namespace

TEST_CASE("regimes: LOLER every 6 months by a lifting engineer, PAT and service every 12") {
    MaintenancePolicy policy;
    CHECK(policy.standard(MaintenanceRegime::loler) ==
          ItemMaintenance{MaintenanceRegime::loler, 6, MaintenanceSkill::lifting_engineer});
    CHECK(policy.standard(MaintenanceRegime::electrical) ==
          ItemMaintenance{MaintenanceRegime::electrical, 12, MaintenanceSkill::none});
    CHECK(policy.standard(MaintenanceRegime::planned_service) ==
          ItemMaintenance{MaintenanceRegime::planned_service, 12, MaintenanceSkill::none});
    CHECK(policy.standard(MaintenanceRegime::none) == ItemMaintenance{});
    policy.lolerMonths = 3;
    CHECK(policy.standard(MaintenanceRegime::loler).intervalMonths == 3);
}

TEST_CASE("an item's interval is its catalogue maintenance, whatever its regime's words say") {
    const MaintenancePolicy policy;
    // The riser-recliner chair's words name LOLER ("not LOLER"): it is electrical, 12 months.
    const auto chair = item("KCE-SEA-001", kRiserChairWords, MaintenanceRegime::electrical);
    CHECK(policy.intervalMonths(chair) == 12);
    CHECK(policy.intervalMonths(item("KCE-HST-001", "", MaintenanceRegime::loler)) == 6);
    CHECK(policy.intervalMonths(item("KCE-SLG-001", "", MaintenanceRegime::loler)) == 6);
    CHECK(policy.intervalMonths(item("KCE-BED-001", "PAT", MaintenanceRegime::electrical)) == 12);
    CHECK(policy.intervalMonths(item("KCE-MOB-001", "LOLER", MaintenanceRegime::none)) == 0);
    MaintenancePolicy overridden;
    overridden.itemOverrides["KCE-MOB-001"] = 24;
    CHECK(overridden.intervalMonths(item("KCE-MOB-001", "", MaintenanceRegime::none)) == 24);
}

TEST_CASE("the regime's interval in force caps an item's: sooner by catalogue, never later") {
    MaintenancePolicy policy;
    policy.lolerMonths = 4;  // a council that shortens LOLER shortens every hoist's
    policy.electricalMonths = 9;
    CHECK(policy.intervalMonths(item("KCE-HST-001", "", MaintenanceRegime::loler)) == 4);
    CHECK(policy.intervalMonths(item("KCE-BED-001", "", MaintenanceRegime::electrical)) == 9);
    auto pump = item("KCE-PMP-001", "", MaintenanceRegime::electrical);
    pump.maintenance.intervalMonths = 3;  // the manufacturer asks for a quarterly service
    CHECK(policy.intervalMonths(pump) == 3);
    policy.electricalMonths = 0;  // a regime with no interval leaves the catalogue's
    CHECK(policy.intervalMonths(pump) == 3);
}

TEST_CASE("a lifting engineer for the checks, repairs and fitting of LOLER items only") {
    const auto chair = item("KCE-SEA-001", kRiserChairWords, MaintenanceRegime::electrical);
    const auto hoist = item("KCE-HST-001", "", MaintenanceRegime::loler);
    const auto sling = item("KCE-SLG-001", "", MaintenanceRegime::loler);
    const auto bed = item("KCE-BED-001", "", MaintenanceRegime::electrical);
    for (auto kind : {VisitKind::inspection, VisitKind::repair, VisitKind::delivery}) {
        INFO("visit " << toString(kind));
        CHECK_FALSE(needsLiftingEngineer(kind, chair));
        CHECK_FALSE(needsLiftingEngineer(kind, bed));
        CHECK(needsLiftingEngineer(kind, hoist));
        CHECK(needsLiftingEngineer(kind, sling));
    }
    CHECK_FALSE(needsLiftingEngineer(VisitKind::collection, hoist));
}

TEST_CASE("due dates come from the last inspection, clamped to the month's end") {
    CHECK(formatInstant(*nextInspectionDue(at(2026, 3, 2), 6)) == "2026-09-02T09:00:00Z");
    CHECK(formatInstant(*nextInspectionDue(at(2025, 8, 31), 6)) == "2026-02-28T09:00:00Z");
    CHECK(formatInstant(*nextInspectionDue(at(2023, 8, 31), 6)) == "2024-02-29T09:00:00Z");
    CHECK(formatInstant(*nextInspectionDue(at(2026, 1, 15), 12)) == "2027-01-15T09:00:00Z");
    CHECK_FALSE(nextInspectionDue(at(2026, 1, 15), 0).has_value());
}

TEST_CASE("overdue means due strictly before now") {
    const Instant due = at(2026, 3, 2);
    CHECK(isOverdue(due, due + seconds(1)));
    CHECK_FALSE(isOverdue(due, due));
    CHECK_FALSE(isOverdue(std::nullopt, due));
}
