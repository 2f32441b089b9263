#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {
const std::string kInsertAuditRows =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES ";
}

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

}  // namespace ces::store
