#pragma once
// ISO 8601 text for instants (UTC, "2026-03-02T10:00:00Z") and dates ("2026-03-02").
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ces {

using Instant = std::chrono::sys_seconds;

std::string formatInstant(Instant instant);                  ///< "2026-03-02T10:00:00Z".
std::optional<Instant> parseInstant(std::string_view text);  ///< Accepts the format above.
std::string formatDate(std::chrono::year_month_day date);    ///< "2026-03-02".
std::optional<std::chrono::year_month_day> parseDate(std::string_view text);  ///< Valid dates only.
std::string formatMonth(std::chrono::year_month month);                       ///< "2026-03".
/// The UTC calendar month an instant falls in.
std::chrono::year_month utcMonth(Instant instant);

}  // namespace ces
