#include "core/competence.h"

#include <doctest/doctest.h>

using namespace ces;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

TEST_CASE("a competence is held until the end of its expiry day; basic always") {
    const std::vector<HeldCompetence> held = {
        {"moving_handling", year_month_day{year(2026), month(12), day(31)}}};
    const year_month_day lastDay{year(2026), month(12), day(31)};
    const year_month_day dayAfter{year(2027), month(1), day(1)};
    CHECK(holdsCompetence(held, "moving_handling", lastDay));
    CHECK_FALSE(holdsCompetence(held, "moving_handling", dayAfter));
    CHECK_FALSE(holdsCompetence(held, "pressure_care", lastDay));
    CHECK(holdsCompetence({}, "basic", dayAfter));
    CHECK_FALSE(holdsCompetence({}, "paediatric", lastDay));
}

TEST_CASE("a competence code is lowercase letters, digits and underscores") {
    CHECK(isCompetenceCode("moving_handling"));
    CHECK(isCompetenceCode("level2"));
    CHECK_FALSE(isCompetenceCode("Moving"));
    CHECK_FALSE(isCompetenceCode("2nd_level"));
    CHECK_FALSE(isCompetenceCode("a"));
    CHECK_FALSE(isCompetenceCode("pressure care"));
    CHECK_FALSE(isCompetenceCode(std::string(41, 'a')));
}
