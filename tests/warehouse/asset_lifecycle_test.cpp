#include "warehouse/asset_lifecycle.h"

#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

std::string after(AssetState from, AssetStep step) {
    const auto to = stateAfter(from, step);
    return to ? std::string(toString(*to)) : "refused";
}

}  // namespace

TEST_CASE("the recycling path: returned, decontaminated, inspected, then stock, repair or scrap") {
    CHECK(after(AssetState::on_loan, AssetStep::return_to_depot) == "returned");
    CHECK(after(AssetState::returned, AssetStep::start_decontamination) == "in_decontamination");
    CHECK(after(AssetState::in_decontamination, AssetStep::finish_decontamination) ==
          "awaiting_inspection");
    CHECK(after(AssetState::returned, AssetStep::finish_decontamination) == "awaiting_inspection");
    CHECK(after(AssetState::awaiting_inspection, AssetStep::pass_inspection) == "available");
    CHECK(after(AssetState::awaiting_inspection, AssetStep::fail_inspection) == "in_repair");
    CHECK(after(AssetState::awaiting_inspection, AssetStep::scrap) == "scrapped");
    CHECK(after(AssetState::in_repair, AssetStep::finish_repair) == "awaiting_inspection");
}

TEST_CASE("a safety recall holds shelf units, and takes a home's unit back in exchange") {
    CHECK(after(AssetState::available, AssetStep::quarantine) == "quarantined");
    CHECK(after(AssetState::on_loan, AssetStep::exchange_for_recall) == "quarantined");
    CHECK(after(AssetState::quarantined, AssetStep::release_from_recall) == "awaiting_inspection");
    CHECK(after(AssetState::quarantined, AssetStep::scrap) == "scrapped");
    CHECK(after(AssetState::quarantined, AssetStep::issue) == "refused");
    CHECK(after(AssetState::available, AssetStep::exchange_for_recall) == "refused");
    CHECK(after(AssetState::reserved, AssetStep::quarantine) == "refused");
}

TEST_CASE("skipped or repeated steps are refused") {
    CHECK(after(AssetState::returned, AssetStep::return_to_depot) == "refused");  // double return
    CHECK(after(AssetState::available, AssetStep::return_to_depot) == "refused");
    CHECK(after(AssetState::returned, AssetStep::pass_inspection) == "refused");  // not cleaned
    CHECK(after(AssetState::on_loan, AssetStep::finish_decontamination) == "refused");
    CHECK(after(AssetState::in_repair, AssetStep::pass_inspection) == "refused");  // re-inspect
    CHECK(after(AssetState::in_repair, AssetStep::issue) == "refused");
    CHECK(after(AssetState::scrapped, AssetStep::issue) == "refused");
    CHECK(after(AssetState::scrapped, AssetStep::finish_repair) == "refused");
    CHECK(after(AssetState::lost, AssetStep::issue) == "refused");
    CHECK(after(AssetState::reserved, AssetStep::pick) == "refused");
    CHECK_THROWS_AS(requireStep(AssetState::returned, AssetStep::return_to_depot), Conflict);
    try {
        requireStep(AssetState::returned, AssetStep::pass_inspection);
        FAIL("expected a refusal");
    } catch (const Conflict& refused) {
        CHECK(refused.code() == "invalid_step");
        CHECK(std::string(refused.what()).find("returned") != std::string::npos);
    }
}

TEST_CASE("only shelf stock is issued, and scrapped is the end") {
    int issuable = 0;
    for (auto state : allAssetStates) {
        if (stateAfter(state, AssetStep::issue)) ++issuable;
    }
    CHECK(issuable == 2);  // available and reserved
    int stepsFromScrapped = 0;
    for (int s = 0; s <= static_cast<int>(AssetStep::found); ++s) {
        if (stateAfter(AssetState::scrapped, static_cast<AssetStep>(s))) ++stepsFromScrapped;
    }
    CHECK(stepsFromScrapped == 0);
}

TEST_CASE("state names round-trip") {
    for (auto state : allAssetStates) {
        const auto parsed = parseAssetState(toString(state));
        REQUIRE(parsed.has_value());
        CHECK(toString(*parsed) == toString(state));
    }
    CHECK_FALSE(parseAssetState("on loan").has_value());
}
