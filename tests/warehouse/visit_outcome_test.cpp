#include "warehouse/visit_outcome.h"

#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"

using namespace ces;
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

TEST_CASE("visit kinds and statuses read back the text the database holds") {
    for (const char* name : {"delivery", "collection", "repair", "inspection"}) {
        const auto kind = parseVisitKind(name);
        REQUIRE(kind.has_value());
        CHECK(std::string(toString(*kind)) == name);
    }
    for (const char* name : {"pending", "planned", "completed", "failed", "cancelled"}) {
        const auto status = ces::parseVisitStatus(name);
        REQUIRE(status.has_value());
        CHECK(std::string(toString(*status)) == name);
    }
    CHECK_FALSE(parseVisitKind("survey").has_value());
    CHECK_FALSE(ces::parseVisitStatus("new").has_value());
}

TEST_CASE("an outcome is checked against the visit's kind and its reason") {
    using ces::ValidationError;
    CHECK_NOTHROW(
        validateOutcome(VisitKind::collection, VisitOutcome::collected, std::nullopt, ""));
    CHECK_THROWS_AS(validateOutcome(VisitKind::delivery, VisitOutcome::collected, std::nullopt, ""),
                    ValidationError);
    CHECK_THROWS_AS(validateOutcome(VisitKind::repair, VisitOutcome::failed, std::nullopt, ""),
                    ValidationError);
    CHECK_THROWS_AS(
        validateOutcome(VisitKind::repair, VisitOutcome::repaired, FailureReason::refused, ""),
        ValidationError);
    CHECK_THROWS_AS(
        validateOutcome(VisitKind::repair, VisitOutcome::failed, FailureReason::other, "  "),
        ValidationError);
    CHECK_NOTHROW(
        validateOutcome(VisitKind::repair, VisitOutcome::failed, FailureReason::other, "dog"));
}
