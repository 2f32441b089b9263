#pragma once
// What the service keeps only for a while: sign-in sessions until they expire, and the answers
// kept for Idempotency-Key retries for a retention period (a client retries within minutes; a
// key older than that will not come again).
#include <cstddef>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// What an expiry removed.
struct ExpiredRows {
    std::size_t sessions = 0;
    std::size_t idempotencyKeys = 0;
};

/// Deletes the sessions that expired before `now` and the idempotency answers stored before
/// `keysBefore`. Running it again removes nothing more.
ExpiredRows expireRetainedRows(Connection& c, Instant now, Instant keysBefore);

}  // namespace ces::store
