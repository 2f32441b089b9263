#pragma once
// The admin's changes to the catalogue one item at a time: add, change (retire or bring back),
// and its close technical equivalents. Each change is checked by the catalogue import's rules,
// named in the API's words (code, price_pence, ...), and audited in its transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Who changes the catalogue and when (for the audit row).
struct CatalogueChange {
    std::optional<UserId> by;
    Instant at;
};

/// Adds a new item; Conflict("duplicate") when its code is taken, ValidationError naming the
/// field when it breaks a catalogue rule.
void addItem(Connection& c, const CatalogueItem& item, const CatalogueChange& change);

/// Replaces the item `item.code` with `item`; NotFound when no item has the code. Retiring
/// only stops new orders: what was ordered, lent or reported keeps the item.
void changeItem(Connection& c, const CatalogueItem& item, const CatalogueChange& change);

/// The codes of `code`'s equivalents, in code order.
std::vector<std::string> equivalentsOf(Connection& c, const std::string& code);

/// Makes `codes` the equivalents of `code`, both ways round (each named item has `code` as an
/// equivalent and `code` no others). NotFound for an unknown `code`; ValidationError naming
/// `codes[i]` for an unknown code, the item itself or a code listed twice.
void replaceEquivalents(Connection& c, const std::string& code,
                        const std::vector<std::string>& codes, const CatalogueChange& change);

}  // namespace ces::store
