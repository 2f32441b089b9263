#include <doctest/doctest.h>

#include "core/collection_rules.h"
#include "core/credit_policy.h"
#include "core/errors.h"
#include "core/kpis.h"

using namespace std::chrono;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

}  // namespace

TEST_CASE("a collection is due at 17:00 on the fifth working day after the request") {
    const ces::WorkingDayCalendar calendar;
    const ces::CollectionRules rules;
    // Monday 2 March 2026 (GMT): the fifth working day after is Monday 9 March.
    CHECK(ces::collectionDueBy(utc(2026, 3, 2, 10), false, rules, calendar) == utc(2026, 3, 9, 17));
    // Urgent: the next working day.
    CHECK(ces::collectionDueBy(utc(2026, 3, 2, 10), true, rules, calendar) == utc(2026, 3, 3, 17));
    // Friday evening: urgent is due Monday.
    CHECK(ces::collectionDueBy(utc(2026, 3, 6, 20), true, rules, calendar) == utc(2026, 3, 9, 17));
}

TEST_CASE("collection due dates skip bank holidays, weekends and follow British Summer Time") {
    const ces::WorkingDayCalendar calendar;
    const ces::CollectionRules rules;
    // Thursday 2 April 2026: Good Friday 3 April and Easter Monday 6 April are holidays, so
    // five working days are 7, 8, 9, 10 and 13 April; 17:00 BST is 16:00 UTC.
    CHECK(ces::collectionDueBy(utc(2026, 4, 2, 9), false, rules, calendar) == utc(2026, 4, 13, 16));
    // A request on Saturday counts from Saturday: Mon..Fri of the next week.
    CHECK(ces::collectionDueBy(utc(2026, 3, 7, 11), false, rules, calendar) ==
          utc(2026, 3, 13, 17));
}

TEST_CASE("the collection target is configurable and refuses nonsense") {
    const ces::WorkingDayCalendar calendar;
    ces::CollectionRules ten;
    ten.workingDays = 10;
    CHECK(ces::collectionDueBy(utc(2026, 3, 2, 10), false, ten, calendar) == utc(2026, 3, 16, 17));
    ces::CollectionRules none;
    none.workingDays = 0;
    CHECK_THROWS_AS(ces::collectionDueBy(utc(2026, 3, 2, 10), false, none, calendar),
                    ces::ValidationError);
}

TEST_CASE("collection reasons parse exactly") {
    CHECK(ces::parseCollectionReason("deceased") == std::optional{ces::CollectionReason::deceased});
    CHECK(ces::parseCollectionReason("care_home") ==
          std::optional{ces::CollectionReason::care_home});
    CHECK_FALSE(ces::parseCollectionReason("Deceased").has_value());
    for (auto reason : ces::allCollectionReasons) {
        CHECK(ces::parseCollectionReason(ces::toString(reason)) == std::optional{reason});
    }
}

TEST_CASE("a credit is rate times price rounded half up to the penny") {
    CHECK(ces::creditAmount(40000, 8500) == 34000);
    CHECK(ces::creditAmount(1, 8500) == 1);             // 0.85p -> 1p
    CHECK(ces::creditAmount(3, 8500) == 3);             // 2.55p -> 3p
    CHECK(ces::creditAmount(10, 8500) == 9);            // 8.5p -> 9p (half up)
    CHECK(ces::creditAmount(545325, 8500) == 463526);   // 463526.25p -> 463526p
    CHECK(ces::creditAmount(1114814, 8500) == 947592);  // 947591.9 -> 947592
    CHECK(ces::creditAmount(0, 8500) == 0);
    CHECK(ces::creditAmount(12345, 0) == 0);
    CHECK(ces::creditAmount(12345, 10000) == 12345);
    CHECK_THROWS_AS(ces::creditAmount(-1, 8500), ces::ValidationError);
}

