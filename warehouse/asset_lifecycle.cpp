#include "warehouse/asset_lifecycle.h"

#include <string>
#include <utility>

#include "core/errors.h"

namespace ces::warehouse {

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

constexpr std::array<std::pair<AssetStep, std::string_view>, 12> kStepNames{{
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
}};

}  // namespace

std::string_view toString(AssetState state) {
    for (const auto& [value, name] : kStateNames) {
        if (value == state) return name;
    }
    return "unknown";
}

std::optional<AssetState> parseAssetState(std::string_view text) {
    for (const auto& [value, name] : kStateNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view toString(AssetStep step) {
    for (const auto& [value, name] : kStepNames) {
        if (value == step) return name;
    }
    return "unknown";
}

std::optional<AssetState> stateAfter(AssetState from, AssetStep step) {
    using enum AssetState;
    switch (step) {
        case AssetStep::pick:
            if (from == available) return reserved;
            break;
        case AssetStep::unpick:
            if (from == reserved) return available;
            break;
        case AssetStep::issue:
            if (from == available || from == reserved) return on_loan;
            break;
        case AssetStep::return_to_depot:
            if (from == on_loan) return returned;
            break;
        case AssetStep::start_decontamination:
            if (from == returned) return in_decontamination;
            break;
        case AssetStep::finish_decontamination:
            if (from == returned || from == in_decontamination) return awaiting_inspection;
            break;
        case AssetStep::pass_inspection:
            if (from == awaiting_inspection) return available;
            break;
        case AssetStep::fail_inspection:
            if (from == awaiting_inspection) return in_repair;
            break;
        case AssetStep::scrap:
            if (from == awaiting_inspection) return scrapped;
            break;
        case AssetStep::finish_repair:
            if (from == in_repair) return awaiting_inspection;
            break;
        case AssetStep::report_lost:
            if (from == on_loan || from == available) return lost;
            break;
        case AssetStep::found:
            if (from == lost) return returned;
            break;
    }
    return std::nullopt;
}

AssetState requireStep(AssetState from, AssetStep step) {
    const auto to = stateAfter(from, step);
    if (!to) {
        throw Conflict("invalid_step", "cannot " + std::string(toString(step)) +
                                           " an asset that is " + std::string(toString(from)));
    }
    return *to;
}

}  // namespace ces::warehouse
