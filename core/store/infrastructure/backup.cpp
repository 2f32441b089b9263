#include "core/store/infrastructure/backup.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/errors.h"
#include "core/store/infrastructure/database.h"

namespace ces::store {

namespace fs = std::filesystem;

namespace {

// About 1 MB with SQLite's 4 KB pages: small enough for steady progress, large enough that the
// copy is not dominated by per-step overhead.
constexpr int kPagesPerStep = 256;
constexpr int kBusyTimeoutMs = 10'000;

bool isPostgresUrl(const std::string& location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

fs::path partialPath(const fs::path& file) {
    fs::path partial = file;
    partial += ".partial";
    return partial;
}

void refuseExisting(const fs::path& file, bool force) {
    if (!force && fs::exists(file)) {
        throw Conflict("exists", file.string() + " already exists; use --force to replace it");
    }
}

// ---- SQLite ------------------------------------------------------------------------------

class SqliteFile {
  public:
    SqliteFile(const fs::path& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr) != SQLITE_OK) {
            const std::string message = handle_ ? sqlite3_errmsg(handle_) : "out of memory";
            sqlite3_close_v2(handle_);
            throw std::runtime_error("cannot open " + path.string() + ": " + message);
        }
        sqlite3_busy_timeout(handle_, kBusyTimeoutMs);
    }
    ~SqliteFile() { sqlite3_close_v2(handle_); }
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;

    sqlite3* handle() const { return handle_; }

    void execute(const char* sql) {
        if (sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }

    /// Every row's first column, as text.
    std::vector<std::string> column(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle_, sql, -1, &statement, nullptr) != SQLITE_OK) fail(sql);
        std::vector<std::string> values;
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(statement, 0);
            values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE) fail(sql);
        return values;
    }

    std::int64_t tableCount() {
        return std::stoll(column("SELECT count(*) FROM sqlite_master")[0]);
    }

  private:
    [[noreturn]] void fail(const char* sql) const {
        throw std::runtime_error(std::string(sqlite3_errmsg(handle_)) + " (" + sql + ")");
    }

    sqlite3* handle_ = nullptr;
};

std::int64_t copyPages(SqliteFile& from, SqliteFile& to, const CopyProgress& progress) {
    sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(to.handle()));
    int rc = SQLITE_OK;
    std::int64_t total = 0;
    while (true) {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        total = sqlite3_backup_pagecount(backup);
        if (progress) progress(total - sqlite3_backup_remaining(backup), total);
        if (rc == SQLITE_DONE) break;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } else if (rc != SQLITE_OK) {
            break;
        }
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        throw std::runtime_error(std::string("backup: ") + sqlite3_errstr(rc));
    }
    return total;
}

BackupSummary backupSqlite(const fs::path& database, const fs::path& file, bool force,
                           const CopyProgress& progress) {
    refuseExisting(file, force);
    if (!fs::exists(database)) throw NotFound("no database at " + database.string());
    SqliteFile source(database, SQLITE_OPEN_READWRITE);
    // One read transaction for the whole copy: in WAL mode it pins a snapshot, so commits made
    // meanwhile by the server are neither blocked nor able to restart the copy.
    source.execute("BEGIN");
    source.tableCount();

    const fs::path partial = partialPath(file);
    fs::remove(partial);
    BackupSummary summary;
    try {
        SqliteFile copy(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        summary.pages = copyPages(source, copy, progress);
        // A standalone file: no -wal beside it is needed to read it.
        copy.column("PRAGMA journal_mode = DELETE");
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);  // never leave half a backup behind
        throw;
    }
    source.execute("COMMIT");
    fs::rename(partial, file);
    summary.bytes = fs::file_size(file);
    return summary;
}

