#pragma once
// The demo county's self-purchase choices (illustrative): every recent order of an item with a
// retail alternative records what the resident chose, and some residents bought their own
// instead of ordering, so the commissioner's share has something to show.
#include <string>
#include <utility>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"
#include "core/types.h"

namespace ces::demo {

/// Records the choices of the last four weeks; `residents` pairs each resident with the index of
/// their prescriber in `prescribers`. Answers what it recorded, for the demo's progress.
std::string recordDemoSelfPurchase(
    store::Database& db, Instant now, const std::vector<Actor>& prescribers,
    const std::vector<std::pair<ResidentId, std::size_t>>& residents);

}  // namespace ces::demo
