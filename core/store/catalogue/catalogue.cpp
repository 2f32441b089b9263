#include "core/store/catalogue/catalogue.h"

#include <map>

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kUpsertItem =
    "INSERT INTO items (code, name, category, price_pence, serialised, returnable, "
    "credit_eligible, inspection_regime, van_space, needs_fitting, two_person, retired, "
    "competence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "ON CONFLICT (code) DO UPDATE SET "
    "name = excluded.name, category = excluded.category, price_pence = excluded.price_pence, "
    "serialised = excluded.serialised, returnable = excluded.returnable, "
    "credit_eligible = excluded.credit_eligible, inspection_regime = excluded.inspection_regime, "
    "van_space = excluded.van_space, needs_fitting = excluded.needs_fitting, "
    "two_person = excluded.two_person, retired = excluded.retired, "
    "competence = excluded.competence";
const char* const kUpsertMaintenance =
    "INSERT INTO item_maintenance (item_code, regime, interval_months, skill) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (item_code) DO UPDATE SET regime = excluded.regime, "
    "interval_months = excluded.interval_months, skill = excluded.skill";
const char* const kAddEquivalent =
    "INSERT INTO item_equivalents (item_code, equivalent_code) VALUES ($1, $2) "
    "ON CONFLICT DO NOTHING";
const std::string kItemFields =
    std::string(
        "SELECT i.code, i.name, i.category, i.price_pence, i.serialised, i.returnable, "
        "i.credit_eligible, i.inspection_regime, i.van_space, i.needs_fitting, "
        "i.two_person, i.retired, i.competence, ") +
    kMaintenanceColumns + ", ";
const char* const kWithMaintenance =
    " FROM items i LEFT JOIN item_maintenance m ON m.item_code = i.code ";
const std::string kItemColumns =
    kItemFields + "COALESCE((SELECT SUM(s.available) FROM stock s WHERE s.item_code = i.code), 0)" +
    kWithMaintenance;
// One item: the same columns without the stock sum, which findItem does not answer.
const std::string kItemByCode = kItemFields + "0" + kWithMaintenance + "WHERE i.code = $1";
const char* const kSearchFilter =
    "WHERE ($1 = '' OR LOWER(i.code) LIKE $2 OR LOWER(i.name) LIKE $2) "
    "AND ($3 = '' OR i.category = $3) AND ($4 = 1 OR i.retired = 0) ORDER BY i.category, i.code";
const char* const kAllEquivalents =
    "SELECT item_code, equivalent_code FROM item_equivalents ORDER BY item_code, equivalent_code";
const char* const kEquivalentsInStock =
    "SELECT i.code, i.name, SUM(s.available) AS available FROM item_equivalents e "
    "JOIN items i ON i.code = e.equivalent_code JOIN stock s ON s.item_code = i.code "
    "WHERE e.item_code = $1 AND i.retired = 0 GROUP BY i.code, i.name HAVING SUM(s.available) > 0 "
    "ORDER BY available DESC, i.code";
const char* const kCategories = "SELECT DISTINCT category FROM items ORDER BY category";

CatalogueEntry entryFrom(const Rows& rows, std::size_t i) {
    CatalogueEntry entry;
    auto& item = entry.item;
    item.code = rows.text(i, 0);
    item.name = rows.text(i, 1);
    item.category = rows.text(i, 2);
    item.pricePence = rows.integer(i, 3);
    item.serialised = rows.integer(i, 4) != 0;
    item.returnable = rows.integer(i, 5) != 0;
    item.creditEligible = rows.integer(i, 6) != 0;
    item.inspectionRegime = rows.text(i, 7);
    item.vanSpace = static_cast<int>(rows.integer(i, 8));
    item.needsFitting = rows.integer(i, 9) != 0;
    item.twoPerson = rows.integer(i, 10) != 0;
    item.retired = rows.integer(i, 11) != 0;
    item.competence = rows.text(i, 12);
    item.maintenance = maintenanceAt(rows, i, 13);
    entry.available = rows.integer(i, 16);
    return entry;
}

std::string lowered(std::string text) {
    for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
}

}  // namespace

ItemMaintenance maintenanceAt(const Rows& rows, std::size_t i, std::size_t col) {
    return {enumAt(rows, i, col, "maintenance regime", parseMaintenanceRegime),
            static_cast<int>(rows.integer(i, col + 1)),
            enumAt(rows, i, col + 2, "maintenance skill", parseMaintenanceSkill)};
}

void upsertItem(Connection& c, const CatalogueItem& item) {
    c.execute(kUpsertItem,
              {item.code, item.name, item.category, item.pricePence, std::int64_t{item.serialised},
               std::int64_t{item.returnable}, std::int64_t{item.creditEligible},
               item.inspectionRegime, std::int64_t{item.vanSpace}, std::int64_t{item.needsFitting},
               std::int64_t{item.twoPerson}, std::int64_t{item.retired}, item.competence});
    c.execute(kUpsertMaintenance, {item.code, std::string(toString(item.maintenance.regime)),
                                   std::int64_t{item.maintenance.intervalMonths},
                                   std::string(toString(item.maintenance.skill))});
}

void addEquivalents(Connection& c, const std::string& a, const std::string& b) {
    c.execute(kAddEquivalent, {a, b});
    c.execute(kAddEquivalent, {b, a});
}

std::optional<CatalogueItem> findItem(Connection& c, const std::string& code) {
    Rows rows = c.query(kItemByCode, {code});
    if (rows.empty()) return std::nullopt;
    return entryFrom(rows, 0).item;
}

std::vector<CatalogueEntry> searchCatalogue(Connection& c, const CatalogueQuery& query) {
    const std::string text = lowered(query.text);
    Rows rows =
        c.query(std::string(kItemColumns) + kSearchFilter,
                {text, "%" + text + "%", query.category, std::int64_t{query.includeRetired}});
    std::map<std::string, std::vector<std::string>> equivalents;
    Rows pairs = c.query(kAllEquivalents);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        equivalents[pairs.text(i, 0)].push_back(pairs.text(i, 1));
    }
    std::vector<CatalogueEntry> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto entry = entryFrom(rows, i);
        if (query.inStockOnly && entry.available <= 0) continue;
        entry.equivalents = equivalents[entry.item.code];
        result.push_back(std::move(entry));
    }
    return result;
}

std::vector<std::string> categories(Connection& c) {
    Rows rows = c.query(kCategories);
    std::vector<std::string> result;
    for (std::size_t i = 0; i < rows.size(); ++i) result.push_back(rows.text(i, 0));
    return result;
}

std::vector<EquivalentInStock> equivalentsInStock(Connection& c, const std::string& code) {
    Rows rows = c.query(kEquivalentsInStock, {code});
    std::vector<EquivalentInStock> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        result.push_back({rows.text(i, 0), rows.text(i, 1), rows.integer(i, 2)});
    }
    return result;
}

}  // namespace ces::store
