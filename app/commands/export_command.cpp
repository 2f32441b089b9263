// `ces export DIR --db PATH` and `ces import DIR --db PATH`: the open export (see
// core/store/infrastructure/export.h for the format).
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "core/store/infrastructure/database.h"
#include "core/store/infrastructure/export.h"

namespace ces::cli {

namespace {

Instant systemNow() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The first argument is the directory; the rest are options.
std::pair<std::string, Options> directoryAndOptions(const std::vector<std::string>& args,
                                                    const char* command) {
    if (args.empty() || args.front().starts_with("--")) {
        throw UsageError(std::string("ces ") + command + " needs a directory");
    }
    Options options(std::vector<std::string>(args.begin() + 1, args.end()), {"db"});
    return {args.front(), options};
}

}  // namespace

int runExport(const std::vector<std::string>& args) {
    const auto [directory, options] = directoryAndOptions(args, "export");
    store::Database db(options.value("db", "var/ces.db"), 2);
    const auto summary = db.read(
        [&](store::Connection& c) { return store::exportToDirectory(c, directory, systemNow()); });
    std::cout << "ces export: " << summary.tables << " tables, " << summary.rows << " rows in "
              << directory << std::endl;
    return 0;
}

int runImport(const std::vector<std::string>& args) {
    const auto [directory, options] = directoryAndOptions(args, "import");
    const auto path = options.value("db");
    if (!path) throw UsageError("ces import needs --db PATH (a new, empty database)");
    store::Database db(*path, 2);
    const auto summary =
        db.write([&](store::Connection& c) { return store::importFromDirectory(c, directory); });
    std::cout << "ces import: " << summary.tables << " tables, " << summary.rows << " rows into "
              << *path << "; integrity " << db.integrityCheck() << std::endl;
    return 0;
}

}  // namespace ces::cli
