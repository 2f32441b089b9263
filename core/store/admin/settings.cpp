#include "core/store/admin/settings.h"

#include <stdexcept>

#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kAllSettings =
    "SELECT key, value, effective_from, set_by, set_at, reason FROM settings ORDER BY id";
const char* const kInsertSetting =
    "INSERT INTO settings (key, value, effective_from, set_by, set_at, reason) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

}  // namespace

SettingsHistory loadSettings(Connection& c) {
    Rows rows = c.query(kAllSettings);
    std::vector<SettingChange> changes;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SettingChange change;
        change.key = rows.text(i, 0);
        change.value = rows.text(i, 1);
        const auto from = parseDate(rows.text(i, 2));
        const auto at = parseInstant(rows.text(i, 4));
        if (!from || !at) {
            throw std::runtime_error("the settings table holds an unreadable date for " +
                                     change.key);
        }
        change.effectiveFrom = *from;
        if (!rows.isNull(i, 3)) change.setBy = UserId(rows.integer(i, 3));
        change.setAt = *at;
        change.reason = rows.text(i, 5);
        changes.push_back(std::move(change));
    }
    return SettingsHistory(std::move(changes));
}

Settings settingsInForce(Connection& c, Instant at) {
    return loadSettings(c).inForceOn(ukDateOf(at));
}

void addSettingChange(Connection& c, const SettingChange& change) {
    validateSettingChange(change, ukDateOf(change.setAt));
    const SqlValue who =
        change.setBy ? SqlValue(change.setBy->value()) : SqlValue(std::monostate{});
    c.execute(kInsertSetting, {change.key, change.value, formatDate(change.effectiveFrom), who,
                               formatInstant(change.setAt), change.reason});
    audit(c, change.setBy, "setting_changed", "setting", change.key, change.setAt,
          change.value + " from " + formatDate(change.effectiveFrom) + ": " + change.reason);
}

}  // namespace ces::store
