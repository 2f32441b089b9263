#include "core/store/ledger/ledger.h"

#include "core/asset_state.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kLoanForIssue =
    "SELECT l.quantity, ol.unit_price_pence, o.id, o.funder_id, l.item_code, i.category, "
    "r.district FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
    "JOIN orders o ON o.id = ol.order_id JOIN items i ON i.code = l.item_code "
    "JOIN residents r ON r.id = l.resident_id WHERE l.id = $1";
const char* const kIssueOfLoan = "SELECT id FROM ledger WHERE loan_id = $1 AND kind = 'issue'";
const char* const kInsertEntry =
    "INSERT INTO ledger (kind, at, ledger_month, funder_id, order_id, loan_id, asset_id, "
    "inspection_event_id, item_code, category, district, quantity, unit_price_pence, "
    "rate_basis_points, amount_pence, corrects_id, recorded_by, note, special_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19) RETURNING id";
const char* const kSpecialForLedger =
    "SELECT s.id, COALESCE(s.quote_pence, s.estimated_price_pence), o.id, o.funder_id, "
    "o.district, a.id FROM specials s JOIN orders o ON o.id = s.order_id "
    "LEFT JOIN assets a ON a.special_id = s.id WHERE s.id = $1";
const char* const kIssueOfSpecial =
    "SELECT id FROM ledger WHERE special_id = $1 AND kind = 'issue'";
const char* const kSpecialOfAsset = "SELECT special_id FROM assets WHERE id = $1";
const char* const kCreditOfSpecialSince =
    "SELECT COUNT(*) FROM ledger WHERE kind = 'credit' AND special_id = $1 AND at >= $2";
const char* const kAssetForCredit =
    "SELECT a.item_code, i.credit_eligible, i.price_pence, i.category FROM assets a "
    "JOIN items i ON i.code = a.item_code WHERE a.id = $1";
const char* const kLastStep =
    "SELECT id, at, resident_id, note FROM asset_events WHERE asset_id = $1 AND step = $2 "
    "ORDER BY id DESC LIMIT 1";
// The loan an issue event started: same resident, item and instant (issueLineAssets writes the
// loan and the asset's "issue" row at the same moment).
const char* const kLoanOfIssue =
    "SELECT l.id, o.id, o.funder_id, r.district FROM loans l "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "JOIN residents r ON r.id = l.resident_id "
    "WHERE l.resident_id = $1 AND l.item_code = $2 AND l.started_at = $3 ORDER BY l.id DESC LIMIT "
    "1";
// A recall's replacement is issued onto a loan already under way: the resident's loan of the
// item that was open at the moment of the issue.
const char* const kLoanOpenAtIssue =
    "SELECT l.id, o.id, o.funder_id, r.district FROM loans l "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "JOIN residents r ON r.id = l.resident_id "
    "WHERE l.resident_id = $1 AND l.item_code = $2 AND l.started_at <= $3 "
    "AND (l.ended_at IS NULL OR l.ended_at >= $3) ORDER BY l.started_at DESC, l.id DESC LIMIT 1";
const char* const kLoanForCredit =
    "SELECT l.item_code, i.credit_eligible, i.price_pence, i.category, o.id, o.funder_id, "
    "r.district FROM loans l JOIN items i ON i.code = l.item_code "
    "JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id "
    "JOIN residents r ON r.id = l.resident_id WHERE l.id = $1";
const char* const kCreditOfLoanAsset =
    "SELECT COUNT(*) FROM ledger WHERE kind = 'credit' AND asset_id = $1 AND loan_id = $2";
const char* const kEntryColumns =
    "SELECT e.id, e.kind, e.at, e.funder_id, f.code, e.order_id, o.reference, e.loan_id, "
    "e.asset_id, a.barcode, e.inspection_event_id, e.item_code, e.category, e.district, "
    "e.quantity, e.unit_price_pence, e.rate_basis_points, e.amount_pence, e.corrects_id, e.note, "
    "e.special_id "
    "FROM ledger e JOIN funders f ON f.id = e.funder_id JOIN orders o ON o.id = e.order_id "
    "LEFT JOIN assets a ON a.id = e.asset_id ";
