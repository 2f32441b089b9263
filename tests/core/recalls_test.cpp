// Which units a safety notice covers, where each was, and the visit a home gets.
#include "core/recalls.h"

#include <doctest/doctest.h>

#include "core/errors.h"

using namespace ces;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

namespace {

RecallFilter beds() {
    RecallFilter f;
    f.itemCodes = {"BED-PROF", "BED-LOW"};
    return f;
}

RecallUnitFacts unit(const char* item, std::optional<year_month_day> made = std::nullopt,
                     std::optional<std::string> batch = std::nullopt) {
    return {item, "CES-000001", made, batch, AssetState::on_loan};
}

std::string refusedField(const RecallFilter& f) {
    try {
        validateRecallFilter(f);
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a notice covers its models, within its dates and batch") {
    auto f = beds();
    CHECK(recallCovers(f, unit("BED-PROF")));
    CHECK_FALSE(recallCovers(f, unit("HOIST")));
    f.madeFrom = year_month_day{year(2025), month(1), day(1)};
    f.madeTo = year_month_day{year(2025), month(6), day(30)};
    CHECK(recallCovers(f, unit("BED-PROF", year_month_day{year(2025), month(1), day(1)})));
    CHECK(recallCovers(f, unit("BED-PROF", year_month_day{year(2025), month(6), day(30)})));
    CHECK_FALSE(recallCovers(f, unit("BED-PROF", year_month_day{year(2024), month(12), day(31)})));
    CHECK_FALSE(recallCovers(f, unit("BED-PROF", year_month_day{year(2025), month(7), day(1)})));
    f.batch = "L42";
    CHECK(recallCovers(f, unit("BED-LOW", year_month_day{year(2025), month(3), day(1)}, "L42")));
    CHECK_FALSE(
        recallCovers(f, unit("BED-LOW", year_month_day{year(2025), month(3), day(1)}, "L43")));
}

TEST_CASE("a unit with no recorded date or batch cannot be ruled out") {
    auto f = beds();
    f.madeFrom = year_month_day{year(2025), month(1), day(1)};
    f.batch = "L42";
    CHECK(recallCovers(f, unit("BED-PROF")));
}

TEST_CASE("named barcodes narrow it to those units, and scrapped units are gone") {
    auto f = beds();
    f.barcodes = {"CES-000002"};
    CHECK_FALSE(recallCovers(f, unit("BED-PROF")));
    f.barcodes.push_back("CES-000001");
    CHECK(recallCovers(f, unit("BED-PROF")));
    auto scrapped = unit("BED-PROF");
    scrapped.state = AssetState::scrapped;
    CHECK_FALSE(recallCovers(f, scrapped));
}

TEST_CASE("a filter is refused naming the field") {
    CHECK(refusedField(beds()) == "accepted");
    CHECK(refusedField(RecallFilter{}) == "item_codes");
    auto f = beds();
    f.itemCodes.push_back("BED-PROF");
    CHECK(refusedField(f) == "item_codes[2]");
    f = beds();
    f.itemCodes[1] = "BED LOW";
    CHECK(refusedField(f) == "item_codes[1]");
    f = beds();
    f.madeFrom = year_month_day{year(2025), month(2), day(1)};
    f.madeTo = year_month_day{year(2025), month(1), day(31)};
    CHECK(refusedField(f) == "made_to");
    f = beds();
    f.batch = "a,b";
    CHECK(refusedField(f) == "batch");
    f = beds();
    f.barcodes = {"CES-1", "CES-1"};
    CHECK(refusedField(f) == "barcodes[1]");
    f.barcodes.assign(kMaxRecallBarcodes + 1, "x");
    CHECK(refusedField(f) == "barcodes");
}

TEST_CASE("where a unit was found and the visit its home gets") {
    CHECK((recallPlaceOf(AssetState::on_loan, false) == RecallPlace::home));
    CHECK((recallPlaceOf(AssetState::available, false) == RecallPlace::shelf));
    CHECK((recallPlaceOf(AssetState::reserved, false) == RecallPlace::shelf));
    CHECK((recallPlaceOf(AssetState::reserved, true) == RecallPlace::van));
    CHECK((recallPlaceOf(AssetState::quarantined, false) == RecallPlace::shelf));
    CHECK((recallPlaceOf(AssetState::in_decontamination, false) == RecallPlace::recycling));
    CHECK((recallPlaceOf(AssetState::lost, false) == RecallPlace::lost));
    CHECK((recallVisitKind(RecallAction::inspect) == VisitKind::inspection));
    CHECK((recallVisitKind(RecallAction::replace) == VisitKind::repair));
    CHECK((recallVisitKind(RecallAction::withdraw) == VisitKind::collection));
    for (const auto action :
         {RecallAction::inspect, RecallAction::replace, RecallAction::withdraw}) {
        CHECK((parseRecallAction(toString(action)) == action));
    }
    CHECK_FALSE(parseRecallAction("recall").has_value());
}
