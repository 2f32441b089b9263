#include "web/rate_limiter.h"

#include <algorithm>
#include <functional>

#include "core/store/admin/failed_tries.h"

namespace ces::web {

RateLimiter::Shard& RateLimiter::shardFor(const std::string& key) {
    return shards_[std::hash<std::string>{}(key) % kShards];
}

void RateLimiter::forgetOld(std::deque<Instant>& tries, Instant now) const {
    while (!tries.empty() && tries.front() + window_.load(std::memory_order_relaxed) <= now)
        tries.pop_front();
}

void RateLimiter::setLimits(std::size_t maxFailures, std::chrono::seconds window) {
    maxFailures_.store(maxFailures, std::memory_order_relaxed);
    window_.store(window, std::memory_order_relaxed);
}

void RateLimiter::shareThrough(store::Database& db, std::string name) {
    shared_ = &db;
    sharedName_ = std::move(name);
}

int RateLimiter::sharedBlockedFor(const std::string& key, Instant now) {
    const auto window = window_.load(std::memory_order_relaxed);
    const auto tries = shared_->read([&](store::Connection& c) {
        return store::failedTriesSince(c, sharedName_, key, now - window);
    });
    if (tries.count < static_cast<std::int64_t>(maxFailures_.load(std::memory_order_relaxed)) ||
        !tries.oldest) {
        return 0;
    }
    return std::max(1, static_cast<int>((*tries.oldest + window - now).count()));
}

int RateLimiter::blockedFor(const std::string& key, Instant now) {
    if (shared_) return sharedBlockedFor(key, now);
    Shard& shard = shardFor(key);
    if (shard.keys.load(std::memory_order_acquire) == 0) return 0;
    std::lock_guard lock(shard.mutex);
    auto found = shard.failures.find(key);
    if (found == shard.failures.end()) return 0;
    forgetOld(found->second, now);
    if (found->second.size() < maxFailures_.load(std::memory_order_relaxed)) {
        if (found->second.empty()) {
            shard.failures.erase(found);
            shard.keys.store(shard.failures.size(), std::memory_order_release);
        }
        return 0;
    }
    return static_cast<int>(
        (found->second.front() + window_.load(std::memory_order_relaxed) - now).count());
}

void RateLimiter::recordFailure(const std::string& key, Instant now) {
    if (shared_) {
        const auto window = window_.load(std::memory_order_relaxed);
        shared_->write([&](store::Connection& c) {
            store::recordFailedTry(c, sharedName_, key, now, now - window);
        });
        return;
    }
    Shard& shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    auto& tries = shard.failures[key];
    forgetOld(tries, now);
    tries.push_back(now);
    // Bound memory under a flood of distinct keys: drop keys whose tries have all expired.
    if (shard.failures.size() > kMaxKeysPerShard) {
        for (auto it = shard.failures.begin(); it != shard.failures.end();) {
            forgetOld(it->second, now);
            it = it->second.empty() ? shard.failures.erase(it) : std::next(it);
        }
    }
    shard.keys.store(shard.failures.size(), std::memory_order_release);
}

void RateLimiter::forget(const std::string& key) {
    if (shared_) {
        shared_->write(
            [&](store::Connection& c) { store::forgetFailedTries(c, sharedName_, key); });
        return;
    }
    Shard& shard = shardFor(key);
    if (shard.keys.load(std::memory_order_acquire) == 0) return;
    std::lock_guard lock(shard.mutex);
    shard.failures.erase(key);
    shard.keys.store(shard.failures.size(), std::memory_order_release);
}

}  // namespace ces::web
