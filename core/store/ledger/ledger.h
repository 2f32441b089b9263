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
#include "core/store/infrastructure/paging.h"
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
    std::optional<SpecialId> special;  ///< Set for a special's issue or credit.
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

/// Charges a special delivered to its order's funder: its quote (else its estimate). Once per
/// special: a second call answers the first row's id. Call in the delivery's transaction.
LedgerEntryId recordSpecialIssueCharge(Connection& c, SpecialId special, Instant now);

/// The hook for counted items: call in the same write as `quantity` units of a loan pass
/// inspection back into stock (their return was logged in `condition`). Writes one credit of
/// quantity x rate x today's catalogue price to the funder of the loan's order and answers it;
/// nothing (nullopt) for an item not credit-eligible.
std::optional<LedgerEntry> recordCreditForCountedPass(Connection& c, LoanId loan,
                                                      std::int64_t quantity,
                                                      const std::string& condition,
                                                      std::optional<UserId> who, Instant now);

/// Corrects a row by two new rows: one reversing it, and (when `newAmount` is given) one with
/// the corrected amount, both naming the row they correct. NotFound for an unknown id;
/// ValidationError without a reason. Answers the new rows.
std::vector<LedgerEntry> correctLedgerEntry(Connection& c, LedgerEntryId id,
                                            std::optional<Pence> newAmount,
                                            const std::string& reason, const Actor& actor,
                                            Instant now);

/// What a ledger listing asks for ([from, to) on the row's UTC date; nullopt or empty = any).
struct LedgerQuery {
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;
    std::optional<AssetId> assetId;
    std::optional<OrderId> order;
    std::optional<LedgerKind> kind;
    std::string funderCode;
    std::string district;
};
/// A page of the rows the query matches, oldest first (by row id).
Page<LedgerEntry> ledgerPage(Connection& c, const LedgerQuery& query, const PageRequest& page);
/// Every row the query matches, oldest first, read a page at a time.
std::vector<LedgerEntry> ledgerEntries(Connection& c, const LedgerQuery& query);
/// The newest `count` rows the query matches, newest first.
std::vector<LedgerEntry> latestLedgerEntries(Connection& c, const LedgerQuery& query,
                                             std::size_t count);
std::optional<LedgerEntry> findLedgerEntry(Connection& c, LedgerEntryId id);

/// The policy table.
CreditPolicy loadCreditPolicy(Connection& c);
/// Adds a rule (validated by CreditPolicy); answers its id.
CreditRuleId addCreditRule(Connection& c, const CreditRule& rule, Instant now);

}  // namespace ces::store
