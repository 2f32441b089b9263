#pragma once
// Independent re-validation of a plan: every test and the CLI run it on what the solver returns.
#include <string>
#include <vector>

#include "routing/vrptw/solution.h"

namespace ces::routing {

/// Every broken rule in a solution, one message each; empty means the solution is valid.
/// Checks: each job exactly once (routed or unassigned), each vehicle at most once, skills and
/// allowed vehicles, windows (waiting allowed), load at every point within capacity, shift start
/// and end. `tolerance` absorbs floating-point rounding in time sums.
std::vector<std::string> check(const Problem& problem, const Solution& solution,
                               Time tolerance = Time(1e-6));

}  // namespace ces::routing
