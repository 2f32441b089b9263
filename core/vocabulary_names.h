#pragma once
// The text of an enum value as the database and the JSON hold it, from one table per enum.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ces {

template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

/// The name of `value` in `names` ("unknown" for a value missing from the table).
template <class Enum, std::size_t N>
constexpr std::string_view nameIn(const NameTable<Enum, N>& names, Enum value) {
    for (const auto& [v, name] : names) {
        if (v == value) return name;
    }
    return "unknown";
}

/// The value named `text` in `names`; nullopt for a name not in the table.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> valueIn(const NameTable<Enum, N>& names, std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text) return v;
    }
    return std::nullopt;
}

}  // namespace ces
