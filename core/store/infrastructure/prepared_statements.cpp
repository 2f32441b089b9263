#include "core/store/infrastructure/prepared_statements.h"

#include <cstdio>
#include <stdexcept>

namespace ces::store {

namespace {

// Resets a statement however run() leaves, so the next use starts clean.
struct ResetOnExit {
    sqlite3_stmt* statement;
    ~ResetOnExit() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
};

SqlValue cell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
            return std::int64_t{sqlite3_column_int64(statement, column)};
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        case SQLITE_NULL:
            return std::monostate{};
        default: {
            const auto* text = sqlite3_column_text(statement, column);
            return std::string(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
        }
    }
}

}  // namespace

PreparedStatements::~PreparedStatements() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
}

void PreparedStatements::fail(const std::string& sql) const {
    throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(handle_) +
                             " in: " + sql.substr(0, 200));
}

sqlite3_stmt* PreparedStatements::statementFor(const std::string& sql) {
    if (auto found = cache_.find(sql); found != cache_.end()) return found->second;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(handle_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
        fail(sql);
    }
    if (statement == nullptr) throw std::runtime_error("SQLite: empty statement");
    cache_.emplace(sql, statement);
    return statement;
}

Rows PreparedStatements::run(const std::string& sql, const std::vector<SqlValue>& params,
                             std::size_t* changes) {
    sqlite3_stmt* statement = statementFor(sql);
    ResetOnExit reset{statement};
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)) != params.size()) {
        throw std::logic_error(
            "SQL takes " + std::to_string(sqlite3_bind_parameter_count(statement)) +
            " parameters, " + std::to_string(params.size()) + " given: " + sql.substr(0, 200));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        char name[24];
        std::snprintf(name, sizeof name, "$%zu", i + 1);
        const int index = sqlite3_bind_parameter_index(statement, name);
        if (index == 0)
            throw std::logic_error(std::string("SQL has no placeholder ") + name + ": " + sql);
        const int result = std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    return sqlite3_bind_null(statement, index);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    return sqlite3_bind_int64(statement, index, value);
                } else if constexpr (std::is_same_v<T, double>) {
                    return sqlite3_bind_double(statement, index, value);
                } else {
                    return sqlite3_bind_text(statement, index, value.data(),
                                             static_cast<int>(value.size()), SQLITE_TRANSIENT);
                }
            },
            params[i]);
        if (result != SQLITE_OK) fail(sql);
    }
    std::vector<std::vector<SqlValue>> rows;
    const int columns = sqlite3_column_count(statement);
    for (;;) {
        const int step = sqlite3_step(statement);
        if (step == SQLITE_DONE) break;
        if (step != SQLITE_ROW) fail(sql);
        std::vector<SqlValue> row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int column = 0; column < columns; ++column) row.push_back(cell(statement, column));
        rows.push_back(std::move(row));
    }
    if (changes) *changes = static_cast<std::size_t>(sqlite3_changes(handle_));
    return Rows(std::move(rows));
}

}  // namespace ces::store
