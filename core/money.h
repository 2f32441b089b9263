#pragma once
// Money is integer pence everywhere; pounds exist only at the edges (CSV in, text out).
#include <cstdint>
#include <string>
#include <string_view>

namespace ces {

using Pence = std::int64_t;

/// Parses a pounds amount such as "5453.25" or "20.0" into pence; throws ValidationError(field).
Pence parsePoundsToPence(std::string_view pounds, const std::string& field);

/// Formats pence as "£1,234.56".
std::string formatPounds(Pence pence);

}  // namespace ces
