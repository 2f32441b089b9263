#pragma once
// Counts failed tries per key (client address, order reference) in a sliding window, so that
// order references cannot be enumerated through the resident lookup.
#include "core/iso_time.h"

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ces::web {

class RateLimiter {
public:
    RateLimiter(std::size_t maxFailures, std::chrono::seconds window)
        : maxFailures_(maxFailures), window_(window) {}
    /// Seconds until `key` may try again (0 when it may try now).
    int blockedFor(const std::string& key, Instant now);
    void recordFailure(const std::string& key, Instant now);

private:
    void forgetOld(std::deque<Instant>& tries, Instant now) const;
    std::size_t maxFailures_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Instant>> failures_;
};

}  // namespace ces::web
