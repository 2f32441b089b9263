// `ces backup --db PATH|URL FILE` and `ces restore --db PATH|URL FILE`: a whole-database copy,
// safe while `ces serve` is writing (see core/store/infrastructure/backup.h).
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "core/store/infrastructure/backup.h"

namespace ces::cli {

namespace {

struct Request {
    std::string database;
    std::string file;
    bool force = false;
};

// One positional FILE, anywhere among `--db X [--force]`.
Request parse(const std::vector<std::string>& args, const char* command) {
    std::vector<std::string> rest;
    std::string file;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) {
            rest.push_back(args[i]);
            rest.push_back(args[++i]);
        } else if (args[i].starts_with("--") || !file.empty()) {
            rest.push_back(args[i]);
        } else {
            file = args[i];
        }
    }
    const Options options(rest, {"db"}, {"force"});
    const auto database = options.value("db");
    if (!database) throw UsageError(std::string("ces ") + command + " needs --db PATH|URL");
    if (file.empty()) throw UsageError(std::string("ces ") + command + " needs a FILE");
    return {*database, file, options.flag("force")};
}

// Pages done / total, a line at every tenth of the copy (and at the end).
store::CopyProgress progressPrinter(const char* command) {
    return [command, shown = std::int64_t{-1}](std::int64_t done, std::int64_t total) mutable {
        const std::int64_t tenth = total > 0 ? done * 10 / total : 10;
        if (tenth == shown) return;
        shown = tenth;
        std::cout << "ces " << command << ": " << done << "/" << total << " pages" << std::endl;
    };
}

}  // namespace

int runBackup(const std::vector<std::string>& args) {
    const Request request = parse(args, "backup");
    const auto summary = store::backupDatabase(request.database, request.file, request.force,
                                               progressPrinter("backup"));
    std::cout << "ces backup: " << request.database << " -> " << request.file << ", "
              << summary.bytes << " bytes" << std::endl;
    return 0;
}

int runRestore(const std::vector<std::string>& args) {
    const Request request = parse(args, "restore");
    const auto summary = store::restoreDatabase(request.file, request.database, request.force,
                                                progressPrinter("restore"));
    std::cout << "ces restore: " << request.file << " -> " << request.database << "; integrity "
              << summary.integrity << std::endl;
    return summary.integrity == "ok" ? 0 : 1;
}

}  // namespace ces::cli