const std::string kFindEntry = std::string(kEntryColumns) + "WHERE e.id = $1";
const std::string kMatching =
    std::string(kEntryColumns) +
    "WHERE ($1 = '' OR e.at >= $1) AND ($2 = '' OR e.at < $2) AND ($3 = 0 OR e.asset_id = $3) "
    "AND ($4 = 0 OR e.order_id = $4) AND ($5 = '' OR e.kind = $5) AND ($6 = '' OR f.code = $6) "
    "AND ($7 = '' OR e.district = $7) ";
// Keyset paging by row id, oldest first; the newest rows, newest first.
const std::string kListEntries = kMatching + "AND e.id > $8 ORDER BY e.id LIMIT $9";
const std::string kLatestEntries = kMatching + "ORDER BY e.id DESC LIMIT $8";
const char* const kPolicyRows =
    "SELECT valid_from, valid_to, category, return_condition, rate_basis_points "
    "FROM credit_policies ORDER BY id";
const char* const kInsertRule =
    "INSERT INTO credit_policies (valid_from, valid_to, category, return_condition, "
    "rate_basis_points, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

SqlValue orNull(const std::optional<std::int64_t>& value) {
    return value ? SqlValue(*value) : SqlValue(std::monostate{});
}
SqlValue orEmpty(const std::optional<std::chrono::year_month_day>& date) {
    return date ? formatDate(*date) : std::string();
}

SqlValue orNull(const std::optional<std::string>& value) {
    return value ? SqlValue(*value) : SqlValue(std::monostate{});
}
std::optional<std::int64_t> optionalInteger(const Rows& rows, std::size_t i, std::size_t col) {
    if (rows.isNull(i, col)) return std::nullopt;
    return rows.integer(i, col);
}

LedgerEntry entryFrom(const Rows& rows, std::size_t i) {
    LedgerEntry e;
    e.id = LedgerEntryId(rows.integer(i, 0));
    e.kind = enumAt(rows, i, 1, "a ledger kind", parseLedgerKind);
    e.at = instantAt(rows, i, 2, "a ledger time");
    e.funder = FunderId(rows.integer(i, 3));
    e.funderCode = rows.text(i, 4);
    e.order = OrderId(rows.integer(i, 5));
    e.orderReference = rows.text(i, 6);
    e.loanId = optionalId<LoanId>(rows, i, 7);
    e.assetId = optionalId<AssetId>(rows, i, 8);
    e.barcode = rows.optionalText(i, 9);
    e.inspectionEventId = optionalInteger(rows, i, 10);
    e.itemCode = rows.optionalText(i, 11);
    e.category = rows.text(i, 12);
    e.district = rows.text(i, 13);
    e.quantity = rows.integer(i, 14);
    e.unitPrice = rows.integer(i, 15);
    e.rate = optionalInteger(rows, i, 16);
    e.amount = rows.integer(i, 17);
    e.correctsId = optionalId<LedgerEntryId>(rows, i, 18);
    e.note = rows.text(i, 19);
    e.special = optionalId<SpecialId>(rows, i, 20);
    return e;
}

constexpr std::size_t kEntriesReadAtOnce = 1000;

// The query's filters as $1..$7 of kMatching.
std::vector<SqlValue> matching(const LedgerQuery& q) {
    return {orEmpty(q.from),
            orEmpty(q.to),
            q.assetId.value_or(AssetId()).value(),
            q.order ? q.order->value() : std::int64_t{0},
            q.kind ? std::string(toString(*q.kind)) : std::string(),
            q.funderCode,
            q.district};
}

std::vector<LedgerEntry> entriesFrom(const Rows& rows) {
    std::vector<LedgerEntry> entries;
    for (std::size_t i = 0; i < rows.size(); ++i) entries.push_back(entryFrom(rows, i));
    return entries;
}

LedgerEntryId insertEntry(Connection& c, const LedgerEntry& e, std::optional<UserId> who) {
    return LedgerEntryId(
        c.insert(kInsertEntry,
                 {std::string(toString(e.kind)), formatInstant(e.at), formatMonth(utcMonth(e.at)),
                  e.funder.value(), e.order.value(), idOrNull(e.loanId), idOrNull(e.assetId),
                  orNull(e.inspectionEventId), orNull(e.itemCode), e.category, e.district,
                  e.quantity, e.unitPrice, orNull(e.rate), e.amount, idOrNull(e.correctsId),
                  idOrNull(who), e.note, idOrNull(e.special)}));
}

