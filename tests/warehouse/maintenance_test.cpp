#include "warehouse/maintenance.h"

#include <doctest/doctest.h>

using namespace ces;
using namespace ces::warehouse;
using namespace std::chrono;

namespace {

Instant at(int y, unsigned m, unsigned d) { return sys_days(year(y) / m / d) + hours(9); }

}  // namespace

TEST_CASE("regimes: LOLER every 6 months, PAT and service every 12, configurable") {
    MaintenancePolicy policy;
    CHECK(policy.intervalMonths("KCE-HST-001", "LOLER thorough examination every 6 months") == 6);
    CHECK(policy.intervalMonths(
              "KCE-BED-001", "PUWER: planned service; electrical safety (PAT-style) test") == 12);
    CHECK(policy.intervalMonths("KCE-WCH-001", "Planned service (annual) + visual check") == 12);
    CHECK(policy.intervalMonths("KCE-MOB-001", "Visual/functional check + decontamination") == 0);
    policy.lolerMonths = 3;
    policy.itemOverrides["KCE-MOB-001"] = 24;
    CHECK(policy.intervalMonths("KCE-SLG-001", "LOLER thorough examination") == 3);
    CHECK(policy.intervalMonths("KCE-MOB-001", "Visual check") == 24);
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
