#include "core/store/admin/failed_tries.h"

#include "core/credentials.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kTriesSince =
    "SELECT COUNT(*), MIN(at) FROM failed_tries WHERE limiter = $1 AND key_hash = $2 AND at >= $3";
const char* const kRecordTry =
    "INSERT INTO failed_tries (limiter, key_hash, at) VALUES ($1, $2, $3)";
const char* const kForgetOld = "DELETE FROM failed_tries WHERE limiter = $1 AND at < $2";
const char* const kForgetKey = "DELETE FROM failed_tries WHERE limiter = $1 AND key_hash = $2";

std::string keyHash(const std::string& key) { return sha256Hex(key); }

}  // namespace

FailedTries failedTriesSince(Connection& c, const std::string& limiter, const std::string& key,
                             Instant since) {
    const Rows rows = c.query(kTriesSince, {limiter, keyHash(key), formatInstant(since)});
    FailedTries tries;
    tries.count = rows.integer(0, 0);
    if (!rows.isNull(0, 1)) tries.oldest = instantAt(rows, 0, 1, "failed try time");
    return tries;
}

void recordFailedTry(Connection& c, const std::string& limiter, const std::string& key, Instant at,
                     Instant forgetBefore) {
    c.execute(kForgetOld, {limiter, formatInstant(forgetBefore)});
    c.execute(kRecordTry, {limiter, keyHash(key), formatInstant(at)});
}

void forgetFailedTries(Connection& c, const std::string& limiter, const std::string& key) {
    c.execute(kForgetKey, {limiter, keyHash(key)});
}

}  // namespace ces::store
