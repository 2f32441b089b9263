#include "core/store/infrastructure/idempotency.h"

namespace ces::store {

namespace {
const char* const kFind =
    "SELECT request_path, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2";
const char* const kSave =
    "INSERT INTO idempotency_keys (user_id, key, request_path, status, body, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
}  // namespace

std::optional<StoredAnswer> findIdempotentAnswer(Connection& c, UserId user,
                                                 const std::string& key) {
    Rows rows = c.query(kFind, {user.value(), key});
    if (rows.empty()) return std::nullopt;
    return StoredAnswer{rows.text(0, 0), static_cast<int>(rows.integer(0, 1)), rows.text(0, 2)};
}

void saveIdempotentAnswer(Connection& c, UserId user, const std::string& key,
                          const StoredAnswer& answer, Instant now) {
    c.execute(kSave, {user.value(), key, answer.requestPath, std::int64_t{answer.status},
                      answer.body, formatInstant(now)});
}

}  // namespace ces::store
