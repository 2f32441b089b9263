#include "core/store/catalogue/catalogue_import.h"

#include <map>
#include <set>

#include "core/csv.h"
#include "core/errors.h"
#include "core/money.h"
#include "core/reserved_codes.h"
#include "core/store/admin/competences.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

// A file of only some columns (a side file such as data/catalogue_maintenance.csv) updates the
// items it names; creating an item needs these.
const char* const kNewItemColumns[] = {"name", "category", "unit_price_gbp", "serialised"};
const char* const kFlagColumns[] = {"serialised",    "returnable", "credit_eligible",
                                    "needs_fitting", "two_person", "retired"};
constexpr std::size_t kMaxRows = 20000;

bool sameItem(const CatalogueItem& a, const CatalogueItem& b) {
    return a.code == b.code && a.name == b.name && a.category == b.category &&
           a.pricePence == b.pricePence && a.serialised == b.serialised &&
           a.returnable == b.returnable && a.creditEligible == b.creditEligible &&
           a.inspectionRegime == b.inspectionRegime && a.maintenance == b.maintenance &&
           a.vanSpace == b.vanSpace && a.needsFitting == b.needsFitting &&
           a.twoPerson == b.twoPerson && a.retired == b.retired && a.competence == b.competence;
}

bool& flagOf(CatalogueItem& item, const std::string& column) {
    if (column == "serialised") return item.serialised;
    if (column == "returnable") return item.returnable;
    if (column == "credit_eligible") return item.creditEligible;
    if (column == "needs_fitting") return item.needsFitting;
    if (column == "two_person") return item.twoPerson;
    return item.retired;
}

int wholeNumber(const std::string& text, const std::string& field, int low, int high) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size() || value < low || value > high) {
        throw ValidationError(field, field + " must be a whole number from " + std::to_string(low) +
                                         " to " + std::to_string(high));
    }
    return value;
}

// The cells of one row laid over `item` (an existing item, or a new one's defaults).
void readRow(const CsvTable& row, CatalogueItem& item, bool isNew,
             const std::set<std::string>& competences) {
    for (const char* column : kNewItemColumns) {
        if (isNew && !row.has(column)) {
            throw ValidationError(column, item.code + " is a new item: the file needs a " +
                                              std::string(column) + " column");
        }
    }
    if (row.has("name")) item.name = row.field("name");
    if (row.has("category")) item.category = row.field("category");
    if (row.has("unit_price_gbp")) {
        item.pricePence = parsePoundsToPence(row.field("unit_price_gbp"), "unit_price_gbp");
    }
    if (row.has("inspection_regime")) item.inspectionRegime = row.field("inspection_regime");
    for (const char* column : kFlagColumns) {
        if (!row.has(column)) continue;
        const std::string& cell = row.field(column);
        if (cell != "y" && cell != "n") throw ValidationError(column, "enter y or n");
        flagOf(item, column) = cell == "y";
    }
    if (row.has("van_space"))
        item.vanSpace = wholeNumber(row.field("van_space"), "van_space", 1, 100);
    if (row.has("maintenance_regime")) setMaintenanceRegime(item, row.field("maintenance_regime"));
    if (row.has("competence")) {
        const std::string& competence = row.field("competence");
        if (!competences.contains(competence)) throw unknownCompetence(competence);
        item.competence = competence;
    }
    if (row.has("maintenance_interval_months")) {
        item.maintenance.intervalMonths = wholeNumber(row.field("maintenance_interval_months"),
                                                      "maintenance_interval_months", 0, 120);
    }
    checkItem(item);
}

bool sameAlternative(const std::optional<RetailAlternative>& a,
                     const std::optional<RetailAlternative>& b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return a->product == b->product && a->typicalPricePence == b->typicalPricePence &&
           a->whereToBuy == b->whereToBuy && a->safetyNote == b->safetyNote;
}

// The row's retail alternative, when the file has the retail columns (all four, or none).
std::optional<std::optional<RetailAlternative>> retailColumns(const CsvTable& row) {
    const char* const columns[] = {"retail_product", "retail_price_gbp", "retail_where",
                                   "retail_note"};
    int present = 0;
    for (const char* column : columns) present += row.has(column) ? 1 : 0;
    if (present == 0) return std::nullopt;
    for (const char* column : columns) {
        if (!row.has(column)) {
            throw ValidationError(column, "the retail columns go together: the file needs " +
                                              std::string(column) + " too");
        }
    }
    return retailAlternativeFrom(row.field("retail_product"), row.field("retail_price_gbp"),
                                 row.field("retail_where"), row.field("retail_note"));
}

}  // namespace

