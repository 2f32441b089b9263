#pragma once
// The stored settings, kept in memory: read again after an admin's change and at least every
// 30 seconds, so a second instance of the service sees a change within that time. Safe to ask
// inside a transaction: one caller at a time reloads, on one pooled reader, and the pool has
// more readers than the server has handler threads.
#include <chrono>
#include <memory>
#include <mutex>

#include "core/settings.h"
#include "core/store/infrastructure/database.h"

namespace ces::web {

class SettingsCache {
  public:
    /// How long a loaded history is trusted before the table is read again.
    static constexpr std::chrono::seconds kMaxAge{30};

    /// Every stored change (loaded when missing, stale or forgotten).
    std::shared_ptr<const SettingsHistory> history(store::Database& db);
    /// Forgets the loaded history (after a change), so the next reader loads it again.
    void forget();

  private:
    std::mutex mutex_;
    std::shared_ptr<const SettingsHistory> history_;
    std::chrono::steady_clock::time_point loadedAt_;
};

}  // namespace ces::web
