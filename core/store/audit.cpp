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

}  // namespace ces::store
