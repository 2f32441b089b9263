#pragma once
// The one county catalogue, with availability and close technical equivalents.
#include <optional>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

void upsertItem(Connection& c, const CatalogueItem& item);
/// Records that `a` and `b` are close technical equivalents of each other (both directions).
void addEquivalents(Connection& c, const std::string& a, const std::string& b);
std::optional<CatalogueItem> findItem(Connection& c, const std::string& code);

/// What a catalogue search asks for; empty strings mean "any".
struct CatalogueQuery {
    std::string text;      ///< Matches code or name, case-insensitively.
    std::string category;  ///< Exact category name.
    bool inStockOnly = false;
};
std::vector<CatalogueEntry> searchCatalogue(Connection& c, const CatalogueQuery& query);
std::vector<std::string> categories(Connection& c);

/// The equivalents of `code` that have stock in any depot, most available first.
std::vector<EquivalentInStock> equivalentsInStock(Connection& c, const std::string& code);

}  // namespace ces::store
