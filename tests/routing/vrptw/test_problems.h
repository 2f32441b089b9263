#pragma once
// Small hand-made problems on a line or grid, shared by the solver tests.
#include <string>
#include <utility>
#include <vector>

#include "routing/vrptw/problem.h"
#include "routing/vrptw/solution.h"

namespace ces::routing::test {

/// Folder of the shared benchmark data (CES_SHARED/data, or the build's default).
std::string sharedDataDir();

/// A job at `location` with one window and the given demand and service time. Times are plain
/// numbers in the problem's unit, as a Solomon file gives them.
Job job(std::size_t location, Load demand, double ready, double due, double service = 0,
        JobKind kind = JobKind::delivery);

/// `count` identical vans at depot location 0 with the given capacity and shift (plain numbers).
std::vector<Vehicle> vans(std::size_t count, Load capacity, double shiftStart = 0,
                          double shiftEnd = kNoTimeLimit.value());

/// Euclidean problem: points[0] is the depot.
Problem euclidean(const std::vector<std::pair<double, double>>& points, std::vector<Job> jobs,
                  std::vector<Vehicle> vehicles);

/// Fails the current test with every violation the checker finds.
void requireValid(const Problem& problem, const Solution& solution);

/// Index of the route serving a job, or -1.
int routeOf(const Solution& solution, std::size_t job);

}  // namespace ces::routing::test
