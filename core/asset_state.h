#pragma once
// The words of a serialised asset's life, as the register stores them and the API shows them:
// where an asset is, the steps its history records and a technician's verdict. Which step is
// allowed from which state is warehouse/asset_lifecycle's rule.
#include <array>
#include <optional>
#include <string_view>

namespace ces {

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
    quarantined,          ///< held at a depot by a safety recall: never issued
};

/// Every state, in the order of an asset's usual life.
inline constexpr std::array allAssetStates{
    AssetState::available,  AssetState::reserved,           AssetState::on_loan,
    AssetState::returned,   AssetState::in_decontamination, AssetState::awaiting_inspection,
    AssetState::in_repair,  AssetState::scrapped,           AssetState::lost,
    AssetState::quarantined};

/// A step of an asset's history. The steps up to `found` move it (each is one API call or
/// one delivery); the last three record it without a move.
enum class AssetStep {
    pick,                    ///< available -> reserved (for an order line)
    unpick,                  ///< reserved -> available
    issue,                   ///< available or reserved -> on_loan (delivered)
    return_to_depot,         ///< on_loan -> returned (the loan ends)
    start_decontamination,   ///< returned -> in_decontamination
    finish_decontamination,  ///< returned or in_decontamination -> awaiting_inspection
    pass_inspection,         ///< awaiting_inspection -> available
    fail_inspection,         ///< awaiting_inspection -> in_repair
    scrap,                   ///< awaiting_inspection or quarantined -> scrapped (needs a reason)
    finish_repair,           ///< in_repair -> awaiting_inspection
    report_lost,             ///< on_loan or available -> lost
    found,                   ///< lost -> returned (cleaned and inspected before reuse)
    quarantine,              ///< available -> quarantined (a safety recall holds it)
    release_from_recall,     ///< quarantined -> awaiting_inspection (the notice is met)
    exchange_for_recall,     ///< on_loan -> quarantined (a replacement took its place in the home)
    register_asset,          ///< the asset's first row: it joins the register
    inspect_in_home,         ///< a planned inspection passed in a home (the state stays)
    repair_in_home,          ///< repaired in a home on a repair visit (the state stays)
};

/// The technician's verdict.
enum class InspectionResult { pass, repair, scrap };

std::string_view toString(AssetState state);                       ///< "on_loan", ...
std::optional<AssetState> parseAssetState(std::string_view text);  ///< Inverse of toString.
std::string_view toString(AssetStep step);                         ///< "return", "register", ...
std::optional<AssetStep> parseAssetStep(std::string_view text);    ///< Inverse of toString.
std::string_view toString(InspectionResult result);                ///< "pass", "repair", "scrap".
std::optional<InspectionResult> parseInspectionResult(std::string_view text);  ///< Inverse.

}  // namespace ces
