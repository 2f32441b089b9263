#include "web/http/request_numbers.h"

#include <charconv>

#include "core/errors.h"

namespace ces::web {

std::optional<std::int64_t> plainDecimal(std::string_view text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::int64_t parsePathId(std::string_view text, const std::string& notFoundMessage) {
    const auto id = plainDecimal(text);
    if (!id || *id <= 0) throw NotFound(notFoundMessage);
    return *id;
}

std::int64_t parseFieldNumber(const std::string& field, std::string_view text, std::int64_t least,
                              std::int64_t most, const std::string& message) {
    const auto value = plainDecimal(text);
    if (!value || *value < least || *value > most) throw ValidationError(field, message);
    return *value;
}

}  // namespace ces::web
