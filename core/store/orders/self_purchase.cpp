#include "core/store/orders/self_purchase.h"

#include <set>

#include "core/errors.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"
#include "core/store/orders/order_access.h"
#include "core/store/residents/residents.h"

namespace ces::store {

namespace {

const char* const kInsert =
    "INSERT INTO self_purchase_choices (resident_id, order_id, item_code, quantity, outcome, "
    "reason, catalogue_price_pence, team_id, prescriber_id, district, imd_decile, chosen_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
// The tallies, grouped by the key expression put before them.
const char* const kTallies =
    "COALESCE(SUM(CASE WHEN outcome = 'self_purchase' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN outcome = 'declined' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN outcome = 'not_appropriate' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN outcome = 'self_purchase' THEN catalogue_price_pence * quantity "
    "ELSE 0 END), 0) FROM self_purchase_choices WHERE chosen_at >= $1 AND chosen_at < $2 "
    "GROUP BY ";
const char* const kOffered =
    "SELECT s.item_code, i.name, r.product, r.typical_price_pence, r.where_to_buy, "
    "r.safety_note, s.outcome FROM self_purchase_choices s JOIN items i ON i.code = s.item_code "
    "JOIN retail_alternatives r ON r.item_code = s.item_code "
    "WHERE s.order_id = (SELECT id FROM orders WHERE reference = $1) "
    "ORDER BY s.id";

std::vector<SelfPurchaseRow> tallyBy(Connection& c, const std::string& from, const std::string& to,
                                     const std::string& key) {
    const Rows rows =
        c.query("SELECT " + key + ", " + kTallies + key + " ORDER BY " + key, {from, to});
    std::vector<SelfPurchaseRow> tallies;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        tallies.push_back(
            {rows.text(i, 0),
             {rows.integer(i, 1), rows.integer(i, 2), rows.integer(i, 3), rows.integer(i, 4)}});
    }
    return tallies;
}

}  // namespace

void checkSelfPurchaseChoices(Connection& c, const std::vector<SelfPurchaseChoice>& choices) {
    if (choices.size() > kMaxChoices) {
        throw ValidationError("choices", "at most " + std::to_string(kMaxChoices) + " choices");
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const auto& choice = choices[i];
        const std::string at = "choices[" + std::to_string(i) + "]";
        if (!findItem(c, choice.itemCode)) {
            throw ValidationError(at + ".item_code", "no catalogue item has the code " +
                                                         choice.itemCode.substr(0, 60));
        }
        if (!retailAlternative(c, choice.itemCode)) {
            throw ValidationError(at + ".item_code",
                                  choice.itemCode + " has no retail alternative to offer");
        }
        if (!seen.insert(choice.itemCode).second) {
            throw ValidationError(at + ".item_code", choice.itemCode + " is chosen twice");
        }
        if (choice.quantity < 1 || choice.quantity > 100) {
            throw ValidationError(at + ".quantity", "the quantity is from 1 to 100");
        }
        checkSelfPurchaseReason(choice.outcome, choice.reason, at);
    }
}

void recordSelfPurchaseChoices(Connection& c, ResidentId resident,
                               const std::optional<std::string>& orderReference,
                               const std::vector<SelfPurchaseChoice>& choices, const Actor& actor,
                               Instant now) {
    if (actor.role != Role::prescriber || !actor.team) {
        throw Forbidden("only prescribers offer self-purchase");
    }
    const auto person = findResident(c, resident);
    if (!person || !teamServesResident(c, *actor.team, resident)) {
        throw ValidationError("resident_id", "no resident with that id is served by your team");
    }
    checkSelfPurchaseChoices(c, choices);
    SqlValue order;
    if (orderReference) order = findOrderRow(c, *orderReference).id.value();
    const auto place = findPostcode(c, person->postcode);
    const SqlValue decile =
        place && place->imdDecile ? SqlValue(std::int64_t{*place->imdDecile}) : SqlValue();
    std::string summary;
    for (const auto& choice : choices) {
        const auto item = findItem(c, choice.itemCode);
        c.execute(kInsert, {resident.value(), order, choice.itemCode, choice.quantity,
                            std::string(toString(choice.outcome)), choice.reason, item->pricePence,
                            actor.team->value(), actor.id.value(), person->district, decile,
                            formatInstant(now)});
        summary += (summary.empty() ? "" : ", ") + choice.itemCode + ": " +
                   std::string(toString(choice.outcome));
    }
    if (!choices.empty()) {
        audit(c, actor.id, "self_purchase.record", "resident", std::to_string(resident.value()),
              now, summary);
    }
}

std::vector<SelfPurchaseRow> selfPurchaseByDistrict(Connection& c, const std::string& from,
                                                    const std::string& to) {
    return tallyBy(c, from, to, "district");  // a fixed expression, never input
}

std::vector<SelfPurchaseRow> selfPurchaseByDecile(Connection& c, const std::string& from,
                                                  const std::string& to) {
    return tallyBy(c, from, to, "COALESCE(CAST(imd_decile AS TEXT), 'unknown')");
}

SelfPurchaseTally selfPurchaseTotal(Connection& c, const std::string& from, const std::string& to) {
    SelfPurchaseTally total;
    for (const auto& row : selfPurchaseByDistrict(c, from, to)) {
        total.selfPurchased += row.tally.selfPurchased;
        total.declined += row.tally.declined;
        total.notAppropriate += row.tally.notAppropriate;
        total.spendAvoidedPence += row.tally.spendAvoidedPence;
    }
    return total;
}

std::vector<OfferedAlternative> alternativesOffered(Connection& c, const std::string& reference) {
    const Rows rows = c.query(kOffered, {reference});
    std::vector<OfferedAlternative> offered;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        offered.push_back({rows.text(i, 0),
                           rows.text(i, 1),
                           {rows.text(i, 2), rows.integer(i, 3), rows.text(i, 4), rows.text(i, 5)},
                           enumAt(rows, i, 6, "self-purchase outcome", parseSelfPurchaseOutcome)});
    }
    return offered;
}

}  // namespace ces::store
