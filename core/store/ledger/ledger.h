#pragma once
// The finance ledger (append only): issues charged at catalogue price to the ordering team's
// funder at delivery, credits of rate x catalogue price to that funder when a credit-eligible
// asset passes inspection back into stock, and corrections as new rows. Nothing here updates or
// deletes a ledger row.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/credit_policy.h"
#include "core/iso_time.h"
#include "core/ledger_kind.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

using CreditRuleId = Id<struct CreditRuleTag>;  ///< A row of the credit policy table.

/// One ledger row.
struct LedgerEntry {
    LedgerEntryId id;
    LedgerKind kind = LedgerKind::issue;
    Instant at;
    FunderId funder;
    std::string funderCode;
    OrderId order;
    std::string orderReference;
    std::optional<LoanId> loanId;
    std::optional<AssetId> assetId;
    std::optional<std::string> barcode;
    std::optional<std::int64_t> inspectionEventId;  ///< The asset_events row of the pass.
    std::optional<std::string> itemCode;
    std::string category;
    std::string district;
    std::int64_t quantity = 0;
    Pence unitPrice = 0;
    std::optional<BasisPoints> rate;
    Pence amount = 0;  ///< > 0 charged to the funder, < 0 credited.
    std::optional<LedgerEntryId> correctsId;
    std::string note;
};

/// Charges the issue of a loan (at delivery) to the order's funder: quantity x the line's unit
/// price (the catalogue price when ordered). Once per loan: a second call answers the first
/// row's id. Call in the delivery's transaction.
LedgerEntryId recordIssueCharge(Connection& c, LoanId loan, Instant now);

/// THE HOOK for warehouse inspection: call in the same transaction, right after an asset's
/// inspection pass has been recorded (its "inspect_pass" history row written). When the asset
/// is a credit-eligible catalogue item that came back from a loan, writes a credit of rate x
/// today's catalogue price to the funder of the order that issued it (rate from the policy table
/// by the inspection date, the item's category and the condition logged at its return) and
/// answers it. Nothing (nullopt) for an item not credit-eligible, a special, an asset never
/// issued, or a loan already credited for this asset (a second pass after a repair).
std::optional<LedgerEntry> recordCreditForInspection(Connection& c, AssetId asset,
                                                     std::optional<UserId> who, Instant now);

/// Corrects a row by two new rows: one reversing it, and (when `newAmount` is given) one with
/// the corrected amount, both naming the row they correct. NotFound for an unknown id;
/// ValidationError without a reason. Answers the new rows.
std::vector<LedgerEntry> correctLedgerEntry(Connection& c, LedgerEntryId id,
                                            std::optional<Pence> newAmount,
                                            const std::string& reason, const Actor& actor,
                                            Instant now);

/// What a ledger listing asks for ([from, to) on the row's UTC date; nullopt = open).
struct LedgerQuery {
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;
    std::optional<AssetId> assetId;
    std::optional<OrderId> order;
    std::size_t limit = 1000;
};
std::vector<LedgerEntry> ledgerEntries(Connection& c, const LedgerQuery& query);
std::optional<LedgerEntry> findLedgerEntry(Connection& c, LedgerEntryId id);

/// The policy table.
CreditPolicy loadCreditPolicy(Connection& c);
/// Adds a rule (validated by CreditPolicy); answers its id.
CreditRuleId addCreditRule(Connection& c, const CreditRule& rule, Instant now);

}  // namespace ces::store
