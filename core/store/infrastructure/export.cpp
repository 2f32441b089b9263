#include "core/store/infrastructure/export.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/csv.h"
#include "core/errors.h"
#include "core/json_text.h"
#include "core/store/infrastructure/migrations.h"

namespace ces::store {

namespace {

const char* const kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
const char* const kPostgresTables =
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
    "ORDER BY table_name";
// The primary key is read from pg_index once per table: information_schema's key views, asked
// per column, took ~60 ms a table and made every export of a county seconds long.
const char* const kPostgresColumns =
    "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
    "WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position";
const char* const kPostgresPrimaryKey =
    "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
    "a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary";
const char* const kSchemaVersion = "SELECT MAX(version) FROM schema_migrations";
const char* const kDeferForeignKeys = "PRAGMA defer_foreign_keys = ON";

// Load order: parents before children. Tables not listed (added by a later migration) follow
// in name order.
const char* const kLoadOrder[] = {"funders",
                                  "teams",
                                  "users",
                                  "depots",
                                  "district_depots",
                                  "postcodes",
                                  "items",
                                  "item_equivalents",
                                  "item_suppliers",
                                  "item_maintenance",
                                  "stock",
                                  "residents",
                                  "resident_teams",
                                  "orders",
                                  "order_lines",
                                  "specials",
                                  "order_events",
                                  "loans",
                                  "assets",
                                  "asset_events",
                                  "vans",
                                  "crews",
                                  "visits",
                                  "plan_runs",
                                  "plans",
                                  "plan_routes",
                                  "plan_stops",
                                  "van_sign_ons",
                                  "outbox",
                                  "audit_log",
                                  "counters",
                                  "collection_points",
                                  "collections",
                                  "collection_items",
                                  "credit_policies",
                                  "settings",
                                  "ledger",
                                  "district_population",
                                  "stock_receipts",
                                  "stock_receipt_lines",
                                  "stock_receipt_assets",
                                  "counted_returns",
                                  "counted_settlements"};
// Transient or internal, or never to leave the service (key-safe codes, even sealed).
const std::set<std::string> kNotExported{
    "sessions",     "idempotency_keys", "schema_migrations", "sqlite_sequence",
    "sqlite_stat1", "sqlite_stat4",     "key_safes",         "jobs"};

const std::map<std::string, std::string>& descriptions() {
    static const std::map<std::string, std::string> d{
        {"funders", "Who pays: the council's budgets and the NHS integrated care board"},
        {"teams", "Prescribing teams, their funder and approval limit (pence)"},
        {"users", "Staff accounts and roles (password_hash is a salted hash)"},
        {"depots", "Warehouses where equipment is stored and vans start"},
        {"district_depots", "Which depot serves which district"},
        {"postcodes", "County postcodes with district and deprivation decile (IMD 2019)"},
        {"items", "The catalogue: code, category, unit price (pence), handling"},
        {"item_equivalents", "Close technical equivalents between catalogue items"},
        {"item_maintenance",
         "Each item's planned maintenance in homes: regime (none, loler, electrical, "
         "planned_service), interval in months and the skill its checks need"},
        {"stock", "Counts per depot and item by state"},
        {"residents",
         "People equipment is lent to (personal data); legacy_ref is the outgoing provider's "
         "reference of a migrated resident; deceased_on the date of death, once recorded"},
        {"resident_teams", "Which teams serve which residents"},
        {"competences",
         "The competences a prescriber may need to order an item (the admin's list)"},
        {"user_competences",
         "Which prescriber holds which competence, until when, granted by whom"},
        {"orders", "Orders with speed, status, due time, funder and delivery time"},
        {"order_lines", "Items ordered, unit price (pence) and the depot that reserved them"},
        {"specials", "Non-catalogue items and their purchase steps"},
        {"order_events", "Every status change of every order"},
        {"loans",
         "Equipment on loan: started at delivery (or when the outgoing provider lent it: "
         "legacy_ref is their loan reference), ended when returned"},
        {"assets", "Barcoded items: state, place, loan, inspection dates"},
        {"asset_events",
         "Every step of every asset (who, when, where); inspections are the "
         "inspect_pass/inspect_repair/inspect_scrap/inspect_in_home steps"},
        {"visits", "Deliveries, collections, repairs and inspections with outcome"},
        {"plan_runs",
         "Each run of the planner over a horizon of working days: from, days, who, "
         "how long, visits late and left out"},
        {"plans", "Route plans per day (run_id: the horizon run that made it)"},
        {"plan_routes", "Each van's route of a plan, with distance"},
        {"plan_stops", "The stops of each route"},
        {"van_sign_ons", "Which driver signed on to which van on a day"},
        {"outbox", "Notifications sent or waiting"},
        {"audit_log", "Every change and every read of personal data"},
        {"counters", "Sequence counters for references and barcodes"},
        {"collection_points", "Household waste recycling centres that take equipment back"},
        {"collections", "Collection requests with reason, due time and outcome"},
        {"collection_items", "The loans and assets each collection brings back"},
        {"credit_policies", "Credit rates by date range, category and condition (basis points)"},
        {"settings",
         "The service's configurable numbers: every change, in force from its date, with who "
         "set it and why"},
        {"ledger", "Finance ledger, append only: issues (+), credits (-) and corrections (pence)"},
        {"district_population", "Residents per district for per-1,000 rates"},
        {"stock_receipts", "Goods in: deliveries from suppliers to depots"},
        {"stock_receipt_lines", "What each delivery from a supplier brought"},
        {"stock_receipt_assets", "The barcoded assets each line of a delivery registered"},
        {"counted_returns", "Returns of counted items, with the loan they came back from"},
        {"counted_settlements", "Counted units passed or scrapped at inspection, by return"},
    };
    return d;
}

std::string typeOf(std::string declared) {
    std::transform(declared.begin(), declared.end(), declared.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (declared.find("INT") != std::string::npos) return "integer";
    if (declared.find("DOUBLE") != std::string::npos ||
        declared.find("REAL") != std::string::npos || declared.find("FLOA") != std::string::npos ||
        declared.find("NUMERIC") != std::string::npos) {
        return "real";
    }
    return "text";
}

std::vector<ColumnSchema> columnsOf(Connection& c, const std::string& table) {
    std::vector<ColumnSchema> columns;
    if (c.dialect() == Dialect::sqlite) {
        Rows rows = c.query("PRAGMA table_info(" + table + ")");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            columns.push_back({rows.text(i, 1), typeOf(rows.text(i, 2)),
                               rows.integer(i, 3) == 0 && rows.integer(i, 5) == 0,
                               rows.integer(i, 5) > 0});
        }
    } else {
        Rows key = c.query(kPostgresPrimaryKey, {table});
        auto inKey = [&](const std::string& column) {
            for (std::size_t k = 0; k < key.size(); ++k) {
                if (key.text(k, 0) == column) return true;
            }
            return false;
        };
        Rows rows = c.query(kPostgresColumns, {table});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            columns.push_back({rows.text(i, 0), typeOf(rows.text(i, 1)), rows.text(i, 2) == "YES",
                               inKey(rows.text(i, 0))});
        }
    }
    return columns;
}

// A cell as exact text; nullopt for NULL.
std::optional<std::string> cellText(const Poco::Dynamic::Var& cell) {
    if (cell.isEmpty()) return std::nullopt;
    if (cell.type() == typeid(double) || cell.type() == typeid(float)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", cell.convert<double>());
        return std::string(buffer);
    }
    return cell.convert<std::string>();
}

// Visits every row of a table in primary-key order, a page at a time.
template <class Visit>
void eachRow(Connection& c, const TableSchema& table, Visit&& visit) {
    std::string order;
    for (const auto& column : table.columns) {
        if (column.key) order += (order.empty() ? "" : ", ") + column.name;
    }
    if (order.empty()) {
        for (const auto& column : table.columns) order += (order.empty() ? "" : ", ") + column.name;
    }
    const bool byId = order == "id";
    constexpr std::size_t kPage = 20000;
    std::int64_t lastId = -1;
    std::size_t offset = 0;
    for (;;) {
        Poco::Data::Statement statement(c.session());
        if (byId) {
            statement << "SELECT * FROM " + table.name + " WHERE id > " + std::to_string(lastId) +
                             " ORDER BY id LIMIT " + std::to_string(kPage);
        } else {
            statement << "SELECT * FROM " + table.name + " ORDER BY " + order + " LIMIT " +
                             std::to_string(kPage) + " OFFSET " + std::to_string(offset);
        }
        statement.execute();
        Poco::Data::RecordSet records(statement);
        const std::size_t count = records.rowCount();
        for (std::size_t row = 0; row < count; ++row) {
            std::vector<std::optional<std::string>> cells;
            for (std::size_t col = 0; col < records.columnCount(); ++col) {
                cells.push_back(cellText(records.value(col, row)));
            }
            visit(cells);
            if (byId) lastId = records.value(0, row).convert<Poco::Int64>();
        }
        offset += count;
        if (count < kPage) break;
    }
}

std::ofstream openOut(const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return out;
}

SqlValue bindValue(const ColumnSchema& column, const std::string& text, const std::string& where) {
    if (text == "\\N") return std::monostate{};
    std::string value = text.starts_with("\\") ? text.substr(1) : text;
    try {
        if (column.type == "integer") {
            std::size_t used = 0;
            const long long n = std::stoll(value, &used);
            if (used == value.size()) return std::int64_t{n};
        } else if (column.type == "real") {
            std::size_t used = 0;
            const double d = std::stod(value, &used);
            if (used == value.size()) return d;
        }
    } catch (const std::exception&) {
        throw ValidationError(where, "'" + value + "' is not a " + column.type);
    }
    return value;
}

}  // namespace

