#include "web/pages/presenters.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/date_words.h"
#include "core/iso_time.h"
#include "core/uk_time.h"

namespace ces::web {

namespace {

std::string clockTime(std::chrono::seconds timeOfDay) {
    const auto hours = timeOfDay.count() / 3600;
    const auto minutes = (timeOfDay.count() / 60) % 60;
    if (hours == 12 && minutes == 0) return "midday";
    if (hours == 0 && minutes == 0) return "midnight";
    std::string text = std::to_string(hours % 12 == 0 ? 12 : hours % 12);
    if (minutes != 0) text += (minutes < 10 ? ":0" : ":") + std::to_string(minutes);
    return text + (hours < 12 ? "am" : "pm");
}

}  // namespace

StatusTag statusTag(OrderStatus status) {
    switch (status) {
        case OrderStatus::submitted:
            return {"Submitted", "govuk-tag--grey"};
        case OrderStatus::awaiting_countersignature:
            return {"Awaiting a countersignature", "govuk-tag--yellow"};
        case OrderStatus::awaiting_approval:
            return {"Awaiting approval", "govuk-tag--yellow"};
        case OrderStatus::approved:
            return {"Approved", "govuk-tag--light-blue"};
        case OrderStatus::awaiting_special:
            return {"Awaiting special item", "govuk-tag--orange"};
        case OrderStatus::allocated:
            return {"Stock reserved", "govuk-tag--blue"};
        case OrderStatus::scheduled:
            return {"Visit booked", "govuk-tag--purple"};
        case OrderStatus::out_for_delivery:
            return {"Out for delivery", "govuk-tag--turquoise"};
        case OrderStatus::delivered:
            return {"Delivered", "govuk-tag--green"};
        case OrderStatus::failed_visit:
            return {"Visit failed", "govuk-tag--red"};
        case OrderStatus::cancelled:
            return {"Cancelled", "govuk-tag--grey"};
    }
    return {"Unknown", "govuk-tag--grey"};
}

std::string competenceLabel(const std::string& code) {
    std::string words = code;
    for (auto& ch : words) {
        if (ch == '_') ch = ' ';
    }
    if (words == "moving handling") return "moving and handling";
    return words;
}

StatusTag statusTag(const std::string& statusName) {
    if (auto status = parseOrderStatus(statusName)) return statusTag(*status);
    return {statusName, "govuk-tag--grey"};
}

std::string ukDateTime(Instant instant) {
    const UkLocalTime local = toUkLocal(instant);
    return weekdayDate(local.date) + ", " + clockTime(local.timeOfDay);
}

std::string ukDateTime(const std::string& isoInstant) {
    const auto instant = parseInstant(isoInstant);
    return instant ? ukDateTime(*instant) : isoInstant;
}

std::string ukDate(Instant instant) { return weekdayDate(toUkLocal(instant).date); }

std::string ukDate(const std::string& isoInstant) {
    const auto instant = parseInstant(isoInstant);
    return instant ? ukDate(*instant) : isoInstant;
}

std::string longDate(std::chrono::year_month_day date) { return dayMonthYear(date); }

std::string longDate(const std::string& isoDate) {
    const auto date = parseDate(isoDate);
    return date ? longDate(*date) : isoDate;
}

std::string pounds(Pence pence) { return formatPounds(pence); }

std::string speedLabel(Speed speed) {
    switch (speed) {
        case Speed::emergency:
            return "Emergency (same day)";
        case Speed::next_day:
            return "Next working day";
        case Speed::three_day:
            return "3 working days";
        case Speed::five_day:
            return "5 working days";
    }
    return "";
}

std::string speedLabel(const std::string& apiName) {
    const auto speed = parseSpeed(apiName);
    return speed ? speedLabel(*speed) : apiName;
}
std::string counted(std::int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string listWords(const std::vector<std::string>& names) {
    std::string words;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) words += i + 1 == names.size() ? " and " : ", ";
        words += names[i];
    }
    return words;
}

std::string capitalised(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace ces::web
