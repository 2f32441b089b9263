#pragma once
// Backups on a schedule: each run copies the database into a directory under a name that says
// when (ces-20261206T020000Z.db, or .dump from PostgreSQL) and then keeps only the newest N of
// those files there (anything else in the directory is left alone).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/iso_time.h"

namespace ces::store {

/// What one scheduled backup did.
struct RotatedBackup {
    std::filesystem::path file;  ///< The backup written (or found, when this second's existed).
    std::uintmax_t bytes = 0;
    std::vector<std::filesystem::path> removed;  ///< Older backups beyond the newest `keep`.
};

/// The file name of a backup taken at `at` of a database at `location`.
std::string backupFileName(const std::string& location, Instant at);

/// Backs `location` up into `directory` (made if missing) as backupFileName(location, now), then
/// removes the oldest of the backups named so there beyond the newest `keep` (1 or more:
/// ValidationError "backup-keep" otherwise). A backup of the same second already there counts as
/// done, so running it again changes nothing.
RotatedBackup backupIntoDirectory(const std::string& location,
                                  const std::filesystem::path& directory, int keep, Instant now);

}  // namespace ces::store
