#pragma once
// The `ces` subcommands other than `route` (see route_command.h).
#include <string>
#include <vector>

namespace ces::cli {

int runServe(const std::vector<std::string>& args);      ///< `ces serve --db PATH [--port N] ...`
int runDemo(const std::vector<std::string>& args);       ///< `ces demo --db PATH [--seed N] ...`
int runCheck(const std::vector<std::string>& args);      ///< `ces check --db PATH`
int runExport(const std::vector<std::string>& args);     ///< `ces export DIR [--db PATH]`
int runImport(const std::vector<std::string>& args);     ///< `ces import DIR --db PATH`
int runBackup(const std::vector<std::string>& args);     ///< `ces backup --db PATH|URL FILE`
int runRestore(const std::vector<std::string>& args);    ///< `ces restore --db PATH|URL FILE`
int runCatalogue(const std::vector<std::string>& args);  ///< `ces catalogue import FILE --db PATH`
int runMigrate(const std::vector<std::string>& args);  ///< `ces migrate FILE_OR_DIR --db PATH ...`

/// Where the shared data lives: $CES_SHARED, else ../shared beside the source checkout.
std::string sharedDataDir();
/// The repository's data/ folder: $CES_DATA, else the one this build came from.
std::string repositoryDataDir();

}  // namespace ces::cli
