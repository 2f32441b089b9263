#pragma once
// Backup and restore of a whole database, safe while `ces serve` is writing.
// SQLite: the online backup API copies one consistent snapshot (a read transaction held for the
// whole copy, so concurrent commits neither block nor restart it) into a standalone file.
// PostgreSQL: pg_dump -Fc / pg_restore (found in PATH or /usr/lib/postgresql/*/bin).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace ces::store {

/// Called after each step of a SQLite copy with the pages copied so far and the total.
using CopyProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct BackupSummary {
    std::int64_t pages = 0;    ///< Pages copied (SQLite; 0 for PostgreSQL).
    std::uintmax_t bytes = 0;  ///< Size of the backup file.
    std::string integrity;     ///< Restore only: PRAGMA integrity_check ("ok" when sound).
};

/// Copies the database at `location` (a SQLite path or a postgresql:// URL) into `file`.
/// The copy is written beside `file` and renamed into place once complete. Refuses an existing
/// `file` unless `force`.
BackupSummary backupDatabase(const std::string& location, const std::filesystem::path& file,
                             bool force, const CopyProgress& progress);

/// Loads the backup `file` into `location`, which must be new or empty unless `force`
/// (Conflict "not_empty" otherwise), then checks its integrity.
BackupSummary restoreDatabase(const std::filesystem::path& file, const std::string& location,
                              bool force, const CopyProgress& progress);

}  // namespace ces::store
