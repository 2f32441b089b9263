#pragma once
// Reading a row's columns as the service's types, once, at the store's edge: an id column as
// its id type, ISO text as an Instant, a stored word as its enum. A value the database should
// never hold (unknown word, unreadable time) is an error, not a silent default.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// The column's id, or nullopt for NULL.
template <class IdType>
std::optional<IdType> optionalId(const Rows& rows, std::size_t row, std::size_t col) {
    if (rows.isNull(row, col)) return std::nullopt;
    return IdType(rows.integer(row, col));
}

/// The parsed word, or std::runtime_error naming what it should have been.
template <class Enum>
Enum storedWord(std::optional<Enum> parsed, std::string_view what, const std::string& text) {
    if (!parsed) {
        throw std::runtime_error("the database holds an unknown " + std::string(what) + " '" +
                                 text + "'");
    }
    return *parsed;
}

/// The column's word parsed by `parse` (e.g. parseAssetState); runtime_error when unknown.
template <class Parse>
auto wordColumn(const Rows& rows, std::size_t row, std::size_t col, Parse parse,
                std::string_view what) {
    const std::string text = rows.text(row, col);
    return storedWord(parse(text), what, text);
}

/// The column's instant; runtime_error when it is not ISO 8601 UTC text.
inline Instant instantColumn(const Rows& rows, std::size_t row, std::size_t col) {
    const std::string text = rows.text(row, col);
    return storedWord(parseInstant(text), "instant", text);
}

/// The column's instant, or nullopt for NULL.
inline std::optional<Instant> optionalInstantColumn(const Rows& rows, std::size_t row,
                                                    std::size_t col) {
    if (rows.isNull(row, col)) return std::nullopt;
    return instantColumn(rows, row, col);
}

/// NULL for nullopt, else the id's value.
template <class IdType>
SqlValue idOrNull(const std::optional<IdType>& id) {
    return id ? SqlValue(id->value()) : SqlValue(std::monostate{});
}

}  // namespace ces::store
