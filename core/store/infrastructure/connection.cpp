#include "core/store/infrastructure/connection.h"

#include <Poco/Data/Binding.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/Dynamic/Var.h>

#include "core/store/infrastructure/prepared_statements.h"

namespace ces::store {

using Poco::Data::Statement;

namespace {

void bindAll(Statement& statement, const std::vector<SqlValue>& params) {
    for (const auto& param : params) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    statement, Poco::Data::Keywords::use(Poco::Data::Keywords::null);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    statement, Poco::Data::Keywords::bind(static_cast<Poco::Int64>(value));
                } else {
                    statement, Poco::Data::Keywords::bind(value);
                }
            },
            param);
    }
}

SqlValue plain(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return std::monostate{};
    if (value.isInteger()) return std::int64_t{value.convert<Poco::Int64>()};
    if (value.isNumeric()) return value.convert<double>();
    return value.convert<std::string>();
}

Rows collect(Statement& statement) {
    Poco::Data::RecordSet records(statement);
    std::vector<std::vector<SqlValue>> cells;
    cells.reserve(records.rowCount());
    const std::size_t columns = records.columnCount();
    for (std::size_t row = 0; row < records.rowCount(); ++row) {
        std::vector<SqlValue> values;
        values.reserve(columns);
        for (std::size_t col = 0; col < columns; ++col) {
            values.push_back(plain(records.value(col, row)));
        }
        cells.push_back(std::move(values));
    }
    return Rows(std::move(cells));
}

}  // namespace

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
        cells_.at(row).at(col));
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
    }
}

// The prepared statements are finalised before the session closes the database.
Connection::~Connection() { prepared_.reset(); }

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
    if (prepared_) return prepared_->run(sql, params, changes);
    Statement statement(session_);
    statement << sql;
    bindAll(statement, params);
    const std::size_t affected = statement.execute();
    if (changes) *changes = affected;
    return wantRows ? collect(statement) : Rows();
}

}  // namespace ces::store
