#pragma once
// The service's own numbers that domain.md asks to be configurable (specials, collections,
// inspections, slots, emergencies, carbon, bank holidays, the tracking limit, sessions, the
// council's later targets): one typed Settings with domain.md's defaults, and one table of keys
// (name, type, unit, range, description) that drives parsing, validation, the API and the page.
// Settings are stored as a history of changes, each in force from a date (see SettingsHistory).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/ids.h"
#include "core/iso_time.h"
#include "core/kpis.h"
#include "core/money.h"

namespace ces {

/// Every configurable number, as in force on one day. The initialisers are the defaults.
struct Settings {
    Pence specialsApprovalThresholdPence = 50000;  ///< Above £500 a budget holder approves.
    std::int64_t specialsTargetWeeks = 8;          ///< Order to arrival at the warehouse.
    std::int64_t collectionWorkingDays = 5;        ///< The council's target (cut from 10).
    std::int64_t urgentCollectionWorkingDays = 1;  ///< Faulty equipment, a bed needed back.
    std::int64_t lolerMonths = 6;                  ///< LOLER thorough examination of hoists.
    std::int64_t patMonths = 12;                   ///< PAT test and service of electrical items.
    std::int64_t slotDayStartHour = 8;             ///< First delivery slot starts (UK local).
    std::int64_t slotDayEndHour = 18;              ///< Last delivery slot ends by (UK local).
    std::int64_t slotLengthMinutes = 120;          ///< Length of a delivery slot.
    std::int64_t emergencyCutOffHour = 14;         ///< Approved by then: due within the window.
    std::int64_t emergencyWindowHours = 4;         ///< How long an emergency has.
    std::int64_t lateEmergencyDueHour = 12;        ///< Next working day's deadline after it.
    double kgCo2PerKgReused = 3.0;                 ///< Embodied carbon avoided per kg reused.
    double defaultItemWeightKg = 10.0;             ///< For a category without a known weight.
    std::vector<std::chrono::year_month_day> extraBankHolidays;  ///< One-off closures.
    std::int64_t trackingMaxFailures = 5;     ///< Failed tracking look-ups before a wait.
    std::int64_t trackingWindowMinutes = 15;  ///< The window those failures are counted in.
    std::int64_t sessionHours = 12;           ///< How long a sign-in lasts.
    /// The council's targets for years after 2026/27 (the published three are in kpis).
    std::vector<kpi::CouncilYearTarget> laterCouncilTargets;
};

/// How a setting's value is written.
enum class SettingType {
    integer,      ///< Whole number, e.g. "5".
    decimal,      ///< e.g. "3.0".
    dates,        ///< ISO dates separated by commas, e.g. "2027-05-10,2027-12-29"; "" for none.
    yearTargets,  ///< "2027/28 5200.0 4100.0 13 2800.0 12 2400.0; ..." (see settings.cpp).
};
std::string_view toString(SettingType type);  ///< "integer", "decimal", "dates", "year_targets".

/// One configurable key and where its value lives in Settings.
struct SettingKey {
    std::string_view name;  ///< e.g. "collections.working_days".
    SettingType type;
    std::string_view unit;  ///< e.g. "working days", "pence".
    double min = 0;         ///< Allowed range of a number (inclusive); unused for lists.
    double max = 0;
    std::string_view description;
    std::variant<std::int64_t Settings::*, double Settings::*,
                 std::vector<std::chrono::year_month_day> Settings::*,
                 std::vector<kpi::CouncilYearTarget> Settings::*>
        member;
};

/// Every key, in the order the page lists them.
const std::vector<SettingKey>& settingKeys();
/// The key named `name`, or nullptr.
const SettingKey* findSettingKey(std::string_view name);

/// Reads `text` as the key's value into `settings`; ValidationError("value") when it is not of
/// the key's type or outside its range.
void applySetting(Settings& settings, const SettingKey& key, std::string_view text);
/// The key's value in `settings`, written as applySetting reads it.
std::string formatSetting(const Settings& settings, const SettingKey& key);

/// One stored change: `value` is in force from `effectiveFrom` (a UK date) until a later one.
struct SettingChange {
    std::string key;
    std::string value;
    std::chrono::year_month_day effectiveFrom;
    std::optional<UserId> setBy;
    Instant setAt{};
    std::string reason;
};

/// The rules of a new change, as of `today` (UK date): a known key ("key"), a value of its type
/// and range ("value"), not before today ("effective_from"), a reason of 1 to 500 characters
/// ("reason"); ValidationError naming the field otherwise.
void validateSettingChange(const SettingChange& change, std::chrono::year_month_day today);

/// Every stored change; the value in force on a day is, per key, the change with the latest
/// effective date on or before that day (the later set one when two share a date), else the
/// default. A change dated after the day is scheduled.
class SettingsHistory {
  public:
    SettingsHistory() = default;
    /// Every stored value must read as its key's type: a stored value that does not (or an
    /// unknown key) throws std::runtime_error naming the key, instead of falling back silently.
    explicit SettingsHistory(std::vector<SettingChange> changes);
    Settings inForceOn(std::chrono::year_month_day day) const;
    /// The change of `key` in force on `day`, if any (else the default is).
    std::optional<SettingChange> currentChange(std::string_view key,
                                               std::chrono::year_month_day day) const;
    /// Changes of `key` dated after `day`, soonest first.
    std::vector<SettingChange> scheduled(std::string_view key,
                                         std::chrono::year_month_day day) const;
    /// Every change of `key`, newest set first.
    std::vector<SettingChange> historyOf(std::string_view key) const;

  private:
    std::vector<SettingChange> changes_;  // in the order they were set
};

/// The UK local date of an instant (settings change at local midnight).
std::chrono::year_month_day ukDateOf(Instant at);

}  // namespace ces
