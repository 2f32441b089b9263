#pragma once
// Idempotency-Key: the first answer to a write is kept and given again to a retry.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

struct StoredAnswer {
    std::string requestPath;
    int status = 0;
    std::string body;
};

std::optional<StoredAnswer> findIdempotentAnswer(Connection& c, UserId user,
                                                 const std::string& key);
void saveIdempotentAnswer(Connection& c, UserId user, const std::string& key,
                          const StoredAnswer& answer, Instant now);

}  // namespace ces::store
