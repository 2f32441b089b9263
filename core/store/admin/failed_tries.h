#pragma once
// Failed tries shared by every instance on one database (the tracking lookup's and sign-in's
// limits). Keys are hashed by the caller's limiter name and key together, never stored plain.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

struct FailedTries {
    std::int64_t count = 0;
    std::optional<Instant> oldest;
};

/// The tries of `key` under `limiter` at or after `since`.
FailedTries failedTriesSince(Connection& c, const std::string& limiter, const std::string& key,
                             Instant since);
/// Records a failed try, and forgets every try of that limiter older than `forgetBefore`.
void recordFailedTry(Connection& c, const std::string& limiter, const std::string& key, Instant at,
                     Instant forgetBefore);
/// Forgets the tries of `key` (it succeeded).
void forgetFailedTries(Connection& c, const std::string& limiter, const std::string& key);

}  // namespace ces::store
