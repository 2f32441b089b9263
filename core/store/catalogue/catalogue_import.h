#pragma once
// Bringing a catalogue in from CSV in the layout of data/catalogue.csv (columns found by header
// name; unknown columns ignored), with the side files' columns accepted in the same file.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// One refused cell or row; `line` counts the header as line 1.
struct ImportError {
    std::size_t line = 0;
    std::string field;
    std::string message;
};

/// What an import did, or would do on a dry run.
struct CatalogueImportReport {
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::vector<ImportError> errors;  ///< Any error: nothing is written.
};

/// Reads every row, checks it, and unless `dryRun` or an error was found writes every item and
/// one audit row (`who` nullopt: the command line). Columns: item_code (required), name,
/// category, unit_price_gbp, serialised (required to create an item), inspection_regime,
/// returnable, credit_eligible, van_space, needs_fitting, two_person, maintenance_regime,
/// maintenance_interval_months, retired (y/n flags), competence, and an item's retail alternative
/// (retail_product, retail_price_gbp, retail_where, retail_note: all four or none; empty cells
/// remove it). An existing item keeps its value for a
/// column the file lacks, so a side file of item_code and a few columns updates those.
CatalogueImportReport importCatalogue(Connection& c, std::istream& csv, bool dryRun,
                                      std::optional<UserId> who, Instant now);

/// Refuses an item that breaks a catalogue rule (ValidationError naming the field by its CSV
/// column: item_code, name, category, unit_price_gbp, van_space, ...).
void checkItem(const CatalogueItem& item);
/// Sets the regime named by `word` (none, loler, electrical, planned_service) and the skill it
/// needs (LOLER checks need a lifting engineer); ValidationError("maintenance_regime") otherwise.
void setMaintenanceRegime(CatalogueItem& item, const std::string& word);

}  // namespace ces::store
