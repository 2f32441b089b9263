#include "core/store/warehouse/counted_returns.h"

#include <algorithm>

namespace ces::store {

namespace {

const char* const kInsertReturn =
    "INSERT INTO counted_returns (depot_id, item_code, loan_id, quantity, return_condition, "
    "returned_at) VALUES ($1, $2, $3, $4, $5, $6)";
const char* const kOpenReturns =
    "SELECT id, loan_id, quantity - settled, return_condition FROM counted_returns "
    "WHERE depot_id = $1 AND item_code = $2 AND settled < quantity ORDER BY id";
const char* const kSettle = "UPDATE counted_returns SET settled = settled + $1 WHERE id = $2";
const char* const kInsertSettlement =
    "INSERT INTO counted_settlements (return_id, outcome, quantity, at) VALUES ($1, $2, $3, $4)";

}  // namespace

void recordCountedReturn(Connection& c, DepotId depot, const std::string& itemCode, LoanId loan,
                         std::int64_t quantity, const std::string& condition, Instant now) {
    c.execute(kInsertReturn,
              {depot.value(), itemCode, loan.value(), quantity, condition, formatInstant(now)});
}

std::vector<SettledReturn> settleCountedUnits(Connection& c, DepotId depot,
                                              const std::string& itemCode, std::int64_t quantity,
                                              Settlement how, Instant now) {
    std::vector<SettledReturn> settled;
    Rows open = c.query(kOpenReturns, {depot.value(), itemCode});
    for (std::size_t i = 0; i < open.size() && quantity > 0; ++i) {
        const std::int64_t units = std::min(quantity, open.integer(i, 2));
        c.execute(kSettle, {units, open.integer(i, 0)});
        c.execute(
            kInsertSettlement,
            {open.integer(i, 0), std::string(how == Settlement::passed ? "passed" : "scrapped"),
             units, formatInstant(now)});
        settled.push_back({LoanId(open.integer(i, 1)), units, open.text(i, 3)});
        quantity -= units;
    }
    return settled;
}

}  // namespace ces::store
