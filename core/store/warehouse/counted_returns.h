#pragma once
// Returns of counted items, so that units passing inspection can credit the funder who paid
// for them: units settle the oldest open returns of their item at their depot first.
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Records `quantity` units of a loan back at `depot`, in the condition logged at the return.
void recordCountedReturn(Connection& c, DepotId depot, const std::string& itemCode, LoanId loan,
                         std::int64_t quantity, const std::string& condition, Instant now);

/// Units of one return settled by an inspection.
struct SettledReturn {
    LoanId loan;
    std::int64_t quantity = 0;
    std::string condition;
};

enum class Settlement { passed, scrapped };

/// Settles `quantity` units of an item at a depot against its oldest open returns; answers
/// what each return gave. Fewer units than asked are settled when older units (back before
/// returns were recorded) make up the rest.
std::vector<SettledReturn> settleCountedUnits(Connection& c, DepotId depot,
                                              const std::string& itemCode, std::int64_t quantity,
                                              Settlement how, Instant now);

}  // namespace ces::store