// "returned; condition: good" -> "good" (the note warehouse returns write).
std::string conditionFromNote(const std::string& note) {
    const std::string marker = "condition: ";
    const auto at = note.find(marker);
    if (at == std::string::npos) return "";
    std::string condition = note.substr(at + marker.size());
    const auto end = condition.find_first_of(";\n");
    if (end != std::string::npos) condition.resize(end);
    while (!condition.empty() && condition.back() == ' ') condition.pop_back();
    return condition;
}

// A ledger row of a special (kSpecialForLedger's columns): funder and price, no item code.
LedgerEntry specialEntry(const Rows& rows) {
    LedgerEntry e;
    e.special = SpecialId(rows.integer(0, 0));
    e.unitPrice = rows.integer(0, 1);
    e.order = OrderId(rows.integer(0, 2));
    e.funder = FunderId(rows.integer(0, 3));
    e.district = rows.text(0, 4);
    e.assetId = optionalId<AssetId>(rows, 0, 5);
    e.category = "Specials";
    e.quantity = 1;
    return e;
}

// An asset's latest inspection pass, if it came after its latest issue: the pass's history
// row, the issue's (resident, time) and the condition logged at the return in between.
struct PassSinceIssue {
    std::int64_t passEvent = 0;
    ResidentId resident;
    std::string issuedAt;
    std::string condition;
};
std::optional<PassSinceIssue> passSinceIssue(Connection& c, AssetId asset) {
    const std::int64_t id = asset.value();
    Rows pass = c.query(kLastStep, {id, std::string(toString(AssetStep::pass_inspection))});
    Rows issue = c.query(kLastStep, {id, std::string(toString(AssetStep::issue))});
    if (pass.empty() || issue.empty() || issue.integer(0, 0) > pass.integer(0, 0)) {
        return std::nullopt;  // never issued (new stock), or not inspected since
    }
    Rows returned = c.query(kLastStep, {id, std::string(toString(AssetStep::return_to_depot))});
    return PassSinceIssue{pass.integer(0, 0), ResidentId(issue.integer(0, 2)), issue.text(0, 1),
                          returned.empty() ? "" : conditionFromNote(returned.text(0, 3))};
}

// A unit a recall swapped out of a home earns nothing: its loan goes on with the replacement,
// whose own return is credited.
bool swappedOutSinceIssue(Connection& c, AssetId asset) {
    Rows swap =
        c.query(kLastStep, {asset.value(), std::string(toString(AssetStep::exchange_for_recall))});
    Rows issue = c.query(kLastStep, {asset.value(), std::string(toString(AssetStep::issue))});
    return !swap.empty() && (issue.empty() || swap.integer(0, 0) > issue.integer(0, 0));
}

// Writes a credit of `e`'s quantity x the policy's rate (by its category and the return's
// condition) x its unit price, noted `what`; answers the row as stored.
LedgerEntry writeCredit(Connection& c, LedgerEntry e, const std::string& condition,
                        const std::string& what, std::optional<UserId> who, Instant now) {
    e.kind = LedgerKind::credit;
    e.at = now;
    e.rate = loadCreditPolicy(c).rateFor(utcDate(now), e.category, condition);
    e.amount = -e.quantity * creditAmount(e.unitPrice, *e.rate);
    e.note = condition.empty() ? what : what + "; condition: " + condition;
    return *findLedgerEntry(c, insertEntry(c, e, who));
}

// A special that passes inspection back into stock after its delivery: credited once per
// return at the policy's rate for specials and the condition logged at its return.
std::optional<LedgerEntry> creditForSpecial(Connection& c, SpecialId special, AssetId asset,
                                            std::optional<UserId> who, Instant now) {
    const auto pass = passSinceIssue(c, asset);
    if (!pass) return std::nullopt;
    if (c.query(kCreditOfSpecialSince, {special.value(), pass->issuedAt}).integer(0, 0) > 0) {
        return std::nullopt;
    }
    LedgerEntry e = specialEntry(c.query(kSpecialForLedger, {special.value()}));
    e.assetId = asset;
    e.inspectionEventId = pass->passEvent;
    return writeCredit(c, e, pass->condition, "special passed inspection", who, now);
}

}  // namespace

