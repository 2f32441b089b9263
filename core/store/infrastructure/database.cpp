#include "core/store/infrastructure/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/URI.h>
#include <sqlite3.h>

#include <chrono>
#include <stdexcept>

#include "core/store/infrastructure/migrations.h"

namespace ces::store {

namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite's allocation statistics take one process-wide mutex on every malloc and free;
        // with the writer and the readers on their own threads it was the most contended lock
        // of the server. Only possible before SQLite initialises; if a caller opened SQLite
        // first the statistics stay on, which is slower and no less correct.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

bool isPostgresUrl(const std::string& location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

// postgresql://user:password@host:port/dbname -> libpq's "host=... port=... dbname=..." form.
std::string libpqConnectionString(const std::string& url) {
    Poco::URI uri(url);
    std::string user = uri.getUserInfo();
    std::string password;
    if (auto colon = user.find(':'); colon != std::string::npos) {
        password = user.substr(colon + 1);
        user = user.substr(0, colon);
    }
    std::string result = "host=" + (uri.getHost().empty() ? "127.0.0.1" : uri.getHost()) +
                         " port=" + std::to_string(uri.getPort() ? uri.getPort() : 5432) +
                         " dbname=" + uri.getPath().substr(uri.getPath().empty() ? 0 : 1);
    if (!user.empty()) result += " user=" + user;
    if (!password.empty()) result += " password=" + password;
    return result;
}

}  // namespace

Database::Database(const std::string& location, std::size_t readers) : location_(location) {
    registerConnectors();
    if (isPostgresUrl(location)) dialect_ = Dialect::postgresql;
    auto writer = open(true);
    applyMigrations(*writer);
    writer_ = std::make_unique<WriteQueue>(std::move(writer));
    for (std::size_t i = 0; i < readers; ++i) idleReaders_.push_back(open(false));
}

Database::~Database() = default;

std::unique_ptr<Connection> Database::open(bool writer) const {
    if (dialect_ == Dialect::postgresql) {
        Poco::Data::Session session("PostgreSQL", libpqConnectionString(location_));
        auto connection = std::make_unique<Connection>(std::move(session), Dialect::postgresql);
        // Durable before acknowledged, as with SQLite's synchronous=FULL.
        connection->execute("SET synchronous_commit = on");
        return connection;
    }
    Poco::Data::Session session("SQLite", location_);
    auto connection = std::make_unique<Connection>(std::move(session), Dialect::sqlite);
    connection->execute("PRAGMA busy_timeout = 10000");
    connection->execute("PRAGMA foreign_keys = ON");
    // Statement journals (each group-commit job is a savepoint) and sort b-trees stay in memory:
    // spilled to temporary files they cost the single writer a file create, writes and unlink.
    connection->execute("PRAGMA temp_store = MEMORY");
    if (writer) {
        connection->query("PRAGMA journal_mode = WAL");
        // Durable before acknowledged: every commit reaches the disk.
        connection->execute("PRAGMA synchronous = FULL");
    }
    return connection;
}

namespace {

// PostgreSQL has no integrity PRAGMA: every table is counted (each row read, so a damaged page
// errors), then, where the amcheck extension is installed, every B-tree index is checked for
// structural consistency. Names come from the catalogue, quoted by format('%I').
constexpr const char* kCountEveryTable =
    "SELECT sum((xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', "
    "table_name), false, true, '')))[1]::text::bigint)::bigint FROM information_schema.tables "
    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
constexpr const char* kHasAmcheck = "SELECT count(*) FROM pg_extension WHERE extname = 'amcheck'";
constexpr const char* kCheckEveryIndex =
    "SELECT count(bt_index_check(c.oid)::text) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE a.amname = 'btree' AND n.nspname = 'public' AND i.indisready AND i.indisvalid";

std::string checkPostgres(Connection& c) {
    c.query(kCountEveryTable);
    if (c.query(kHasAmcheck).integer(0, 0) > 0) c.query(kCheckEveryIndex);
    return "ok";
}

}  // namespace

std::string Database::integrityCheck() {
    return read([&](Connection& c) {
        if (dialect_ == Dialect::postgresql) return checkPostgres(c);
        Rows rows = c.query("PRAGMA integrity_check");
        std::string result;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (!result.empty()) result += "\n";
            result += rows.text(i, 0);
        }
        return result;
    });
}

Database::Lease::Lease(Database& database) : db(database) {
    std::unique_lock lock(db.poolMutex_);
    if (db.idleReaders_.empty()) {
        ++db.waitingReaders_;
        const auto started = std::chrono::steady_clock::now();
        db.poolFree_.wait(lock, [&] { return !db.idleReaders_.empty(); });
        --db.waitingReaders_;
        db.readerWaits_.observe(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    connection = std::move(db.idleReaders_.back());
    db.idleReaders_.pop_back();
}

Database::Lease::~Lease() {
    bool wake = false;
    {
        std::lock_guard lock(db.poolMutex_);
        db.idleReaders_.push_back(std::move(connection));
        wake = db.waitingReaders_ > 0;
    }
    if (wake) db.poolFree_.notify_one();
}

}  // namespace ces::store
