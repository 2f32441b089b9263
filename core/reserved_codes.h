#pragma once
// Codes the pages' addresses already use as words: an item coded "new" would be shadowed by
// /admin/catalogue/new, a depot coded "vans" by /admin/depots/vans.
#include <string>

#include "core/errors.h"

namespace ces {

namespace reserved_detail {
inline void refuse(const std::string& field, const std::string& code) {
    throw ValidationError(field, "\"" + code + "\" is a word the pages use; choose another code");
}
}  // namespace reserved_detail

/// ValidationError(field) for "new" and "import" (/admin/catalogue/new, .../import).
inline void refuseReservedItemCode(const std::string& field, const std::string& code) {
    if (code == "new" || code == "import") reserved_detail::refuse(field, code);
}

/// ValidationError(field) for "vans" (/admin/depots/vans).
inline void refuseReservedDepotCode(const std::string& field, const std::string& code) {
    if (code == "vans") reserved_detail::refuse(field, code);
}

}  // namespace ces
