#pragma once
// `ces route ...`: the route planner on its own (benchmarks, road-graph import, matrices).
#include <string>
#include <vector>

namespace ces::cli {

/// Runs `ces route <args...>` (args exclude "route"); returns the process exit code.
/// Handles `solve`; hands road-graph subcommands to runRouteGraphCommand.
int runRouteCommand(const std::vector<std::string>& args);

/// Road-graph subcommands: `import`, `matrix`, `snap` (args start with the subcommand).
int runRouteGraphCommand(const std::vector<std::string>& args);

}  // namespace ces::cli
