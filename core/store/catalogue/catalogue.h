#pragma once
// The one county catalogue, with availability and close technical equivalents.
#include <optional>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Writes the item and its maintenance (table item_maintenance).
void upsertItem(Connection& c, const CatalogueItem& item);
/// Records that `a` and `b` are close technical equivalents of each other (both directions).
void addEquivalents(Connection& c, const std::string& a, const std::string& b);
std::optional<CatalogueItem> findItem(Connection& c, const std::string& code);

/// What a catalogue search asks for; empty strings mean "any".
struct CatalogueQuery {
    std::string text;      ///< Matches code or name, case-insensitively.
    std::string category;  ///< Exact category name.
    bool inStockOnly = false;
    bool includeRetired = false;  ///< The admin sees retired items; prescribers do not.
};
std::vector<CatalogueEntry> searchCatalogue(Connection& c, const CatalogueQuery& query);
std::vector<std::string> categories(Connection& c);

/// The equivalents of `code` that have stock in any depot and take orders (not retired), most
/// available first.
std::vector<EquivalentInStock> equivalentsInStock(Connection& c, const std::string& code);

/// The columns of an item's maintenance (regime, interval months, skill) from item_maintenance
/// `m` joined to items `i` (LEFT JOIN item_maintenance m ON m.item_code = i.code): no row is none.
inline constexpr const char* kMaintenanceColumns =
    "COALESCE(m.regime, 'none'), COALESCE(m.interval_months, 0), COALESCE(m.skill, 'none')";
/// Reads the three kMaintenanceColumns from `col` on; an unknown word is UnreadableColumn.
ItemMaintenance maintenanceAt(const Rows& rows, std::size_t i, std::size_t col);

}  // namespace ces::store
