#pragma once
// The records of a subject access request in the words the person reads them in: column names
// as labels ("Date of birth", "Ordered"), times in UK local time, dates in words, pence in
// pounds, stored words ("out_for_delivery") as plain words ("Out for delivery").
#include <string>

#include "core/store/infrastructure/connection.h"

namespace ces::web {

/// "order_lines" -> "Order lines", "date_of_birth" -> "Date of birth", "created_at" -> "Created".
std::string recordLabel(const std::string& name);

/// A cell of column `column` as words.
std::string recordWords(const std::string& column, const store::SqlValue& cell);

}  // namespace ces::web
