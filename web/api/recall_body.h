#pragma once
// The body of POST /api/v1/recalls: a safety notice as the store records it.
#include <string>

#include "core/store/warehouse/recalls.h"

namespace ces::web {

/// The notice in `body`; BadRequest naming a missing, mistyped or unknown field, ValidationError
/// naming a bad action or date (the warehouse checks the rest: codes, dates, deadline).
store::NewRecall parseRecallNotice(const std::string& body);

}  // namespace ces::web
