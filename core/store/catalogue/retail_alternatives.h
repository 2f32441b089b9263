#pragma once
// Retail alternatives as the catalogue keeps them: at most one per item.
#include <map>
#include <optional>
#include <string>

#include "core/self_purchase.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

std::optional<RetailAlternative> retailAlternative(Connection& c, const std::string& itemCode);
/// Every item's alternative, by item code.
std::map<std::string, RetailAlternative> retailAlternatives(Connection& c);
/// Sets the item's alternative, or removes it (nullopt).
void setRetailAlternative(Connection& c, const std::string& itemCode,
                          const std::optional<RetailAlternative>& alternative);

}  // namespace ces::store
