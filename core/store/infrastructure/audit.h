#pragma once
// The audit log: every state change and every read of personal data leaves a row.
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// Writes one audit row (call inside the transaction whose change it records).
void audit(Connection& connection, std::optional<UserId> who, const std::string& action,
           const std::string& entity, const std::string& entityId, Instant at,
           const std::string& detail = "");

/// One of several steps taken at once on the same entity.
struct AuditStep {
    std::string action;
    std::string detail;
};
/// Writes a row per step, in one statement.
void audit(Connection& connection, std::optional<UserId> who, const std::vector<AuditStep>& steps,
           const std::string& entity, const std::string& entityId, Instant at);

}  // namespace ces::store
