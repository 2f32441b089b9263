#include "core/store/catalogue/catalogue_changes.h"

#include <set>

#include "core/errors.h"
#include "core/money.h"
#include "core/store/admin/competences.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kRemoveEquivalents =
    "DELETE FROM item_equivalents WHERE item_code = $1 OR equivalent_code = $1";
const char* const kEquivalentsOf =
    "SELECT equivalent_code FROM item_equivalents WHERE item_code = $1 ORDER BY equivalent_code";

// The import's rules, with the fields named as the API and the pages name them.
void checkAsApi(const CatalogueItem& item) {
    try {
        checkItem(item);
    } catch (const ValidationError& e) {
        if (e.field() == "item_code") throw ValidationError("code", e.what());
        if (e.field() == "unit_price_gbp") throw ValidationError("price_pence", e.what());
        throw;
    }
}

std::string yesNo(bool flag) { return flag ? "yes" : "no"; }

// "field: before -> after" for each field that differs, for the audit row.
std::string differences(const CatalogueItem& a, const CatalogueItem& b) {
    std::string text;
    auto note = [&text](const char* field, const std::string& before, const std::string& after) {
        if (before == after) return;
        text += (text.empty() ? "" : "; ") + std::string(field) + ": " + before + " -> " + after;
    };
    note("name", a.name, b.name);
    note("category", a.category, b.category);
    note("price", formatPounds(a.pricePence), formatPounds(b.pricePence));
    note("serialised", yesNo(a.serialised), yesNo(b.serialised));
    note("returnable", yesNo(a.returnable), yesNo(b.returnable));
    note("credit_eligible", yesNo(a.creditEligible), yesNo(b.creditEligible));
    note("inspection_regime", a.inspectionRegime, b.inspectionRegime);
    note("maintenance_regime", std::string(toString(a.maintenance.regime)),
         std::string(toString(b.maintenance.regime)));
    note("maintenance_interval_months", std::to_string(a.maintenance.intervalMonths),
         std::to_string(b.maintenance.intervalMonths));
    note("van_space", std::to_string(a.vanSpace), std::to_string(b.vanSpace));
    note("needs_fitting", yesNo(a.needsFitting), yesNo(b.needsFitting));
    note("two_person", yesNo(a.twoPerson), yesNo(b.twoPerson));
    note("retired", yesNo(a.retired), yesNo(b.retired));
    note("competence", a.competence, b.competence);
    return text.empty() ? "no change" : text;
}

}  // namespace

void addItem(Connection& c, const CatalogueItem& item, const CatalogueChange& change) {
    checkAsApi(item);
    if (!competenceExists(c, item.competence)) throw unknownCompetence(item.competence);
    if (findItem(c, item.code)) {
        throw Conflict("duplicate", "an item with the code " + item.code + " already exists");
    }
    upsertItem(c, item);
    audit(c, change.by, "catalogue.item.add", "item", item.code, change.at, item.name);
}

void changeItem(Connection& c, const CatalogueItem& item, const CatalogueChange& change) {
    const auto before = findItem(c, item.code);
    if (!before) throw NotFound("no catalogue item has the code " + item.code);
    checkAsApi(item);
    if (!competenceExists(c, item.competence)) throw unknownCompetence(item.competence);
    upsertItem(c, item);
    audit(c, change.by, "catalogue.item.change", "item", item.code, change.at,
          differences(*before, item));
}

std::vector<std::string> equivalentsOf(Connection& c, const std::string& code) {
    Rows rows = c.query(kEquivalentsOf, {code});
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < rows.size(); ++i) codes.push_back(rows.text(i, 0));
    return codes;
}

void replaceEquivalents(Connection& c, const std::string& code,
                        const std::vector<std::string>& codes, const CatalogueChange& change) {
    if (!findItem(c, code)) throw NotFound("no catalogue item has the code " + code);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::string field = "codes[" + std::to_string(i) + "]";
        if (codes[i] == code) {
            throw ValidationError(field, "an item cannot be its own equivalent");
        }
        if (!seen.insert(codes[i]).second) {
            throw ValidationError(field, codes[i] + " is listed twice");
        }
        if (!findItem(c, codes[i])) {
            throw ValidationError(field, "no catalogue item has the code " + codes[i]);
        }
    }
    c.execute(kRemoveEquivalents, {code});
    std::string detail;
    for (const auto& other : codes) {
        addEquivalents(c, code, other);
        detail += (detail.empty() ? "" : ", ") + other;
    }
    audit(c, change.by, "catalogue.equivalents", "item", code, change.at,
          detail.empty() ? "none" : detail);
}

}  // namespace ces::store
