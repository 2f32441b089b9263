#include "core/asset_state.h"

#include <utility>

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<AssetState, 10> kStateNames{{
    {AssetState::available, "available"},
    {AssetState::reserved, "reserved"},
    {AssetState::on_loan, "on_loan"},
    {AssetState::returned, "returned"},
    {AssetState::in_decontamination, "in_decontamination"},
    {AssetState::awaiting_inspection, "awaiting_inspection"},
    {AssetState::in_repair, "in_repair"},
    {AssetState::scrapped, "scrapped"},
    {AssetState::lost, "lost"},
    {AssetState::quarantined, "quarantined"},
}};

constexpr NameTable<AssetStep, 18> kStepNames{{
    {AssetStep::pick, "pick"},
    {AssetStep::unpick, "unpick"},
    {AssetStep::issue, "issue"},
    {AssetStep::return_to_depot, "return"},
    {AssetStep::start_decontamination, "start_decontamination"},
    {AssetStep::finish_decontamination, "decontaminate"},
    {AssetStep::pass_inspection, "inspect_pass"},
    {AssetStep::fail_inspection, "inspect_repair"},
    {AssetStep::scrap, "inspect_scrap"},
    {AssetStep::finish_repair, "repair"},
    {AssetStep::report_lost, "lost"},
    {AssetStep::found, "found"},
    {AssetStep::quarantine, "quarantine"},
    {AssetStep::release_from_recall, "release_from_recall"},
    {AssetStep::exchange_for_recall, "exchange_for_recall"},
    {AssetStep::register_asset, "register"},
    {AssetStep::inspect_in_home, "inspect_in_home"},
    {AssetStep::repair_in_home, "repair_in_home"},
}};

constexpr NameTable<InspectionResult, 3> kResultNames{{
    {InspectionResult::pass, "pass"},
    {InspectionResult::repair, "repair"},
    {InspectionResult::scrap, "scrap"},
}};

}  // namespace

std::string_view toString(AssetState state) { return nameIn(kStateNames, state); }
std::optional<AssetState> parseAssetState(std::string_view text) {
    return valueIn(kStateNames, text);
}
std::string_view toString(AssetStep step) { return nameIn(kStepNames, step); }
std::optional<AssetStep> parseAssetStep(std::string_view text) { return valueIn(kStepNames, text); }
std::string_view toString(InspectionResult result) { return nameIn(kResultNames, result); }
std::optional<InspectionResult> parseInspectionResult(std::string_view text) {
    return valueIn(kResultNames, text);
}

}  // namespace ces