LedgerEntryId recordIssueCharge(Connection& c, LoanId loan, Instant now) {
    if (Rows existing = c.query(kIssueOfLoan, {loan.value()}); !existing.empty()) {
        return LedgerEntryId(existing.integer(0, 0));
    }
    Rows rows = c.query(kLoanForIssue, {loan.value()});
    if (rows.empty()) throw NotFound("no loan " + std::to_string(loan.value()));
    LedgerEntry e;
    e.kind = LedgerKind::issue;
    e.at = now;
    e.quantity = rows.integer(0, 0);
    e.unitPrice = rows.integer(0, 1);
    e.order = OrderId(rows.integer(0, 2));
    e.funder = FunderId(rows.integer(0, 3));
    e.itemCode = rows.text(0, 4);
    e.category = rows.text(0, 5);
    e.district = rows.text(0, 6);
    e.loanId = loan;
    e.amount = e.quantity * e.unitPrice;
    e.note = "issued on loan";
    return insertEntry(c, e, std::nullopt);
}

LedgerEntryId recordSpecialIssueCharge(Connection& c, SpecialId special, Instant now) {
    if (Rows existing = c.query(kIssueOfSpecial, {special.value()}); !existing.empty()) {
        return LedgerEntryId(existing.integer(0, 0));
    }
    Rows rows = c.query(kSpecialForLedger, {special.value()});
    if (rows.empty()) throw NotFound("no special " + std::to_string(special.value()));
    LedgerEntry e = specialEntry(rows);
    e.kind = LedgerKind::issue;
    e.at = now;
    e.amount = e.unitPrice;
    e.note = "special issued";
    return insertEntry(c, e, std::nullopt);
}

std::optional<LedgerEntry> recordCreditForInspection(Connection& c, AssetId asset,
                                                     std::optional<UserId> who, Instant now) {
    const std::int64_t assetId = asset.value();
    if (Rows special = c.query(kSpecialOfAsset, {assetId});
        !special.empty() && !special.isNull(0, 0)) {
        return creditForSpecial(c, SpecialId(special.integer(0, 0)), asset, who, now);
    }
    Rows item = c.query(kAssetForCredit, {assetId});
    if (item.empty() || item.integer(0, 1) == 0) return std::nullopt;  // special / not eligible
    const auto pass = passSinceIssue(c, asset);
    if (!pass || swappedOutSinceIssue(c, asset)) return std::nullopt;
    Rows loan = c.query(kLoanOfIssue, {pass->resident.value(), item.text(0, 0), pass->issuedAt});
    if (loan.empty()) {
        loan = c.query(kLoanOpenAtIssue, {pass->resident.value(), item.text(0, 0), pass->issuedAt});
    }
    if (loan.empty()) return std::nullopt;
    const LoanId loanId(loan.integer(0, 0));
    if (c.query(kCreditOfLoanAsset, {assetId, loanId.value()}).integer(0, 0) > 0) {
        return std::nullopt;
    }
    LedgerEntry e;
    e.funder = FunderId(loan.integer(0, 2));
    e.order = OrderId(loan.integer(0, 1));
    e.loanId = loanId;
    e.assetId = asset;
    e.inspectionEventId = pass->passEvent;
    e.itemCode = item.text(0, 0);
    e.category = item.text(0, 3);
    e.district = loan.text(0, 3);
    e.quantity = 1;
    e.unitPrice = item.integer(0, 2);
    return writeCredit(c, e, pass->condition, "passed inspection", who, now);
}

std::optional<LedgerEntry> recordCreditForCountedPass(Connection& c, LoanId loan,
                                                      std::int64_t quantity,
                                                      const std::string& condition,
                                                      std::optional<UserId> who, Instant now) {
    Rows rows = c.query(kLoanForCredit, {loan.value()});
    if (rows.empty()) throw NotFound("no loan " + std::to_string(loan.value()));
    if (rows.integer(0, 1) == 0) return std::nullopt;  // not credit-eligible
    LedgerEntry e;
    e.itemCode = rows.text(0, 0);
    e.unitPrice = rows.integer(0, 2);
    e.category = rows.text(0, 3);
    e.order = OrderId(rows.integer(0, 4));
    e.funder = FunderId(rows.integer(0, 5));
    e.district = rows.text(0, 6);
    e.loanId = loan;
    e.quantity = quantity;
    return writeCredit(c, e, condition, "counted units passed inspection", who, now);
}

