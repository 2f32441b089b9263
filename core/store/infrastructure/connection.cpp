#include "core/store/infrastructure/connection.h"

#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Dynamic/Var.h>

#include "core/store/infrastructure/pg_prepared_statements.h"
#include "core/store/infrastructure/prepared_statements.h"

namespace ces::store {

std::string valuesPlaceholders(std::size_t rows, std::size_t columns) {
    std::string sql;
    for (std::size_t row = 0; row < rows; ++row) {
        sql.append(row == 0 ? "(" : ", (");
        for (std::size_t column = 0; column < columns; ++column) {
            sql.append(column == 0 ? "$" : ", $");
            sql.append(std::to_string(row * columns + column + 1));
        }
        sql.append(")");
    }
    return sql;
}

bool Rows::isNull(std::size_t row, std::size_t col) const {
    return std::holds_alternative<std::monostate>(cells_.at(row).at(col));
}

std::int64_t Rows::integer(std::size_t row, std::size_t col) const {
    return std::visit(
        [](const auto& value) -> std::int64_t {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return 0;
            } else if constexpr (std::is_same_v<T, std::string>) {
                return std::stoll(value);  // PostgreSQL answers some aggregates as text
            } else {
                return static_cast<std::int64_t>(value);
            }
        },
        cells_.at(row).at(col));
}

double Rows::real(std::size_t row, std::size_t col) const {
    return std::visit(
        [](const auto& value) -> double {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return 0.0;
            } else if constexpr (std::is_same_v<T, std::string>) {
                return std::stod(value);
            } else {
                return static_cast<double>(value);
            }
        },
        cells_.at(row).at(col));
}

std::string Rows::text(std::size_t row, std::size_t col) const {
    return sqlText(cells_.at(row).at(col));
}

std::string sqlText(const SqlValue& value) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return {};
            } else if constexpr (std::is_same_v<T, std::string>) {
                return value;
            } else if constexpr (std::is_same_v<T, double>) {
                return Poco::Dynamic::Var(value).convert<std::string>();
            } else {
                return std::to_string(value);
            }
        },
        value);
}

std::optional<std::string> Rows::optionalText(std::size_t row, std::size_t col) const {
    if (isNull(row, col)) return std::nullopt;
    return text(row, col);
}

Connection::Connection(Poco::Data::Session session, Dialect dialect)
    : session_(std::move(session)), dialect_(dialect) {
    if (dialect_ == Dialect::sqlite) {
        prepared_ =
            std::make_unique<PreparedStatements>(Poco::Data::SQLite::Utility::dbHandle(session_));
    } else {
        auto* impl = static_cast<Poco::Data::PostgreSQL::SessionImpl*>(session_.impl());
        pgPrepared_ = std::make_unique<PgPreparedStatements>(impl->handle());
    }
}

// The prepared statements are finalised before the session closes the database.
Connection::~Connection() {
    prepared_.reset();
    pgPrepared_.reset();
}

void Connection::execute(const std::string& sql, const std::vector<SqlValue>& params) {
    run(sql, params, nullptr, false);
}

std::size_t Connection::executeCounting(const std::string& sql,
                                        const std::vector<SqlValue>& params) {
    std::size_t changes = 0;
    run(sql, params, &changes, false);
    return changes;
}

std::int64_t Connection::insert(const std::string& sql, const std::vector<SqlValue>& params) {
    Rows rows = query(sql, params);
    return rows.integer(0, 0);
}

Rows Connection::query(const std::string& sql, const std::vector<SqlValue>& params) {
    return run(sql, params, nullptr, true);
}

Rows Connection::run(const std::string& sql, const std::vector<SqlValue>& params,
                     std::size_t* changes, bool wantRows) {
    Rows rows =
        prepared_ ? prepared_->run(sql, params, changes) : pgPrepared_->run(sql, params, changes);
    return wantRows ? std::move(rows) : Rows();
}

}  // namespace ces::store
