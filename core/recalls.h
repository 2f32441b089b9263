#pragma once
// Safety recalls (field safety notices): which units a campaign covers, where each was found and
// what a home visit for it is. A unit whose date of manufacture or batch was never recorded
// cannot be ruled out, so a filter on dates or batch still covers it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/asset_state.h"
#include "core/visits.h"

namespace ces {

/// What the notice asks the service to do with every unit.
enum class RecallAction {
    inspect,   ///< check (and adjust) each unit where it is
    replace,   ///< exchange each unit in a home for an unaffected one
    withdraw,  ///< take every unit out of service
};
std::string_view toString(RecallAction action);  ///< "inspect", "replace", "withdraw".
std::optional<RecallAction> parseRecallAction(std::string_view text);

/// Which units a notice names: models, and optionally manufacture dates, a batch or barcodes.
struct RecallFilter {
    std::vector<std::string> itemCodes;
    std::optional<std::chrono::year_month_day> madeFrom;
    std::optional<std::chrono::year_month_day> madeTo;
    std::optional<std::string> batch;
    std::vector<std::string> barcodes;  ///< Empty: every barcode of the models.
};

inline constexpr std::size_t kMaxRecallItems = 50;
inline constexpr std::size_t kMaxRecallBarcodes = 5000;

/// ValidationError naming the field: item_codes (none, too many, repeated or malformed),
/// made_to before made_from, batch or barcodes malformed or too many.
void validateRecallFilter(const RecallFilter& filter);

/// What the register knows of one unit.
struct RecallUnitFacts {
    std::string itemCode;
    std::string barcode;
    std::optional<std::chrono::year_month_day> madeOn;
    std::optional<std::string> batch;
    AssetState state = AssetState::available;
};

/// True when the notice covers the unit. Scrapped units are gone and never covered; a unit with
/// no recorded date (or batch) is covered whenever its model and barcode are.
bool recallCovers(const RecallFilter& filter, const RecallUnitFacts& unit);

/// Where a covered unit was when the campaign found it.
enum class RecallPlace { home, shelf, recycling, van, lost };
std::string_view toString(RecallPlace place);  ///< "home", "shelf", "recycling", "van", "lost".

/// Where a unit in `state` is; a picked unit whose order is on the road is on a van.
RecallPlace recallPlaceOf(AssetState state, bool orderOnTheRoad);

/// The visit a home (or a van's delivery) gets: an inspection, an exchange (a repair visit that
/// swaps the unit) or a collection.
VisitKind recallVisitKind(RecallAction action);

}  // namespace ces
