#include "core/store/infrastructure/backup_rotation.h"

#include <algorithm>

#include "core/errors.h"
#include "core/store/infrastructure/backup.h"

namespace ces::store {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "ces-";

bool isPostgresUrl(const std::string& location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

// "ces-" + 16 characters of time (20261206T020000Z) + ".db" or ".dump": only what this wrote.
bool isScheduledBackup(const fs::path& file) {
    const std::string name = file.filename().string();
    const std::string extension = file.extension().string();
    if (!name.starts_with(kPrefix) || (extension != ".db" && extension != ".dump")) return false;
    const std::string stamp =
        name.substr(kPrefix.size(), name.size() - kPrefix.size() - extension.size());
    if (stamp.size() != 16 || stamp[8] != 'T' || stamp[15] != 'Z') return false;
    return std::all_of(stamp.begin(), stamp.begin() + 8, ::isdigit) &&
           std::all_of(stamp.begin() + 9, stamp.begin() + 15, ::isdigit);
}

}  // namespace

std::string backupFileName(const std::string& location, Instant at) {
    std::string stamp = formatInstant(at);  // 2026-12-06T02:00:00Z
    std::erase(stamp, '-');
    std::erase(stamp, ':');
    return std::string(kPrefix) + stamp + (isPostgresUrl(location) ? ".dump" : ".db");
}

RotatedBackup backupIntoDirectory(const std::string& location, const fs::path& directory, int keep,
                                  Instant now) {
    if (keep < 1) throw ValidationError("backup-keep", "keep at least 1 backup");
    fs::create_directories(directory);
    RotatedBackup done;
    done.file = directory / backupFileName(location, now);
    if (!fs::exists(done.file)) backupDatabase(location, done.file, false, {});
    done.bytes = fs::file_size(done.file);

    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.is_regular_file() && isScheduledBackup(entry.path())) {
            backups.push_back(entry.path());
        }
    }
    // The names sort as the times they were taken.
    std::sort(backups.begin(), backups.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string() > b.filename().string();
    });
    for (std::size_t i = static_cast<std::size_t>(keep); i < backups.size(); ++i) {
        fs::remove(backups[i]);
        done.removed.push_back(backups[i]);
    }
    return done;
}

}  // namespace ces::store
