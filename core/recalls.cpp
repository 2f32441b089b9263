#include "core/recalls.h"

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<RecallAction, 3> kActionNames{{
    {RecallAction::inspect, "inspect"},
    {RecallAction::replace, "replace"},
    {RecallAction::withdraw, "withdraw"},
}};

constexpr NameTable<RecallPlace, 5> kPlaceNames{{
    {RecallPlace::home, "home"},
    {RecallPlace::shelf, "shelf"},
    {RecallPlace::recycling, "recycling"},
    {RecallPlace::van, "van"},
    {RecallPlace::lost, "lost"},
}};

// Item codes, batches and barcodes: printable, no spaces or commas (lists are stored joined).
bool isPlainCode(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    return std::all_of(text.begin(), text.end(), [](char ch) {
        return ch > ' ' && ch < 127 && ch != ',' && ch != '"' && ch != '\'';
    });
}

template <typename Check>
void requireUnique(const std::vector<std::string>& values, const std::string& field,
                   Check isValid) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string at = field + "[" + std::to_string(i) + "]";
        if (!isValid(values[i])) throw ValidationError(at, "'" + values[i] + "' is not a code");
        if (!seen.insert(values[i]).second) {
            throw ValidationError(at, values[i] + " is named twice");
        }
    }
}

}  // namespace

std::string_view toString(RecallAction action) { return nameIn(kActionNames, action); }
std::optional<RecallAction> parseRecallAction(std::string_view text) {
    return valueIn(kActionNames, text);
}
std::string_view toString(RecallPlace place) { return nameIn(kPlaceNames, place); }

void validateRecallFilter(const RecallFilter& filter) {
    if (filter.itemCodes.empty()) {
        throw ValidationError("item_codes", "name at least one catalogue item the notice covers");
    }
    if (filter.itemCodes.size() > kMaxRecallItems) {
        throw ValidationError(
            "item_codes", "a notice covers at most " + std::to_string(kMaxRecallItems) + " items");
    }
    requireUnique(filter.itemCodes, "item_codes", isPlainCode);
    if (filter.madeFrom && filter.madeTo &&
        std::chrono::sys_days(*filter.madeTo) < std::chrono::sys_days(*filter.madeFrom)) {
        throw ValidationError("made_to", "made_to is before made_from");
    }
    if (filter.batch && !isPlainCode(*filter.batch)) {
        throw ValidationError("batch", "a batch is 1 to 64 characters, no spaces or commas");
    }
    if (filter.barcodes.size() > kMaxRecallBarcodes) {
        throw ValidationError("barcodes", "a notice names at most " +
                                              std::to_string(kMaxRecallBarcodes) + " barcodes");
    }
    requireUnique(filter.barcodes, "barcodes", isPlainCode);
}

bool recallCovers(const RecallFilter& filter, const RecallUnitFacts& unit) {
    if (unit.state == AssetState::scrapped) return false;
    const auto& items = filter.itemCodes;
    if (std::find(items.begin(), items.end(), unit.itemCode) == items.end()) return false;
    const auto& barcodes = filter.barcodes;
    if (!barcodes.empty() &&
        std::find(barcodes.begin(), barcodes.end(), unit.barcode) == barcodes.end()) {
        return false;
    }
    if (unit.madeOn) {
        const auto made = std::chrono::sys_days(*unit.madeOn);
        if (filter.madeFrom && made < std::chrono::sys_days(*filter.madeFrom)) return false;
        if (filter.madeTo && made > std::chrono::sys_days(*filter.madeTo)) return false;
    }
    if (filter.batch && unit.batch && *unit.batch != *filter.batch) return false;
    return true;
}

RecallPlace recallPlaceOf(AssetState state, bool orderOnTheRoad) {
    switch (state) {
        case AssetState::on_loan:
            return RecallPlace::home;
        case AssetState::available:
        case AssetState::quarantined:  // held already, by another campaign
            return RecallPlace::shelf;
        case AssetState::reserved:
            return orderOnTheRoad ? RecallPlace::van : RecallPlace::shelf;
        case AssetState::lost:
            return RecallPlace::lost;
        case AssetState::returned:
        case AssetState::in_decontamination:
        case AssetState::awaiting_inspection:
        case AssetState::in_repair:
        case AssetState::scrapped:
            break;
    }
    return RecallPlace::recycling;
}

VisitKind recallVisitKind(RecallAction action) {
    switch (action) {
        case RecallAction::inspect:
            return VisitKind::inspection;
        case RecallAction::replace:
            return VisitKind::repair;
        case RecallAction::withdraw:
            return VisitKind::collection;
    }
    return VisitKind::inspection;
}

}  // namespace ces
