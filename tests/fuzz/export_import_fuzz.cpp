// `ces import`: one table's CSV of an open export, loaded into a migrated in-memory SQLite
// database (rolled back after each input). A refusal is any exception (the command prints it
// and exits 1); a crash, leak or sanitizer report is a finding. The first byte picks the table.
#include <Poco/Data/SQLite/Connector.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/export.h"
#include "core/store/infrastructure/migrations.h"

namespace {

namespace fs = std::filesystem;

const char* const kTables[] = {"funders", "teams",
                               "items",   "residents",
                               "orders",  "collection_points",
                               "ledger",  "district_population"};

struct Fixture {
    std::unique_ptr<ces::store::Connection> connection;
    fs::path directory;
};

Fixture& fixture() {
    static Fixture* made = [] {
        Poco::Data::SQLite::Connector::registerConnector();
        auto* f = new Fixture;
        f->connection = std::make_unique<ces::store::Connection>(
            Poco::Data::Session("SQLite", ":memory:"), ces::store::Dialect::sqlite);
        ces::store::applyMigrations(*f->connection);
        f->directory =
            fs::temp_directory_path() / ("ces-import-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(f->directory);
        std::ofstream(f->directory / "manifest.csv")
            << "key,value\r\nformat,ces-open-export-1\r\nschema_version,"
            << ces::store::latestMigration() << "\r\n";
        std::atexit([] { fs::remove_all(fixture().directory); });
        return f;
    }();
    return *made;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    Fixture& f = fixture();
    const std::string table = kTables[data[0] % (sizeof kTables / sizeof kTables[0])];
    std::ofstream(f.directory / "tables.csv", std::ios::trunc)
        << "table,file,rows,description\r\n"
        << table << "," << table << ".csv,0,\r\n";
    std::ofstream(f.directory / (table + ".csv"), std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    f.connection->execute("BEGIN");
    try {
        (void)ces::store::importFromDirectory(*f.connection, f.directory);
    } catch (const std::exception&) {
    }
    f.connection->execute("ROLLBACK");
    return 0;
}
