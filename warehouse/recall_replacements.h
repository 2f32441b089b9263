#pragma once
// A "replace" recall swaps each affected unit in a home for an unaffected one of the same model
// (or, when none is free, of a close technical equivalent the notice does not cover either):
// a free unit is reserved for it (at the visit's depot, or at another while the visit is not yet
// planned, the visit then leaving from there) and at the visit the replacement goes on the
// resident's loan while the affected unit comes back into quarantine. A visit with nothing
// reserved cannot be done: it fails and is tried again once the warehouse has a unit.
#include <cstdint>
#include <optional>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

struct ReplacementsReserved {
    std::int64_t reserved = 0;  ///< Replacements reserved now.
    std::int64_t waiting = 0;   ///< Homes still waiting for one (no free unaffected unit).
};

/// Reserves a replacement for every home unit of campaign `recall` (of every open "replace"
/// campaign when empty) that has none yet, oldest campaign first.
ReplacementsReserved reserveRecallReplacements(store::Connection& c, std::optional<RecallId> recall,
                                               const Actor& actor, Instant now);

/// At a visit done: each unit of a "replace" campaign it went for is exchanged for its
/// replacement (the affected unit into quarantine at `depot`). Answers how many were exchanged;
/// Conflict("replacement_not_reserved") when one has no replacement reserved.
std::int64_t exchangeRecallUnits(store::Connection& c, VisitId visit, DepotId depot,
                                 const Actor& actor, Instant now);

}  // namespace ces::warehouse
