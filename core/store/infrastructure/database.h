#pragma once
// The store: one writer (group commit) and a pool of readers over one database.
// SQLite by default (a file path); the same SQL is written to run on PostgreSQL.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/write_queue.h"

namespace ces::store {

class Database {
  public:
    /// Opens (creating if needed) the database at `location` and applies pending migrations.
    Database(const std::string& location, std::size_t readers);
    ~Database();

    Dialect dialect() const { return dialect_; }
    const char* kindName() const { return dialect_ == Dialect::sqlite ? "sqlite" : "postgresql"; }

    /// Runs `work` on a pooled read connection (waits for one when all are busy).
    template <class Work>
    auto read(Work&& work) -> decltype(work(std::declval<Connection&>())) {
        Lease lease(*this);
        return work(*lease.connection);
    }

    /// Runs `work` in a write transaction; returns after it has durably committed.
    template <class Work>
    auto write(Work&& work) -> decltype(work(std::declval<Connection&>())) {
        return writer_->write(std::forward<Work>(work));
    }

    WriteQueue& writeQueue() { return *writer_; }

    /// Reads that found every pooled connection busy, and how long they waited (for /metrics).
    const Histogram& readerWaits() const { return readerWaits_; }

    /// PRAGMA integrity_check: "ok" or the problems found.
    std::string integrityCheck();

  private:
    struct Lease {
        explicit Lease(Database& db);
        ~Lease();
        Database& db;
        std::unique_ptr<Connection> connection;
    };
    std::unique_ptr<Connection> open(bool writer) const;

    std::string location_;
    Dialect dialect_ = Dialect::sqlite;
    std::unique_ptr<WriteQueue> writer_;
    std::mutex poolMutex_;
    std::condition_variable poolFree_;
    std::vector<std::unique_ptr<Connection>> idleReaders_;
    std::size_t waitingReaders_ = 0;  // wake a waiter only when there is one
    Histogram readerWaits_{secondsBuckets()};
};

}  // namespace ces::store