std::vector<LedgerEntry> correctLedgerEntry(Connection& c, LedgerEntryId id,
                                            std::optional<Pence> newAmount,
                                            const std::string& reason, const Actor& actor,
                                            Instant now) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos || reason.size() > 2000) {
        throw ValidationError("reason", "a correction needs a reason of up to 2000 characters");
    }
    const auto original = findLedgerEntry(c, id);
    const std::string row = std::to_string(id.value());
    if (!original) throw NotFound("no ledger row " + row);
    LedgerEntry reversal = *original;
    reversal.kind = LedgerKind::correction;
    reversal.at = now;
    reversal.amount = -original->amount;
    reversal.correctsId = id;
    reversal.note = "reverses row " + row + ": " + reason;
    std::vector<LedgerEntryId> ids{insertEntry(c, reversal, actor.id)};
    if (newAmount) {
        LedgerEntry replacement = reversal;
        replacement.amount = *newAmount;
        replacement.note = "replaces row " + row + ": " + reason;
        ids.push_back(insertEntry(c, replacement, actor.id));
    }
    audit(c, actor.id, "ledger.correct", "ledger", row, now, reason);
    std::vector<LedgerEntry> written;
    for (auto newId : ids) written.push_back(*findLedgerEntry(c, newId));
    return written;
}

Page<LedgerEntry> ledgerPage(Connection& c, const LedgerQuery& q, const PageRequest& page) {
    auto params = matching(q);
    params.push_back(cursorParam(page));
    params.push_back(fetchLimit(page));
    return pageOf(entriesFrom(c.query(kListEntries, params)), page,
                  [](const LedgerEntry& e) { return e.id.value(); });
}

std::vector<LedgerEntry> ledgerEntries(Connection& c, const LedgerQuery& query) {
    std::vector<LedgerEntry> entries;
    PageRequest page{std::nullopt, kEntriesReadAtOnce};
    for (bool more = true; more;) {
        auto some = ledgerPage(c, query, page);
        std::move(some.items.begin(), some.items.end(), std::back_inserter(entries));
        page.after = some.next;
        more = some.next.has_value();
    }
    return entries;
}

std::vector<LedgerEntry> latestLedgerEntries(Connection& c, const LedgerQuery& query,
                                             std::size_t count) {
    auto params = matching(query);
    params.push_back(static_cast<std::int64_t>(count));
    return entriesFrom(c.query(kLatestEntries, params));
}

std::optional<LedgerEntry> findLedgerEntry(Connection& c, LedgerEntryId id) {
    Rows rows = c.query(kFindEntry, {id.value()});
    if (rows.empty()) return std::nullopt;
    return entryFrom(rows, 0);
}

CreditPolicy loadCreditPolicy(Connection& c) {
    Rows rows = c.query(kPolicyRows);
    std::vector<CreditRule> rules;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CreditRule rule;
        const auto from = parseDate(rows.text(i, 0));
        if (!from) continue;
        rule.validFrom = *from;
        if (!rows.isNull(i, 1)) rule.validTo = parseDate(rows.text(i, 1));
        rule.category = rows.text(i, 2);
        rule.condition = rows.text(i, 3);
        rule.rate = rows.integer(i, 4);
        rules.push_back(rule);
    }
    return CreditPolicy(std::move(rules));
}

CreditRuleId addCreditRule(Connection& c, const CreditRule& rule, Instant now) {
    CreditPolicy check({rule});  // validates
    return CreditRuleId(
        c.insert(kInsertRule,
                 {formatDate(rule.validFrom),
                  rule.validTo ? SqlValue(formatDate(*rule.validTo)) : SqlValue(std::monostate{}),
                  rule.category, rule.condition, rule.rate, formatInstant(now)}));
}

}  // namespace ces::store
