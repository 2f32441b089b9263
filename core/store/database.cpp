#include "core/store/database.h"

#include "core/store/migrations.h"

#include <Poco/Data/SQLite/Connector.h>

#include <stdexcept>

namespace ces::store {

namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

}  // namespace

Database::Database(const std::string& location, std::size_t readers) : location_(location) {
    if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
        throw std::runtime_error("PostgreSQL stores are not built into this version of ces yet");
    }
    registerConnectors();
    auto writer = open(true);
    applyMigrations(*writer);
    writer_ = std::make_unique<WriteQueue>(std::move(writer));
    for (std::size_t i = 0; i < readers; ++i) idleReaders_.push_back(open(false));
}

Database::~Database() = default;

std::unique_ptr<Connection> Database::open(bool writer) const {
    Poco::Data::Session session("SQLite", location_);
    auto connection = std::make_unique<Connection>(std::move(session), Dialect::sqlite);
    connection->execute("PRAGMA busy_timeout = 10000");
    connection->execute("PRAGMA foreign_keys = ON");
    if (writer) {
        connection->query("PRAGMA journal_mode = WAL");
        // Durable before acknowledged: every commit reaches the disk.
        connection->execute("PRAGMA synchronous = FULL");
    }
    return connection;
}

std::string Database::integrityCheck() {
    return read([](Connection& c) {
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
    db.poolFree_.wait(lock, [&] { return !db.idleReaders_.empty(); });
    connection = std::move(db.idleReaders_.back());
    db.idleReaders_.pop_back();
}

Database::Lease::~Lease() {
    {
        std::lock_guard lock(db.poolMutex_);
        db.idleReaders_.push_back(std::move(connection));
    }
    db.poolFree_.notify_one();
}

}  // namespace ces::store
