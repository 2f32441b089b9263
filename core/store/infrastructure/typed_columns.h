#pragma once
// Reading a row's columns as the service's types, once, at the store's edge: an id column as its
// id type, ISO text as an Instant or a date, a stored word as its enum. A value the database
// should not hold (an unknown word, unreadable time) is an error (a broken row), never a silent
// default.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// A stored value that does not read as its type.
class UnreadableColumn : public std::runtime_error {
  public:
    UnreadableColumn(std::string_view what, const std::string& text)
        : std::runtime_error("the database holds " + std::string(what) + " '" + text +
                             "' that the service does not know") {}
};

inline Instant instantAt(const Rows& rows, std::size_t i, std::size_t col, std::string_view what) {
    const std::string text = rows.text(i, col);
    const auto instant = parseInstant(text);
    if (!instant) throw UnreadableColumn(what, text);
    return *instant;
}

inline std::optional<Instant> optionalInstantAt(const Rows& rows, std::size_t i, std::size_t col,
                                                std::string_view what) {
    if (rows.isNull(i, col)) return std::nullopt;
    return instantAt(rows, i, col, what);
}

inline std::chrono::year_month_day dateAt(const Rows& rows, std::size_t i, std::size_t col,
                                          std::string_view what) {
    const std::string text = rows.text(i, col);
    const auto date = parseDate(text);
    if (!date) throw UnreadableColumn(what, text);
    return *date;
}

inline std::optional<std::chrono::year_month_day> optionalDateAt(const Rows& rows, std::size_t i,
                                                                 std::size_t col,
                                                                 std::string_view what) {
    if (rows.isNull(i, col)) return std::nullopt;
    return dateAt(rows, i, col, what);
}

/// A nullable small integer column (seconds after midnight, counts).
inline std::optional<int> optionalInt(const Rows& rows, std::size_t i, std::size_t col) {
    if (rows.isNull(i, col)) return std::nullopt;
    return static_cast<int>(rows.integer(i, col));
}

/// The parsed word, or UnreadableColumn naming what it should have been.
template <class Enum>
Enum storedWord(std::optional<Enum> parsed, std::string_view what, const std::string& text) {
    if (!parsed) throw UnreadableColumn(what, text);
    return *parsed;
}

/// The column's id, or nullopt for NULL.
template <class IdType>
std::optional<IdType> optionalId(const Rows& rows, std::size_t row, std::size_t col) {
    if (rows.isNull(row, col)) return std::nullopt;
    return IdType(rows.integer(row, col));
}

/// NULL for nullopt, else the id's value.
template <class IdType>
SqlValue idOrNull(const std::optional<IdType>& id) {
    return id ? SqlValue(id->value()) : SqlValue(std::monostate{});
}

/// The UTC date of an instant: the date part of its ISO text.
inline std::chrono::year_month_day utcDate(Instant instant) {
    return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(instant));
}

/// The enum value a text column holds, read with its `parse` function.
template <class Parse>
auto enumAt(const Rows& rows, std::size_t i, std::size_t col, std::string_view what, Parse parse) {
    const std::string text = rows.text(i, col);
    return storedWord(parse(text), what, text);
}

template <class Parse>
auto optionalEnumAt(const Rows& rows, std::size_t i, std::size_t col, std::string_view what,
                    Parse parse) -> std::optional<std::remove_reference_t<decltype(*parse(""))>> {
    if (rows.isNull(i, col)) return std::nullopt;
    return enumAt(rows, i, col, what, parse);
}

}  // namespace ces::store