std::vector<TableSchema> exportSchema(Connection& c) {
    std::vector<std::string> present;
    Rows rows = c.query(c.dialect() == Dialect::sqlite ? kSqliteTables : kPostgresTables);
    for (std::size_t i = 0; i < rows.size(); ++i) present.push_back(rows.text(i, 0));
    std::vector<std::string> names;
    for (const char* name : kLoadOrder) {
        if (std::find(present.begin(), present.end(), name) != present.end()) names.push_back(name);
    }
    for (const auto& name : present) {
        // report_* tables are roll-ups derived from the exported rows; an import rebuilds them.
        if (!kNotExported.count(name) && !name.starts_with("sqlite_") &&
            !name.starts_with("report_") &&
            std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
        }
    }
    std::vector<TableSchema> tables;
    for (const auto& name : names) {
        TableSchema table;
        table.name = name;
        const auto found = descriptions().find(name);
        table.description = found == descriptions().end() ? "" : found->second;
        table.columns = columnsOf(c, name);
        table.rows = c.query("SELECT COUNT(*) FROM " + name).integer(0, 0);
        tables.push_back(table);
    }
    return tables;
}

void writeTableCsv(Connection& c, const TableSchema& table, std::ostream& out) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        out << (i ? "," : "") << csvField(table.columns[i].name);
    }
    out << "\r\n";
    eachRow(c, table, [&](const std::vector<std::optional<std::string>>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out << ',';
            if (!cells[i]) {
                out << "\\N";
            } else {
                out << csvField(cells[i]->starts_with("\\") ? "\\" + *cells[i] : *cells[i]);
            }
        }
        out << "\r\n";
    });
}