TEST_CASE("the credit policy picks the most specific rule in force on the day") {
    const auto april24 = year{2024} / April / 1;
    const auto march25 = year{2025} / March / 31;
    const ces::CreditPolicy policy({
        {april24, std::nullopt, "", "", 8500},
        {april24, march25, "Beds", "", 9000},
        {april24, std::nullopt, "Beds", "worn", 6000},
        {april24, std::nullopt, "", "worn", 7000},
        {year{2025} / April / 1, std::nullopt, "", "", 8700},
    });
    CHECK(policy.rateFor(year{2024} / June / 1, "Mobility", "good") == 8500);
    CHECK(policy.rateFor(year{2024} / June / 1, "Beds", "good") == 9000);
    CHECK(policy.rateFor(year{2024} / June / 1, "Beds", "worn") == 6000);
    CHECK(policy.rateFor(year{2024} / June / 1, "Seating", "worn") == 7000);
    // The Beds rule ended on 31 March 2025; the later general rule starts then.
    CHECK(policy.rateFor(year{2025} / May / 1, "Beds", "good") == 8700);
    // Before any rule: the default.
    CHECK(policy.rateFor(year{2023} / May / 1, "Beds", "good") == ces::kDefaultCreditRate);
    CHECK(ces::CreditPolicy().rateFor(year{2026} / May / 1, "Beds", "") == 8500);
}

TEST_CASE("credit policy rules are validated") {
    const auto day = year{2024} / April / 1;
    CHECK_THROWS_AS(ces::CreditPolicy({{day, std::nullopt, "", "", 10001}}), ces::ValidationError);
    CHECK_THROWS_AS(ces::CreditPolicy({{day, year{2024} / March / 1, "", "", 8500}}),
                    ces::ValidationError);
}

TEST_CASE("shares, medians and per-1000 rates") {
    CHECK(ces::kpi::Share{2, 3}.percent() == doctest::Approx(66.7));
    CHECK_FALSE(ces::kpi::Share{0, 0}.percent().has_value());
    ces::kpi::DayHistogram odd;
    odd.add(1);
    odd.add(5);
    odd.add(3, 1);
    CHECK(odd.median() == doctest::Approx(3.0));
    ces::kpi::DayHistogram even;
    even.add(2, 2);
    even.add(7, 2);
    CHECK(even.median() == doctest::Approx(4.5));
    CHECK_FALSE(ces::kpi::DayHistogram().median().has_value());
    CHECK(ces::kpi::per1000(3, 1000) == doctest::Approx(3.0));
    CHECK(ces::kpi::per1000(1, 3000) == doctest::Approx(0.3));
    CHECK_FALSE(ces::kpi::per1000(1, 0).has_value());
    CHECK(ces::kpi::daysBetween(*ces::parseInstant("2026-02-27T16:00:00Z"),
                                *ces::parseInstant("2026-03-02T00:00:00Z")) == 3);
}

TEST_CASE("financial years and the council's targets") {
    CHECK(ces::kpi::financialYear(year{2025} / March / 31) == "2024/25");
    CHECK(ces::kpi::financialYear(year{2025} / April / 1) == "2025/26");
    CHECK(ces::kpi::financialYearStart("2024/25") == year{2024} / April / 1);
    const auto target = ces::kpi::councilTarget("2024/25");
    REQUIRE(target.has_value());
    CHECK(target->netAllTargets == 248'400'000);  // £2,484.0k
    CHECK(target->netWith85Credits == 265'050'000);
    CHECK(ces::kpi::councilTarget("2026/27")->forecastGross == 510'500'000);
}

TEST_CASE("carbon arithmetic") {
    CHECK(ces::kpi::vanKgCo2(10000, 200) == doctest::Approx(2.0));
    ces::kpi::CarbonFactors factors;
    CHECK(ces::kpi::reuseKgCo2Avoided(factors, "Beds", 2) == doctest::Approx(2 * 70.0 * 3.0));
    CHECK(factors.itemWeightKg("Unknown") == doctest::Approx(10.0));
}
