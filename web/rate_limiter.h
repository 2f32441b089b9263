#pragma once
// Counts failed tries per key (client address, order reference) in a sliding window, so that
// order references cannot be enumerated through the resident lookup. In this process's memory,
// or in the database when instances share one (PostgreSQL behind a balancer).
#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"

namespace ces::web {

class RateLimiter {
  public:
    RateLimiter(std::size_t maxFailures, std::chrono::seconds window)
        : maxFailures_(maxFailures), window_(window) {}
    /// From now on counts in `db` rather than in this process, so that every instance on one
    /// PostgreSQL database enforces one limit; `name` tells this limiter's tries from others'.
    void shareThrough(store::Database& db, std::string name);
    /// Changes the limits (the settings in force); safe while other threads ask.
    void setLimits(std::size_t maxFailures, std::chrono::seconds window);
    /// Seconds until `key` may try again (0 when it may try now).
    int blockedFor(const std::string& key, Instant now);
    void recordFailure(const std::string& key, Instant now);
    /// Forgets the failures of `key` (it succeeded).
    void forget(const std::string& key);

  private:
    // Every tracking read asks; keys are spread over shards so that concurrent reads rarely
    // wait for one another, and a shard with no failures is answered without its lock.
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::string, std::deque<Instant>> failures;
        std::atomic<std::size_t> keys{0};
    };
    static constexpr std::size_t kShards = 16;
    static constexpr std::size_t kMaxKeysPerShard = 100000 / kShards;
    Shard& shardFor(const std::string& key);
    int sharedBlockedFor(const std::string& key, Instant now);
    void forgetOld(std::deque<Instant>& tries, Instant now) const;
    std::atomic<std::size_t> maxFailures_;
    std::atomic<std::chrono::seconds> window_;
    std::array<Shard, kShards> shards_;
    store::Database* shared_ = nullptr;
    std::string sharedName_;
};

}  // namespace ces::web
