#include "core/store/audit.h"

namespace ces::store {

namespace {
const char* const kInsertAudit =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
}

void audit(Connection& connection, std::optional<UserId> who, const std::string& action,
           const std::string& entity, const std::string& entityId, Instant at,
           const std::string& detail) {
    SqlValue user = who ? SqlValue(who->value()) : SqlValue(std::monostate{});
    connection.execute(kInsertAudit, {formatInstant(at), user, action, entity, entityId, detail});
}

void audit(Connection& connection, std::optional<UserId> who, const std::vector<AuditStep>& steps,
           const std::string& entity, const std::string& entityId, Instant at) {
    if (steps.empty()) return;
    const SqlValue user = who ? SqlValue(who->value()) : SqlValue(std::monostate{});
    const std::string when = formatInstant(at);
    std::string sql = kInsertAudit;
    std::vector<SqlValue> params = {when, user, steps[0].action, entity, entityId, steps[0].detail};
    for (std::size_t i = 1; i < steps.size(); ++i) {
        sql += ", (";
        for (int column = 0; column < 6; ++column) {
            sql.append(column == 0 ? "$" : ", $");
            sql.append(std::to_string(params.size() + 1 + static_cast<std::size_t>(column)));
        }
        sql += ")";
        params.insert(params.end(),
                      {when, user, steps[i].action, entity, entityId, steps[i].detail});
    }
    connection.execute(sql, params);
}

}  // namespace ces::store
