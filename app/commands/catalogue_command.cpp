// `ces catalogue import FILE --db PATH [--dry-run]`: the admin's CSV catalogue import from the
// command line, with the same checks and report as POST /api/v1/catalogue/import.
#include <fstream>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/infrastructure/database.h"

namespace ces::cli {

int runCatalogue(const std::vector<std::string>& args) {
    if (args.size() < 2 || args[0] != "import" || args[1].starts_with("--")) {
        throw UsageError("ces catalogue import FILE --db PATH [--dry-run]");
    }
    const Options options(std::vector<std::string>(args.begin() + 2, args.end()), {"db"},
                          {"dry-run"});
    const auto path = options.value("db");
    if (!path) throw UsageError("ces catalogue import needs --db PATH");
    std::ifstream file(args[1], std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + args[1]);
    const bool dryRun = options.flag("dry-run");
    store::Database db(*path, 2);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto report = db.write([&](store::Connection& c) {
        return store::importCatalogue(c, file, dryRun, std::nullopt, now);
    });
    for (const auto& error : report.errors) {
        std::cerr << "line " << error.line << ", " << error.field << ": " << error.message << "\n";
    }
    std::cout << "ces catalogue import" << (dryRun ? " (dry run)" : "") << ": " << report.created
              << " created, " << report.updated << " updated, " << report.unchanged
              << " unchanged, " << report.errors.size() << " errors"
              << (report.errors.empty() && !dryRun ? "" : "; nothing written") << std::endl;
    return report.errors.empty() ? 0 : 1;
}

}  // namespace ces::cli
