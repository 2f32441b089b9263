#pragma once
// The audit log: every state change and every read of personal data leaves a row.
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"

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

/// One row of the audit log as the audit viewer shows it (details never hold secrets: no write
/// puts a password or its hash in one).
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::optional<std::string> username;  ///< None for the service's own steps.
    std::string action;
    std::string entity;
    std::string entityId;
    std::string detail;
};

/// Which rows the viewer asks for; every part is optional.
struct AuditFilter {
    std::string username;
    std::optional<ResidentId> resident;               ///< Rows about the resident and their orders.
    std::optional<std::chrono::year_month_day> from;  ///< From the start of this day.
    std::optional<std::chrono::year_month_day> to;    ///< To the end of this day.
};

/// The audit log newest first, a page at a time (`after` is the last id of the page before).
Page<AuditEntry> listAudit(Connection& connection, const AuditFilter& filter,
                           const PageRequest& page);

}  // namespace ces::store
