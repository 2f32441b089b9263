#include "web/settings_cache.h"

#include "core/store/admin/settings.h"

namespace ces::web {

std::shared_ptr<const SettingsHistory> SettingsCache::history(store::Database& db) {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (!history_ || now - loadedAt_ >= kMaxAge) {
        history_ = std::make_shared<const SettingsHistory>(
            db.read([](store::Connection& c) { return store::loadSettings(c); }));
        loadedAt_ = now;
    }
    return history_;
}

void SettingsCache::forget() {
    std::lock_guard lock(mutex_);
    history_.reset();
}

}  // namespace ces::web
