#pragma once
// A database connection with bound-parameter statements ($1..$n placeholders, which SQLite and
// PostgreSQL both accept). All SQL of the project goes through here, from core/store only.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ces::store {

/// One bound parameter: NULL, integer, real or text.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// A query's result, copied out of the driver so the connection can be reused at once.
/// Cells are plain values (no heap allocation for numbers and short text).
class Rows {
  public:
    Rows() = default;
    explicit Rows(std::vector<std::vector<SqlValue>> cells) : cells_(std::move(cells)) {}
    std::size_t size() const { return cells_.size(); }  ///< Number of rows.
    bool empty() const { return cells_.empty(); }
    bool isNull(std::size_t row, std::size_t col) const;
    std::int64_t integer(std::size_t row, std::size_t col) const;  ///< 0 for NULL.
    double real(std::size_t row, std::size_t col) const;           ///< 0.0 for NULL.
    std::string text(std::size_t row, std::size_t col) const;      ///< "" for NULL.
    std::optional<std::string> optionalText(std::size_t row, std::size_t col) const;

  private:
    std::vector<std::vector<SqlValue>> cells_;
};

/// "($1, $2), ($3, $4)" for 2 rows of 2 columns: the VALUES of a many-row INSERT.
std::string valuesPlaceholders(std::size_t rows, std::size_t columns);

/// A value as text, as Rows::text reads a cell: empty for NULL.
std::string sqlText(const SqlValue& value);

/// Which SQL engine is behind a connection; chooses the few dialect-specific statements.
enum class Dialect { sqlite, postgresql };

class PreparedStatements;
class PgPreparedStatements;

/// A session plus helpers; used by one thread at a time. Statements run through a cache of
/// prepared statements on the session's own handle, SQLite's or libpq's (Poco::Data prepares
/// every statement anew and copies results through RecordSet: on SQLite that made it the
/// bottleneck of the single writer, on PostgreSQL the server's parsing and planning the
/// cluster's).
class Connection {
  public:
    Connection(Poco::Data::Session session, Dialect dialect);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Dialect dialect() const { return dialect_; }
    void execute(const std::string& sql, const std::vector<SqlValue>& params = {});
    /// Runs an INSERT ... RETURNING id and answers the id.
    std::int64_t insert(const std::string& sql, const std::vector<SqlValue>& params = {});
    /// Rows changed by the last statement (for conditional updates).
    std::size_t executeCounting(const std::string& sql, const std::vector<SqlValue>& params = {});
    Rows query(const std::string& sql, const std::vector<SqlValue>& params = {});
    Poco::Data::Session& session() { return session_; }

  private:
    Rows run(const std::string& sql, const std::vector<SqlValue>& params, std::size_t* changes,
             bool wantRows);

    Poco::Data::Session session_;
    Dialect dialect_;
    std::unique_ptr<PreparedStatements> prepared_;      // SQLite
    std::unique_ptr<PgPreparedStatements> pgPrepared_;  // PostgreSQL
};

}  // namespace ces::store
