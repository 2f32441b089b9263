#pragma once
// SQLite statements prepared once per connection and reused: binding by placeholder name
// ($1..$n), so the order placeholders appear in the SQL does not matter.
#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

class PreparedStatements {
  public:
    explicit PreparedStatements(sqlite3* handle) : handle_(handle) {}
    ~PreparedStatements();
    PreparedStatements(const PreparedStatements&) = delete;
    PreparedStatements& operator=(const PreparedStatements&) = delete;

    /// Runs `sql` with `params`, answering its rows; `changes` (if given) receives the number
    /// of rows the statement changed.
    Rows run(const std::string& sql, const std::vector<SqlValue>& params, std::size_t* changes);

  private:
    sqlite3_stmt* statementFor(const std::string& sql);
    [[noreturn]] void fail(const std::string& sql) const;

    sqlite3* handle_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace ces::store
