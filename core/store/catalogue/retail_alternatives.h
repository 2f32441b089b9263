#pragma once
// Retail alternatives as the catalogue keeps them: at most one per item.
#include <map>
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/self_purchase.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

std::optional<RetailAlternative> retailAlternative(Connection& c, const std::string& itemCode);
/// Every item's alternative, by item code.
std::map<std::string, RetailAlternative> retailAlternatives(Connection& c);
/// Sets the item's alternative, or removes it (nullopt).
void setRetailAlternative(Connection& c, const std::string& itemCode,
                          const std::optional<RetailAlternative>& alternative);
/// The admin's change of it, audited (catalogue.retail_alternative).
void changeRetailAlternative(Connection& c, const std::string& itemCode,
                             const std::optional<RetailAlternative>& alternative, UserId who,
                             Instant now);

}  // namespace ces::store
