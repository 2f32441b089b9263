#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {
const std::string kInsertAuditRows =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES ";

// Empty text, 0 and '' stand for "any" so one statement serves every filter.
const char* const kAuditPage =
    "SELECT a.id, a.at, u.username, a.action, a.entity, a.entity_id, a.detail FROM audit_log a "
    "LEFT JOIN users u ON u.id = a.user_id "
    "WHERE ($1 = 0 OR a.id < $1) AND ($2 = '' OR u.username = $2) "
    "AND ($3 = '' OR (a.entity = 'resident' AND a.entity_id = $3) OR (a.entity = 'order' AND "
    "a.entity_id IN (SELECT reference FROM orders WHERE resident_id = $4))) "
    "AND ($5 = '' OR a.at >= $5) AND ($6 = '' OR a.at < $6) ORDER BY a.id DESC LIMIT $7";

std::string dayStart(std::optional<std::chrono::year_month_day> day, int daysLater) {
    if (!day) return "";
    return formatDate(std::chrono::sys_days(*day) + std::chrono::days(daysLater));
}
}  // namespace

void audit(Connection& connection, std::optional<UserId> who, const std::string& action,
           const std::string& entity, const std::string& entityId, Instant at,
           const std::string& detail) {
    audit(connection, who, {{action, detail}}, entity, entityId, at);
}

void audit(Connection& connection, std::optional<UserId> who, const std::vector<AuditStep>& steps,
           const std::string& entity, const std::string& entityId, Instant at) {
    if (steps.empty()) return;
    const SqlValue user = who ? SqlValue(who->value()) : SqlValue(std::monostate{});
    const std::string when = formatInstant(at);
    std::vector<SqlValue> params;
    for (const auto& step : steps) {
        params.insert(params.end(), {when, user, step.action, entity, entityId, step.detail});
    }
    connection.execute(kInsertAuditRows + valuesPlaceholders(steps.size(), 6), params);
}

Page<AuditEntry> listAudit(Connection& connection, const AuditFilter& filter,
                           const PageRequest& page) {
    const std::int64_t resident = filter.resident ? filter.resident->value() : 0;
    const std::string residentText = filter.resident ? std::to_string(resident) : "";
    Rows rows = connection.query(
        kAuditPage, {cursorParam(page), filter.username, residentText, resident,
                     dayStart(filter.from, 0), dayStart(filter.to, 1), fetchLimit(page)});
    std::vector<AuditEntry> entries;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        AuditEntry e;
        e.id = rows.integer(i, 0);
        e.at = rows.text(i, 1);
        if (!rows.isNull(i, 2)) e.username = rows.text(i, 2);
        e.action = rows.text(i, 3);
        e.entity = rows.text(i, 4);
        e.entityId = rows.text(i, 5);
        e.detail = rows.text(i, 6);
        entries.push_back(std::move(e));
    }
    return pageOf(std::move(entries), page, [](const AuditEntry& e) { return e.id; });
}

}  // namespace ces::store