BackupSummary restoreSqlite(const fs::path& file, const fs::path& database, bool force,
                            const CopyProgress& progress) {
    if (!fs::exists(file)) throw NotFound("no backup at " + file.string());
    SqliteFile backup(file, SQLITE_OPEN_READONLY);
    try {
        backup.tableCount();
    } catch (const std::runtime_error& error) {
        throw ValidationError("file", file.string() + " is not a SQLite backup: " + error.what());
    }
    SqliteFile target(database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!force && target.tableCount() > 0) {
        throw Conflict("not_empty", database.string() +
                                        " already holds a database; restore needs a new or empty "
                                        "one (or --force to replace it)");
    }
    BackupSummary summary;
    summary.pages = copyPages(backup, target, progress);
    const auto problems = target.column("PRAGMA integrity_check");
    for (const auto& problem : problems) {
        if (!summary.integrity.empty()) summary.integrity += "\n";
        summary.integrity += problem;
    }
    summary.bytes = fs::file_size(database);
    return summary;
}

// ---- PostgreSQL --------------------------------------------------------------------------

// pg_dump and friends: PATH first, then the newest Debian cluster's bin directory.
std::string postgresTool(const std::string& name) {
    std::vector<fs::path> directories;
    if (const char* path = std::getenv("PATH")) {
        std::istringstream parts(path);
        for (std::string part; std::getline(parts, part, ':');) {
            if (!part.empty()) directories.emplace_back(part);
        }
    }
    std::vector<fs::path> clusters;
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ignored)) {
        clusters.push_back(entry.path() / "bin");
    }
    std::sort(clusters.rbegin(), clusters.rend());
    directories.insert(directories.end(), clusters.begin(), clusters.end());
    for (const auto& directory : directories) {
        if (fs::exists(directory / name, ignored)) return (directory / name).string();
    }
    throw std::runtime_error(name + " not found in PATH or /usr/lib/postgresql/*/bin");
}

// Runs a PostgreSQL tool to completion; answers its output, throws with it on failure.
std::string runTool(const std::string& name, const std::vector<std::string>& args) {
    Poco::Pipe output;
    Poco::ProcessHandle process =
        Poco::Process::launch(postgresTool(name), args, nullptr, &output, &output);
    Poco::PipeInputStream stream(output);
    std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    const int code = process.wait();
    if (code != 0) {
        throw std::runtime_error(name + " failed (exit " + std::to_string(code) + "): " + text);
    }
    return text;
}

// pg_dump and pg_restore report no progress of their own; the command prints the outcome.
BackupSummary backupPostgres(const std::string& url, const fs::path& file, bool force) {
    refuseExisting(file, force);
    const fs::path partial = partialPath(file);
    fs::remove(partial);
    // pg_dump reads in one repeatable-read snapshot, so it too is safe while the server writes.
    runTool("pg_dump", {"--format=custom", "--file=" + partial.string(), "--dbname=" + url});
    fs::rename(partial, file);
    return {0, fs::file_size(file), {}};
}

BackupSummary restorePostgres(const fs::path& file, const std::string& url, bool force) {
    if (!fs::exists(file)) throw NotFound("no backup at " + file.string());
    const std::string tables = runTool(
        "psql", {"--dbname=" + url, "--no-psqlrc", "--tuples-only", "--no-align", "--command",
                 "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN "
                 "('pg_catalog', 'information_schema')"});
    const bool empty = std::stoll(tables) == 0;
    if (!empty && !force) {
        throw Conflict("not_empty",
                       "the database already has tables; restore needs an empty one "
                       "(or --force to replace them)");
    }
    std::vector<std::string> args = {"--no-owner", "--exit-on-error", "--single-transaction",
                                     "--dbname=" + url};
    if (!empty) args.insert(args.begin(), {"--clean", "--if-exists"});
    args.push_back(file.string());
    runTool("pg_restore", args);
    Database restored(url, 1);
    return {0, fs::file_size(file), restored.integrityCheck()};
}

}  // namespace

BackupSummary backupDatabase(const std::string& location, const fs::path& file, bool force,
                             const CopyProgress& progress) {
    if (isPostgresUrl(location)) return backupPostgres(location, file, force);
    return backupSqlite(location, file, force, progress);
}

BackupSummary restoreDatabase(const fs::path& file, const std::string& location, bool force,
                              const CopyProgress& progress) {
    if (isPostgresUrl(location)) return restorePostgres(file, location, force);
    return restoreSqlite(file, location, force, progress);
}

}  // namespace ces::store