void writeTableJson(Connection& c, const TableSchema& table, std::ostream& out) {
    out << "[";
    bool first = true;
    eachRow(c, table, [&](const std::vector<std::optional<std::string>>& cells) {
        out << (first ? "\n{" : ",\n{");
        first = false;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out << (i ? "," : "") << jsonString(table.columns[i].name) << ":";
            if (!cells[i])
                out << "null";
            else if (table.columns[i].type == "text")
                out << jsonString(*cells[i]);
            else
                out << *cells[i];
        }
        out << "}";
    });
    out << "\n]\n";
}

void writeSchemaJson(const std::vector<TableSchema>& tables, int schemaVersion,
                     const std::string& exportedAt, std::ostream& out) {
    out << "{\n\"format\": \"ces-open-export-1\",\n\"schema_version\": " << schemaVersion
        << ",\n\"exported_at\": " << jsonString(exportedAt)
        << ",\n\"null_in_csv\": \"\\\\N\",\n\"money\": \"integer pence\",\n"
           "\"times\": \"ISO 8601 UTC, e.g. 2026-03-02T10:00:00Z\",\n\"tables\": [";
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const auto& table = tables[t];
        out << (t ? ",\n" : "\n") << "{\"name\": " << jsonString(table.name)
            << ", \"file\": " << jsonString(table.name + ".csv") << ", \"rows\": " << table.rows
            << ", \"description\": " << jsonString(table.description) << ", \"columns\": [";
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const auto& column = table.columns[i];
            out << (i ? ", " : "") << "{\"name\": " << jsonString(column.name)
                << ", \"type\": " << jsonString(column.type)
                << ", \"nullable\": " << (column.nullable ? "true" : "false")
                << ", \"key\": " << (column.key ? "true" : "false") << "}";
        }
        out << "]}";
    }
    out << "\n]\n}\n";
}

