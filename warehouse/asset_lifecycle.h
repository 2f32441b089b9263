#pragma once
// A serialised asset's life in the warehouse and in homes. Domain rule (domain.md): a returned
// item goes returned -> decontaminated -> inspected -> available | repair | scrapped, and a
// repaired item is inspected again. Only the steps listed in stateAfter exist.
#include <array>
#include <optional>
#include <string_view>

namespace ces::warehouse {

/// Where an asset is; the names are stored and shown in the API.
enum class AssetState {
    available,            ///< on the shelf, may be picked or issued
    reserved,             ///< picked for an order line, waiting for its van
    on_loan,              ///< in a resident's home
    returned,             ///< back at a depot, not yet cleaned
    in_decontamination,   ///< being cleaned
    awaiting_inspection,  ///< clean (or repaired), waiting for a technician
    in_repair,            ///< failed inspection, being repaired
    scrapped,             ///< beyond economic repair; materials recycled
    lost,                 ///< cannot be found (stock-take or not returned)
};

/// Every state, in the order of an asset's usual life.
inline constexpr std::array allAssetStates{
    AssetState::available, AssetState::reserved,           AssetState::on_loan,
    AssetState::returned,  AssetState::in_decontamination, AssetState::awaiting_inspection,
    AssetState::in_repair, AssetState::scrapped,           AssetState::lost};

/// A recorded step that moves an asset (each is one API call or one delivery).
enum class AssetStep {
    pick,                    ///< available -> reserved (for an order line)
    unpick,                  ///< reserved -> available
    issue,                   ///< available or reserved -> on_loan (delivered)
    return_to_depot,         ///< on_loan -> returned (the loan ends)
    start_decontamination,   ///< returned -> in_decontamination
    finish_decontamination,  ///< returned or in_decontamination -> awaiting_inspection
    pass_inspection,         ///< awaiting_inspection -> available
    fail_inspection,         ///< awaiting_inspection -> in_repair
    scrap,                   ///< awaiting_inspection -> scrapped (needs a reason)
    finish_repair,           ///< in_repair -> awaiting_inspection
    report_lost,             ///< on_loan or available -> lost
    found,                   ///< lost -> returned (cleaned and inspected before reuse)
};

std::string_view toString(AssetState state);                       ///< "on_loan", ...
std::optional<AssetState> parseAssetState(std::string_view text);  ///< Inverse of toString.
std::string_view toString(AssetStep step);                         ///< "return_to_depot", ...

/// The state after `step` from `from`; nullopt when the step is not allowed there.
std::optional<AssetState> stateAfter(AssetState from, AssetStep step);

/// stateAfter, or Conflict("invalid_step", "cannot <step> an asset that is <from>").
AssetState requireStep(AssetState from, AssetStep step);

}  // namespace ces::warehouse
