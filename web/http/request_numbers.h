#pragma once
// Numbers read from a request's path, query or form: one strict reading for all of them, so
// "12abc", "-1", "1e3" or a number beyond int64 never pass for an id or a count.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ces::web {

/// The value of `text` if it is nothing but decimal digits (at least one) and fits int64.
std::optional<std::int64_t> plainDecimal(std::string_view text);

/// An id from the path: a plain positive decimal; NotFound (404) with `notFoundMessage` otherwise.
std::int64_t parsePathId(std::string_view text, const std::string& notFoundMessage);

/// A whole number from a query or form field, between `least` and `most`; ValidationError (422)
/// naming `field` with `message` otherwise.
std::int64_t parseFieldNumber(const std::string& field, std::string_view text, std::int64_t least,
                              std::int64_t most, const std::string& message);

}  // namespace ces::web
