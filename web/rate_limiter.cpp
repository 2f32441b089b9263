#include "web/rate_limiter.h"

namespace ces::web {

void RateLimiter::forgetOld(std::deque<Instant>& tries, Instant now) const {
    while (!tries.empty() && tries.front() + window_ <= now) tries.pop_front();
}

int RateLimiter::blockedFor(const std::string& key, Instant now) {
    std::lock_guard lock(mutex_);
    auto found = failures_.find(key);
    if (found == failures_.end()) return 0;
    forgetOld(found->second, now);
    if (found->second.size() < maxFailures_) {
        if (found->second.empty()) failures_.erase(found);
        return 0;
    }
    return static_cast<int>((found->second.front() + window_ - now).count());
}

void RateLimiter::recordFailure(const std::string& key, Instant now) {
    std::lock_guard lock(mutex_);
    auto& tries = failures_[key];
    forgetOld(tries, now);
    tries.push_back(now);
    // Bound memory under a flood of distinct keys: drop keys whose tries have all expired.
    if (failures_.size() > 100000) {
        for (auto it = failures_.begin(); it != failures_.end();) {
            forgetOld(it->second, now);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
    }
}

}  // namespace ces::web
