#include "warehouse/visit_outcome.h"

#include <doctest/doctest.h>

#include <string>

using namespace ces::warehouse;

TEST_CASE("each visit kind has its own success and every kind can fail") {
    CHECK(outcomeFits(VisitKind::delivery, VisitOutcome::installed_demonstrated));
    CHECK(outcomeFits(VisitKind::delivery, VisitOutcome::left_with_consent));
    CHECK_FALSE(outcomeFits(VisitKind::delivery, VisitOutcome::collected));
    CHECK(outcomeFits(VisitKind::collection, VisitOutcome::collected));
    CHECK_FALSE(outcomeFits(VisitKind::collection, VisitOutcome::installed_demonstrated));
    CHECK(outcomeFits(VisitKind::inspection, VisitOutcome::inspected));
    CHECK_FALSE(outcomeFits(VisitKind::inspection, VisitOutcome::repaired));
    CHECK(outcomeFits(VisitKind::repair, VisitOutcome::repaired));
    for (auto kind :
         {VisitKind::delivery, VisitKind::collection, VisitKind::repair, VisitKind::inspection}) {
        CHECK(outcomeFits(kind, VisitOutcome::failed));
    }
}

TEST_CASE("failure reasons are a fixed list") {
    for (const char* name : {"no_access", "wrong_item", "refused", "unsafe", "other"}) {
        const auto reason = parseFailureReason(name);
        REQUIRE(reason.has_value());
        CHECK(std::string(toString(*reason)) == name);
    }
    CHECK_FALSE(parseFailureReason("weather").has_value());
    CHECK_FALSE(parseVisitOutcome("delivered").has_value());
}
