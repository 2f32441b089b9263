#include "web/pages/date_fields.h"

#include "core/iso_time.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

std::optional<int> number(const std::string& text, std::size_t maxDigits) {
    const auto value = text.size() > maxDigits ? std::nullopt : plainDecimal(text);
    if (!value) return std::nullopt;
    return static_cast<int>(*value);
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
