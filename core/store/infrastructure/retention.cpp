#include "core/store/infrastructure/retention.h"

namespace ces::store {

namespace {

const char* const kExpireSessions = "DELETE FROM sessions WHERE expires_at < $1";
const char* const kExpireIdempotencyKeys = "DELETE FROM idempotency_keys WHERE created_at < $1";

}  // namespace

ExpiredRows expireRetainedRows(Connection& c, Instant now, Instant keysBefore) {
    ExpiredRows expired;
    expired.sessions = c.executeCounting(kExpireSessions, {formatInstant(now)});
    expired.idempotencyKeys =
        c.executeCounting(kExpireIdempotencyKeys, {formatInstant(keysBefore)});
    return expired;
}

}  // namespace ces::store
