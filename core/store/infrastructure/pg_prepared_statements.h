#pragma once
// PostgreSQL statements prepared once per connection and reused, as PreparedStatements does for
// SQLite. Through Poco every statement was prepared, described, run and deallocated: four round
// trips, and the server parsed and planned it every time (bench/cluster found PostgreSQL's CPU,
// not the instances', the limit). Parameters and results travel as text, placeholders' types
// are inferred by the server, and result columns map to plain values by their type, as before.
#include <libpq-fe.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

class PgPreparedStatements {
  public:
    explicit PgPreparedStatements(PGconn* connection) : connection_(connection) {}
    PgPreparedStatements(const PgPreparedStatements&) = delete;
    PgPreparedStatements& operator=(const PgPreparedStatements&) = delete;

    /// Runs `sql` with `params`, answering its rows; `changes` (if given) receives the number
    /// of rows the statement changed.
    Rows run(const std::string& sql, const std::vector<SqlValue>& params, std::size_t* changes);

  private:
    /// The prepared statement's name, preparing it on first use; empty once the cache is full
    /// (generated SQL, such as many-row INSERTs, then runs unprepared).
    std::string nameFor(const std::string& sql);

    PGconn* connection_;
    std::unordered_map<std::string, std::string> names_;
};

}  // namespace ces::store