TransferSummary exportToDirectory(Connection& c, const std::filesystem::path& directory,
                                  Instant now) {
    std::filesystem::create_directories(directory);
    const auto tables = exportSchema(c);
    const int version = static_cast<int>(c.query(kSchemaVersion).integer(0, 0));
    TransferSummary summary;
    {
        auto manifest = openOut(directory / "manifest.csv");
        manifest << "key,value\r\nformat,ces-open-export-1\r\nschema_version," << version
                 << "\r\nexported_at," << formatInstant(now) << "\r\n";
        auto list = openOut(directory / "tables.csv");
        list << "table,file,rows,description\r\n";
        for (const auto& table : tables) {
            list << table.name << "," << table.name << ".csv," << table.rows << ","
                 << csvField(table.description) << "\r\n";
        }
        auto schema = openOut(directory / "schema.json");
        writeSchemaJson(tables, version, formatInstant(now), schema);
        auto readme = openOut(directory / "README.md");
        readme << "# Community Equipment Service: open export\n\n"
                  "One CSV file per table (header row of column names, RFC 4180), listed in "
                  "load order in tables.csv and described column by column in schema.json.\n"
                  "NULL is written \\N; a text value that starts with a backslash has one more "
                  "backslash in front. Money is integer pence; times are ISO 8601 UTC.\n"
                  "Load it into an empty database with `ces import DIR --db PATH`.\n";
    }
    for (const auto& table : tables) {
        auto out = openOut(directory / (table.name + ".csv"));
        writeTableCsv(c, table, out);
        ++summary.tables;
        summary.rows += table.rows;
    }
    return summary;
}

