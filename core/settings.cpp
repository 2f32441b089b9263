#include "core/settings.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "core/errors.h"
#include "core/uk_time.h"

namespace ces {

namespace chr = std::chrono;

namespace {

using Dates = std::vector<chr::year_month_day>;
using YearTargets = std::vector<kpi::CouncilYearTarget>;

const std::vector<SettingKey> kKeys{
    {"specials.approval_threshold_pence", SettingType::integer, "pence", 0, 100'000'000,
     "A special priced above this needs its budget holder's approval",
     &Settings::specialsApprovalThresholdPence},
    {"specials.target_weeks", SettingType::integer, "weeks", 1, 52,
     "Target from ordering a special to its arrival at the warehouse",
     &Settings::specialsTargetWeeks},
    {"collections.working_days", SettingType::integer, "working days", 1, 30,
     "A collection is due by 17:00 on this working day after the request",
     &Settings::collectionWorkingDays},
    {"collections.urgent_working_days", SettingType::integer, "working days", 0, 30,
     "An urgent collection is due by 17:00 on this working day after the request",
     &Settings::urgentCollectionWorkingDays},
    {"maintenance.loler_months", SettingType::integer, "months", 1, 60,
     "Interval of the LOLER thorough examination of hoists, slings and bath lifts",
     &Settings::lolerMonths},
    {"maintenance.pat_months", SettingType::integer, "months", 1, 60,
     "Interval of the PAT test and service of electrical items", &Settings::patMonths},
    {"slots.day_start_hour", SettingType::integer, "hour (UK local)", 0, 23,
     "The first delivery slot of a day starts at this hour", &Settings::slotDayStartHour},
    {"slots.day_end_hour", SettingType::integer, "hour (UK local)", 1, 24,
     "The last delivery slot of a day ends by this hour", &Settings::slotDayEndHour},
    {"slots.length_minutes", SettingType::integer, "minutes", 30, 480,
     "Length of a delivery slot offered to residents", &Settings::slotLengthMinutes},
    {"emergency.cut_off_hour", SettingType::integer, "hour (UK local)", 0, 23,
     "An emergency approved by this hour on a working day is due the same day",
     &Settings::emergencyCutOffHour},
    {"emergency.window_hours", SettingType::integer, "hours", 1, 12,
     "How long an emergency approved before the cut-off has", &Settings::emergencyWindowHours},
    {"emergency.late_due_hour", SettingType::integer, "hour (UK local)", 8, 17,
     "A later emergency is due by this hour on the next working day",
     &Settings::lateEmergencyDueHour},
    {"carbon.kg_co2_per_kg_reused", SettingType::decimal, "kg CO2e per kg", 0, 50,
     "Embodied carbon avoided by reusing a kilogram of equipment instead of buying new",
     &Settings::kgCo2PerKgReused},
    {"carbon.default_item_weight_kg", SettingType::decimal, "kg", 0, 500,
     "Weight assumed for an item whose category has no estimated weight",
     &Settings::defaultItemWeightKg},
    {"calendar.extra_bank_holidays", SettingType::dates, "dates", 0, 0,
     "One-off bank holidays or closures that are not working days, besides England and "
     "Wales' usual ones",
     &Settings::extraBankHolidays},
    {"tracking.max_failures", SettingType::integer, "failed look-ups", 1, 1000,
     "Failed tracking look-ups from one address or for one reference before it must wait",
     &Settings::trackingMaxFailures},
    {"tracking.window_minutes", SettingType::integer, "minutes", 1, 1440,
     "The window in which failed tracking look-ups are counted", &Settings::trackingWindowMinutes},
    {"session.hours", SettingType::integer, "hours", 1, 168,
     "How long a sign-in lasts before the person must sign in again", &Settings::sessionHours},
    {"council.later_targets", SettingType::yearTargets, "£000 and %", 0, 0,
     "The council's targets for years after 2026/27: per year 'YYYY/YY gross net-current "
     "self-purchase-% net-85%-credits recycling-% net-all-targets', years separated by ';'",
     &Settings::laterCouncilTargets},
};

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(trim(text.substr(start, end - start)));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

template <class Number>
std::optional<Number> parseNumber(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string formatDecimal(double value) {
    std::ostringstream out;
    out << value;
    std::string text = out.str();
    if (text.find('.') == std::string::npos) text += ".0";
    return text;
}

Dates parseDates(std::string_view text) {
    Dates dates;
    if (trim(text).empty()) return dates;
    for (const auto part : split(text, ',')) {
        const auto date = parseDate(part);
        if (!date) throw ValidationError("value", "'" + std::string(part) + "' is not a date");
        dates.push_back(*date);
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

// "2027/28": two consecutive years, after the three the council published.
bool isLaterFinancialYear(std::string_view year) {
    if (year.size() != 7 || year[4] != '/') return false;
    const auto first = parseNumber<int>(year.substr(0, 4));
    const auto second = parseNumber<int>(year.substr(5, 2));
    return first && second && *first >= 2027 && *first <= 2100 && (*first + 1) % 100 == *second;
}

Pence thousandsToPence(double thousands) {
    return static_cast<Pence>(std::llround(thousands * 100'000.0));
}

kpi::CouncilYearTarget parseYearTarget(std::string_view entry) {
    std::vector<std::string_view> fields;
    for (const auto field : split(entry, ' ')) {
        if (!field.empty()) fields.push_back(field);
    }
    std::string quoted = "'";
    quoted.append(entry).append("'");
    if (fields.size() != 7) {
        throw ValidationError("value", quoted + " needs a year and six figures");
    }
    if (!isLaterFinancialYear(fields[0])) {
        throw ValidationError("value", quoted + ": the year must be 2027/28 or later");
    }
    std::vector<double> numbers;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const auto number = parseNumber<double>(fields[i]);
        if (!number || *number < 0 || *number > 1'000'000) {
            throw ValidationError("value", quoted + ": '" + std::string(fields[i]) +
                                               "' is not a figure from 0 to 1,000,000");
        }
        numbers.push_back(*number);
    }
    return {std::string(fields[0]),       thousandsToPence(numbers[0]),
            thousandsToPence(numbers[1]), numbers[2],
            thousandsToPence(numbers[3]), numbers[4],
            thousandsToPence(numbers[5])};
}

YearTargets parseYearTargets(std::string_view text) {
    YearTargets targets;
    if (trim(text).empty()) return targets;
    for (const auto entry : split(text, ';')) {
        auto target = parseYearTarget(entry);
        for (const auto& earlier : targets) {
            if (earlier.year == target.year) {
                throw ValidationError("value", target.year + " is given twice");
            }
        }
        targets.push_back(std::move(target));
    }
    return targets;
}

std::string formatYearTargets(const YearTargets& targets) {
    std::string text;
    auto thousands = [](Pence pence) { return formatDecimal(static_cast<double>(pence) / 1e5); };
    for (const auto& t : targets) {
        if (!text.empty()) text += "; ";
        text += t.year + " " + thousands(t.forecastGross) + " " +
                thousands(t.netCurrentCreditModel) + " " +
                formatDecimal(t.selfPurchaseTargetPercent) + " " + thousands(t.netWith85Credits) +
                " " + formatDecimal(t.recyclingIncreasePercent) + " " + thousands(t.netAllTargets);
    }
    return text;
}

template <class Number>
Number parseInRange(const SettingKey& key, std::string_view text, const char* what) {
    const auto number = parseNumber<Number>(trim(text));
    if (!number || static_cast<double>(*number) < key.min ||
        static_cast<double>(*number) > key.max) {
        std::ostringstream message;
        message << std::string(key.name) << " must be " << what << " from " << key.min << " to "
                << key.max << " (" << std::string(key.unit) << ")";
        throw ValidationError("value", message.str());
    }
    return *number;
}

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

bool setBefore(const SettingChange& a, const SettingChange& b) {
    return a.effectiveFrom < b.effectiveFrom;
}

}  // namespace

std::string_view toString(SettingType type) {
    switch (type) {
        case SettingType::integer:
            return "integer";
        case SettingType::decimal:
            return "decimal";
        case SettingType::dates:
            return "dates";
        case SettingType::yearTargets:
            return "year_targets";
    }
    return "integer";
}

const std::vector<SettingKey>& settingKeys() { return kKeys; }

const SettingKey* findSettingKey(std::string_view name) {
    for (const auto& key : kKeys) {
        if (key.name == name) return &key;
    }
    return nullptr;
}

void applySetting(Settings& settings, const SettingKey& key, std::string_view text) {
    if (text.size() > 2000) throw ValidationError("value", "at most 2000 characters");
    std::visit(
        Overloaded{
            [&](std::int64_t Settings::*m) {
                settings.*m = parseInRange<std::int64_t>(key, text, "a whole number");
            },
            [&](double Settings::*m) { settings.*m = parseInRange<double>(key, text, "a number"); },
            [&](Dates Settings::*m) { settings.*m = parseDates(text); },
            [&](YearTargets Settings::*m) { settings.*m = parseYearTargets(text); },
        },
        key.member);
}

std::string formatSetting(const Settings& settings, const SettingKey& key) {
    return std::visit(Overloaded{
                          [&](std::int64_t Settings::*m) { return std::to_string(settings.*m); },
                          [&](double Settings::*m) { return formatDecimal(settings.*m); },
                          [&](Dates Settings::*m) {
                              std::string text;
                              for (const auto& day : settings.*m) {
                                  if (!text.empty()) text += ',';
                                  text += formatDate(day);
                              }
                              return text;
                          },
                          [&](YearTargets Settings::*m) { return formatYearTargets(settings.*m); },
                      },
                      key.member);
}

void validateSettingChange(const SettingChange& change, chr::year_month_day today) {
    const SettingKey* key = findSettingKey(change.key);
    if (!key) throw ValidationError("key", "no setting is called '" + change.key + "'");
    Settings scratch;
    applySetting(scratch, *key, change.value);
    if (change.effectiveFrom < today) {
        throw ValidationError("effective_from", "a change takes effect today or later, not " +
                                                    formatDate(change.effectiveFrom));
    }
    if (trim(change.reason).empty() || change.reason.size() > 500) {
        throw ValidationError("reason", "say why the setting changes (1 to 500 characters)");
    }
}

SettingsHistory::SettingsHistory(std::vector<SettingChange> changes)
    : changes_(std::move(changes)) {
    Settings scratch;
    for (const auto& change : changes_) {
        const SettingKey* key = findSettingKey(change.key);
        if (!key)
            throw std::runtime_error("the settings table holds an unknown key: " + change.key);
        try {
            applySetting(scratch, *key, change.value);
        } catch (const ValidationError& e) {
            throw std::runtime_error("the stored value of setting " + change.key +
                                     " cannot be read: " + e.what());
        }
    }
}

std::optional<SettingChange> SettingsHistory::currentChange(std::string_view key,
                                                            chr::year_month_day day) const {
    const SettingChange* current = nullptr;
    for (const auto& change : changes_) {
        if (change.key != key || change.effectiveFrom > day) continue;
        // Later in the list is set later, so it wins a tie of dates.
        if (!current || !setBefore(change, *current)) current = &change;
    }
    if (!current) return std::nullopt;
    return *current;
}

Settings SettingsHistory::inForceOn(chr::year_month_day day) const {
    Settings settings;
    for (const auto& key : kKeys) {
        if (auto change = currentChange(key.name, day)) applySetting(settings, key, change->value);
    }
    return settings;
}

std::vector<SettingChange> SettingsHistory::scheduled(std::string_view key,
                                                      chr::year_month_day day) const {
    std::vector<SettingChange> result;
    for (const auto& change : changes_) {
        if (change.key == key && change.effectiveFrom > day) result.push_back(change);
    }
    std::stable_sort(result.begin(), result.end(), setBefore);
    return result;
}

std::vector<SettingChange> SettingsHistory::historyOf(std::string_view key) const {
    std::vector<SettingChange> result;
    for (auto it = changes_.rbegin(); it != changes_.rend(); ++it) {
        if (it->key == key) result.push_back(*it);
    }
    return result;
}

chr::year_month_day ukDateOf(Instant at) {
    return toUkLocal(chr::time_point_cast<chr::seconds>(at)).date;
}

}  // namespace ces
