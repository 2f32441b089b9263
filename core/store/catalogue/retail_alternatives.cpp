#include "core/store/catalogue/retail_alternatives.h"

#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kColumns =
    "SELECT item_code, product, typical_price_pence, where_to_buy, safety_note "
    "FROM retail_alternatives ";
const char* const kUpsert =
    "INSERT INTO retail_alternatives (item_code, product, typical_price_pence, where_to_buy, "
    "safety_note) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (item_code) DO UPDATE SET "
    "product = excluded.product, typical_price_pence = excluded.typical_price_pence, "
    "where_to_buy = excluded.where_to_buy, safety_note = excluded.safety_note";
const char* const kRemove = "DELETE FROM retail_alternatives WHERE item_code = $1";

RetailAlternative alternativeAt(const Rows& rows, std::size_t i) {
    return {rows.text(i, 1), rows.integer(i, 2), rows.text(i, 3), rows.text(i, 4)};
}

}  // namespace

std::optional<RetailAlternative> retailAlternative(Connection& c, const std::string& itemCode) {
    const Rows rows = c.query(std::string(kColumns) + "WHERE item_code = $1", {itemCode});
    if (rows.empty()) return std::nullopt;
    return alternativeAt(rows, 0);
}

std::map<std::string, RetailAlternative> retailAlternatives(Connection& c) {
    const Rows rows = c.query(std::string(kColumns) + "ORDER BY item_code");
    std::map<std::string, RetailAlternative> all;
    for (std::size_t i = 0; i < rows.size(); ++i)
        all.emplace(rows.text(i, 0), alternativeAt(rows, i));
    return all;
}

void setRetailAlternative(Connection& c, const std::string& itemCode,
                          const std::optional<RetailAlternative>& alternative) {
    if (!alternative) {
        c.execute(kRemove, {itemCode});
        return;
    }
    c.execute(kUpsert, {itemCode, alternative->product, alternative->typicalPricePence,
                        alternative->whereToBuy, alternative->safetyNote});
}

void changeRetailAlternative(Connection& c, const std::string& itemCode,
                             const std::optional<RetailAlternative>& alternative, UserId who,
                             Instant now) {
    setRetailAlternative(c, itemCode, alternative);
    audit(c, who, "catalogue.retail_alternative", "item", itemCode, now,
          alternative ? alternative->product : std::string("removed"));
}

}  // namespace ces::store