namespace {

std::ifstream openIn(const std::filesystem::path& directory, const std::string& name) {
    std::ifstream in(directory / name, std::ios::binary);
    if (!in) throw ValidationError(name, "the export has no " + name);
    return in;
}

// The export's manifest must name this format and this database's schema version.
void checkManifest(Connection& c, const std::filesystem::path& directory) {
    std::map<std::string, std::string> manifest;
    auto in = openIn(directory, "manifest.csv");
    CsvTable table(in);
    while (table.next()) manifest[table.field("key")] = table.field("value");
    const int version = static_cast<int>(c.query(kSchemaVersion).integer(0, 0));
    if (manifest["format"] != "ces-open-export-1" ||
        manifest["schema_version"] != std::to_string(version)) {
        throw ValidationError("manifest.csv",
                              "the export is schema version " + manifest["schema_version"] +
                                  "; this database is version " + std::to_string(version));
    }
}

// Tables a migration fills with defaults (the competence list): an import replaces their rows
// with the export's, so the county's own list comes back as it was.
const std::set<std::string> kDefaultedByMigrations{"competences"};

// The database's tables by name; Conflict unless every one is empty (or holds only what the
// migrations put there, which is cleared).
std::map<std::string, TableSchema> emptyTablesByName(Connection& c) {
    std::map<std::string, TableSchema> byName;
    for (const auto& table : exportSchema(c)) {
        if (table.rows > 0 && !kDefaultedByMigrations.contains(table.name)) {
            throw Conflict("not_empty", "table " + table.name +
                                            " already has rows; import needs "
                                            "an empty database");
        }
        byName[table.name] = table;
    }
    for (const auto& name : kDefaultedByMigrations) c.execute("DELETE FROM " + name);
    return byName;
}

// The table's columns in the order of the file's header row.
std::vector<const ColumnSchema*> columnsOfHeader(const TableSchema& table, std::istream& in,
                                                 const std::string& file) {
    const auto header = readCsvRecord(in);
    if (!header) throw ValidationError(file, "no header row");
    std::vector<const ColumnSchema*> columns;
    for (const auto& name : *header) {
        const auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                         [&](const auto& k) { return k.name == name; });
        if (column == table.columns.end()) throw ValidationError(file, "unknown column " + name);
        columns.push_back(&*column);
    }
    return columns;
}

// Inserts the rows of one table's CSV file; answers how many.
std::size_t importTable(Connection& c, const TableSchema& table, std::istream& in) {
    const std::string file = table.name + ".csv";
    const auto columns = columnsOfHeader(table, in, file);
    std::string columnList;
    std::string placeholders;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        columnList += (i ? ", " : "") + columns[i]->name;
        placeholders += (i ? ", $" : "$") + std::to_string(i + 1);
    }
    const std::string insert =
        "INSERT INTO " + table.name + " (" + columnList + ") VALUES (" + placeholders + ")";
    std::size_t rows = 0;
    std::size_t line = 1;
    while (auto record = readCsvRecord(in)) {
        ++line;
        if (record->size() != columns.size()) {
            throw ValidationError(file + ":" + std::to_string(line),
                                  "expected " + std::to_string(columns.size()) + " fields");
        }
        std::vector<SqlValue> values;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            values.push_back(
                bindValue(*columns[i], (*record)[i], file + ":" + std::to_string(line)));
        }
        c.execute(insert, values);
        ++rows;
    }
    if (c.dialect() == Dialect::postgresql &&
        std::any_of(columns.begin(), columns.end(),
                    [](const ColumnSchema* k) { return k->name == "id" && k->key; })) {
        c.execute("SELECT setval(pg_get_serial_sequence('" + table.name +
                  "', 'id'), COALESCE((SELECT MAX(id) FROM " + table.name + "), 0) + 1, false)");
    }
    return rows;
}

}  // namespace

TransferSummary importFromDirectory(Connection& c, const std::filesystem::path& directory) {
    checkManifest(c, directory);
    const auto byName = emptyTablesByName(c);
    if (c.dialect() == Dialect::sqlite) c.execute(kDeferForeignKeys);
    TransferSummary summary;
    auto list = openIn(directory, "tables.csv");
    CsvTable tables(list);
    while (tables.next()) {
        const std::string name = tables.field("table");
        const auto found = byName.find(name);
        if (found == byName.end()) throw ValidationError("tables.csv", "unknown table " + name);
        auto in = openIn(directory, name + ".csv");
        summary.rows += importTable(c, found->second, in);
        ++summary.tables;
    }
    return summary;
}

}  // namespace ces::store
