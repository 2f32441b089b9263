#include "warehouse/asset_lifecycle.h"

#include <string>

#include "core/errors.h"

namespace ces::warehouse {

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
            if (from == awaiting_inspection || from == quarantined) return scrapped;
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
        case AssetStep::quarantine:
            if (from == available) return quarantined;
            break;
        case AssetStep::release_from_recall:
            if (from == quarantined) return awaiting_inspection;
            break;
        case AssetStep::exchange_for_recall:
            if (from == on_loan) return quarantined;
            break;
        case AssetStep::register_asset:
        case AssetStep::inspect_in_home:
        case AssetStep::repair_in_home:
            break;  // recorded, never a move
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