void setMaintenanceRegime(CatalogueItem& item, const std::string& word) {
    const auto regime = parseMaintenanceRegime(word);
    if (!regime) {
        throw ValidationError("maintenance_regime",
                              "enter none, loler, electrical or planned_service");
    }
    item.maintenance.regime = *regime;
    item.maintenance.skill = *regime == MaintenanceRegime::loler
                                 ? MaintenanceSkill::lifting_engineer
                                 : MaintenanceSkill::none;
}

void checkItem(const CatalogueItem& item) {
    auto text = [](const std::string& field, const std::string& value, std::size_t longest) {
        if (value.find_first_not_of(" \t") == std::string::npos || value.size() > longest) {
            throw ValidationError(
                field, field + " must be 1 to " + std::to_string(longest) + " characters");
        }
    };
    text("item_code", item.code, 40);
    if (item.code.find_first_of(" \t,/?#") != std::string::npos) {
        throw ValidationError("item_code", "an item code has no spaces, commas, slashes, ? or #");
    }
    refuseReservedItemCode("item_code", item.code);
    text("name", item.name, 200);
    text("category", item.category, 100);
    if (item.pricePence < 0 || item.pricePence > 100'000'000) {
        throw ValidationError("unit_price_gbp", "the price must be from £0 to £1,000,000");
    }
    if (item.vanSpace < 1 || item.vanSpace > 100) {
        throw ValidationError("van_space", "van space must be from 1 to 100 units");
    }
    if (item.inspectionRegime.size() > 500) {
        throw ValidationError("inspection_regime",
                              "inspection_regime must be at most 500 characters");
    }
    if (item.maintenance.intervalMonths < 0 || item.maintenance.intervalMonths > 120) {
        throw ValidationError("maintenance_interval_months",
                              "the interval must be from 0 to 120 months");
    }
}

CatalogueImportReport importCatalogue(Connection& c, std::istream& csv, bool dryRun,
                                      std::optional<UserId> who, Instant now) {
    CatalogueImportReport report;
    CsvTable table(csv);
    if (!table.has("item_code")) {
        report.errors.push_back({1, "item_code", "the header has no item_code column"});
        return report;
    }
    std::map<std::string, CatalogueItem> existing;
    CatalogueQuery everything;
    everything.includeRetired = true;
    for (auto& entry : searchCatalogue(c, everything)) {
        existing.emplace(entry.item.code, std::move(entry.item));
    }
    std::set<std::string> competences;
    for (const auto& competence : listCompetences(c)) competences.insert(competence.code);
    const auto alternatives = retailAlternatives(c);
    std::vector<CatalogueItem> changed;
    std::map<std::string, std::optional<RetailAlternative>> retailChanged;
    std::set<std::string> seen;
    while (table.next()) {
        if (seen.size() >= kMaxRows) {
            report.errors.push_back({table.line(), "csv", "a file has at most 20000 items"});
            break;
        }
        const std::string code = table.field("item_code");
        const auto found = existing.find(code);
        CatalogueItem item = found != existing.end() ? found->second : CatalogueItem{};
        item.code = code;
        std::optional<std::optional<RetailAlternative>> retail;
        try {
            if (!seen.insert(code).second) {
                throw ValidationError("item_code", code + " is on an earlier line too");
            }
            readRow(table, item, found == existing.end(), competences);
            retail = retailColumns(table);
        } catch (const ValidationError& e) {
            report.errors.push_back({table.line(), e.field(), e.what()});
            continue;
        }
        const auto had = alternatives.find(code);
        const bool retailSame =
            !retail ||
            sameAlternative(*retail,
                            had == alternatives.end() ? std::nullopt : std::optional(had->second));
        if (!retailSame) retailChanged[code] = *retail;
        if (found == existing.end()) {
            ++report.created;
        } else if (sameItem(found->second, item) && retailSame) {
            ++report.unchanged;
            continue;
        } else {
            ++report.updated;
        }
        changed.push_back(std::move(item));
    }
    if (dryRun || !report.errors.empty()) return report;
    for (const auto& item : changed) upsertItem(c, item);
    for (const auto& [code, alternative] : retailChanged) {
        setRetailAlternative(c, code, alternative);
    }
    audit(c, who, "catalogue.import", "catalogue", "items", now,
          std::to_string(report.created) + " created, " + std::to_string(report.updated) +
              " updated, " + std::to_string(report.unchanged) + " unchanged");
    return report;
}

}  // namespace ces::store
