#pragma once
// The open export: the whole service as one CSV file per table with a schema file, readable
// by anyone and loadable by `ces import` into an empty database with nothing lost, so a council
// can change provider with its data. Format (also written to README.md in the export):
// - manifest.csv: key,value rows (format, schema_version, exported_at).
// - tables.csv: table,file,rows,description, in load order.
// - schema.json: every table with its columns (name, type integer|real|text, nullable, key)
//   and description.
// - <table>.csv: RFC 4180 with a header row of column names. NULL is written \N; a text value
//   starting with a backslash gets one more in front. Reals are written with 17 significant
//   digits so they read back bit for bit.
// Sign-in sessions and idempotency keys are transient and not exported.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

struct ColumnSchema {
    std::string name;
    std::string type;  ///< integer, real or text.
    bool nullable = true;
    bool key = false;  ///< Part of the primary key.
};

struct TableSchema {
    std::string name;
    std::string description;
    std::vector<ColumnSchema> columns;
    std::int64_t rows = 0;
};

/// The tables exported, in an order that loads parents before children.
std::vector<TableSchema> exportSchema(Connection& c);

/// Writes one table as CSV (rows in primary-key order).
void writeTableCsv(Connection& c, const TableSchema& table, std::ostream& out);
/// Writes one table as a JSON array of objects (NULL as null, integers as numbers).
void writeTableJson(Connection& c, const TableSchema& table, std::ostream& out);
/// The schema document (schema.json).
void writeSchemaJson(const std::vector<TableSchema>& tables, int schemaVersion,
                     const std::string& exportedAt, std::ostream& out);

/// What an export or import did.
struct TransferSummary {
    std::size_t tables = 0;
    std::int64_t rows = 0;
};

/// Writes the whole export into `directory` (created if missing; existing export files are
/// replaced).
TransferSummary exportToDirectory(Connection& c, const std::filesystem::path& directory,
                                  Instant now);

/// Loads an export into this (empty, migrated) database in the caller's transaction.
/// Conflict("not_empty") if any exported table already has rows; ValidationError for a
/// different schema version or a malformed file (naming file and line).
TransferSummary importFromDirectory(Connection& c, const std::filesystem::path& directory);

}  // namespace ces::store
