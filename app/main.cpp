// ces: the Community Equipment Service. One executable; the first argument picks the command.
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "app/commands/route_command.h"

namespace {

const char* const kUsage =
    "usage: ces <command> [options]\n"
    "  serve --db PATH [--port N] [--threads N] [--geo-dir DIR]   serve the API\n"
    "        [--road-graph FILE]                                   plan on the county's roads\n"
    "        [--public-url URL]                                    address in residents' links\n"
    "        [--smtp-url smtp://HOST:PORT --mail-from ADDRESS]     send e-mail\n"
    "        [--notify-url URL --notify-key KEY --notify-template ID]  send texts (GOV.UK Notify)\n"
    "        [--clock-from ISO_TIME]                               rehearse from that moment\n"
    "        [--secrets-key-file FILE]                             keep key-safe codes sealed\n"
    "  demo --db PATH [--seed N] [--geo-dir DIR] [--road-graph FILE]  create the demo county\n"
    "  check --db PATH                                             integrity check\n"
    "  export DIR [--db PATH]                                      open export (CSV + schema)\n"
    "  import DIR --db PATH                                        load an export, empty db\n"
    "  backup --db PATH|URL FILE [--force]                         copy a live database\n"
    "  restore --db PATH|URL FILE [--force]                        load a backup, empty db\n"
    "  catalogue import FILE --db PATH [--dry-run]                 import catalogue items (CSV)\n"
    "  migrate FILE_OR_DIR --db PATH --mapping FILE --team NAME    bring in an outgoing\n"
    "        [--dry-run] [--geo-dir DIR]                           provider's records\n"
    "  route solve FILE [--time-limit-ms N] [--seed N] [--threads N] [--objective O]\n"
    "  route import OSMFILE GRAPHFILE                              build a road-graph file\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    try {
        if (command == "serve") return ces::cli::runServe(args);
        if (command == "demo") return ces::cli::runDemo(args);
        if (command == "check") return ces::cli::runCheck(args);
        if (command == "export") return ces::cli::runExport(args);
        if (command == "import") return ces::cli::runImport(args);
        if (command == "backup") return ces::cli::runBackup(args);
        if (command == "restore") return ces::cli::runRestore(args);
        if (command == "catalogue") return ces::cli::runCatalogue(args);
        if (command == "migrate") return ces::cli::runMigrate(args);
        if (command == "route") return ces::cli::runRouteCommand(args);
        std::cerr << kUsage;
        return 2;
    } catch (const ces::cli::UsageError& e) {
        std::cerr << "ces " << command << ": " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ces " << command << ": " << e.what() << std::endl;
        return 1;
    }
}
