#pragma once
// The body of POST /api/v1/orders read into a NewOrder: a pure function, so it can be tested
// and fuzzed without a server.
#include <string>

#include "core/store/orders/orders.h"

namespace ces::web {

/// BadRequest for a malformed body or a missing/mistyped field; ValidationError for a field
/// that breaks a rule (an unknown speed). Both name the field.
store::NewOrder parseOrderBody(const std::string& text);

}  // namespace ces::web
