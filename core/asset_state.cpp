#include "core/asset_state.h"

#include <utility>

namespace ces {

namespace {

constexpr std::array<std::pair<AssetState, std::string_view>, 9> kStateNames{{
    {AssetState::available, "available"},
    {AssetState::reserved, "reserved"},
    {AssetState::on_loan, "on_loan"},
    {AssetState::returned, "returned"},
    {AssetState::in_decontamination, "in_decontamination"},
    {AssetState::awaiting_inspection, "awaiting_inspection"},
    {AssetState::in_repair, "in_repair"},
    {AssetState::scrapped, "scrapped"},
    {AssetState::lost, "lost"},
}};

constexpr std::array<std::pair<AssetStep, std::string_view>, 15> kStepNames{{
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
    {AssetStep::register_asset, "register"},
    {AssetStep::inspect_in_home, "inspect_in_home"},
    {AssetStep::repair_in_home, "repair_in_home"},
}};

constexpr std::array<std::pair<InspectionResult, std::string_view>, 3> kResultNames{{
    {InspectionResult::pass, "pass"},
    {InspectionResult::repair, "repair"},
    {InspectionResult::scrap, "scrap"},
}};

template <class Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [each, name] : names) {
        if (each == value) return name;
    }
    return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> valueNamed(const std::array<std::pair<Enum, std::string_view>, N>& names,
                               std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(AssetState state) { return nameOf(kStateNames, state); }
std::optional<AssetState> parseAssetState(std::string_view text) {
    return valueNamed(kStateNames, text);
}
std::string_view toString(AssetStep step) { return nameOf(kStepNames, step); }
std::optional<AssetStep> parseAssetStep(std::string_view text) {
    return valueNamed(kStepNames, text);
}
std::string_view toString(InspectionResult result) { return nameOf(kResultNames, result); }
std::optional<InspectionResult> parseInspectionResult(std::string_view text) {
    return valueNamed(kResultNames, text);
}

}  // namespace ces
