#include "web/pages/date_fields.h"

#include <charconv>

#include "core/iso_time.h"

namespace ces::web {

namespace {

std::optional<int> number(const std::string& text, std::size_t maxDigits) {
    if (text.empty() || text.size() > maxDigits) return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::string> dateFromParts(const FormFields& form, const std::string& name) {
    const auto day = number(form.text(name + "-day"), 2);
    const auto month = number(form.text(name + "-month"), 2);
    const auto year = number(form.text(name + "-year"), 4);
    if (!day || !month || !year || *year < 1000) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year),
                                           std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) return std::nullopt;
    return formatDate(date);
}

}  // namespace ces::web
