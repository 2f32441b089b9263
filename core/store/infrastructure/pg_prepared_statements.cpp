#include "core/store/infrastructure/pg_prepared_statements.h"

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace ces::store {

namespace {

// Distinct statements kept per connection; the service's own SQL is a few hundred texts.
constexpr std::size_t kMostPrepared = 1000;

// Type ids from PostgreSQL's catalog (pg_type.h), for the columns read as numbers.
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

[[noreturn]] void fail(PGconn* connection, const PGresult* result, const std::string& sql) {
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    throw std::runtime_error(std::string("PostgreSQL: ") + message + " in: " + sql.substr(0, 200));
}

SqlValue cell(const PGresult* result, int row, int column) {
    if (PQgetisnull(result, row, column)) return std::monostate{};
    const char* text = PQgetvalue(result, row, column);
    switch (PQftype(result, column)) {
        case kInt2:
        case kInt4:
        case kInt8:
            return std::int64_t{std::strtoll(text, nullptr, 10)};
        case kBool:
            return std::int64_t{text[0] == 't' ? 1 : 0};
        case kFloat4:
        case kFloat8:
        case kNumeric:
            return std::strtod(text, nullptr);
        default:
            return std::string(text, static_cast<std::size_t>(PQgetlength(result, row, column)));
    }
}

}  // namespace

std::string PgPreparedStatements::nameFor(const std::string& sql) {
    if (auto found = names_.find(sql); found != names_.end()) return found->second;
    if (names_.size() >= kMostPrepared) return {};
    std::string name = "ces_" + std::to_string(names_.size() + 1);
    const Result prepared(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr), &PQclear);
    if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
        fail(connection_, prepared.get(), sql);
    }
    names_.emplace(sql, name);
    return name;
}

Rows PgPreparedStatements::run(const std::string& sql, const std::vector<SqlValue>& params,
                               std::size_t* changes) {
    std::vector<std::string> texts;
    texts.reserve(params.size());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& param : params) texts.push_back(sqlText(param));
    for (std::size_t i = 0; i < params.size(); ++i) {
        values.push_back(std::holds_alternative<std::monostate>(params[i]) ? nullptr
                                                                           : texts[i].c_str());
    }
    const int count = static_cast<int>(params.size());
    const std::string name = nameFor(sql);
    const Result result(name.empty() ? PQexecParams(connection_, sql.c_str(), count, nullptr,
                                                    values.data(), nullptr, nullptr, 0)
                                     : PQexecPrepared(connection_, name.c_str(), count,
                                                      values.data(), nullptr, nullptr, 0),
                        &PQclear);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        fail(connection_, result.get(), sql);
    }
    if (changes)
        *changes = static_cast<std::size_t>(std::strtoull(PQcmdTuples(result.get()), nullptr, 10));
    if (status != PGRES_TUPLES_OK) return Rows();
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    std::vector<std::vector<SqlValue>> cells;
    cells.reserve(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        std::vector<SqlValue> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) {
            values.push_back(cell(result.get(), row, column));
        }
        cells.push_back(std::move(values));
    }
    return Rows(std::move(cells));
}

}  // namespace ces::store
