#pragma once
// The kinds of a finance ledger row, as the ledger stores them and the API shows them.
#include <optional>
#include <string_view>

namespace ces {

/// What a ledger row records.
enum class LedgerKind {
    issue,       ///< a loan's equipment charged to the ordering team's funder at delivery
    credit,      ///< a returned asset credited to that funder when it passes inspection
    correction,  ///< a reversal or replacement of an earlier row
};

std::string_view toString(LedgerKind kind);                        ///< "issue", "credit", ...
std::optional<LedgerKind> parseLedgerKind(std::string_view text);  ///< Inverse of toString.

}  // namespace ces
