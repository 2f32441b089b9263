#include "tests/routing/vrptw/test_problems.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "routing/vrptw/checker.h"

namespace ces::routing::test {

std::string sharedDataDir() {
    const char* shared = std::getenv("CES_SHARED");
    return std::string(shared != nullptr && *shared != '\0' ? shared : CES_SHARED_DEFAULT) +
           "/data";
}

Job job(std::size_t location, Load demand, double ready, double due, double service, JobKind kind) {
    Job j;
    j.id = std::to_string(location);
    j.location = location;
    j.kind = kind;
    j.demand = demand;
    j.service = Time(service);
    j.windows = {TimeWindow(Time(ready), Time(due))};
    return j;
}

std::vector<Vehicle> vans(std::size_t count, Load capacity, double shiftStart, double shiftEnd) {
    std::vector<Vehicle> result(count);
    for (std::size_t v = 0; v < count; ++v) {
        result[v].id = "van" + std::to_string(v);
        result[v].capacity = capacity;
        result[v].shift = TimeWindow(Time(shiftStart), Time(shiftEnd));
    }
    return result;
}

Problem euclidean(const std::vector<std::pair<double, double>>& points, std::vector<Job> jobs,
                  std::vector<Vehicle> vehicles) {
    return Problem(Matrix::euclidean(points), std::move(jobs), std::move(vehicles));
}

void requireValid(const Problem& problem, const Solution& solution) {
    const std::vector<std::string> violations = check(problem, solution);
    for (const std::string& v : violations) {
        INFO(v);
    }
    REQUIRE_MESSAGE(violations.empty(), (violations.empty() ? "" : violations.front()));
}

int routeOf(const Solution& solution, std::size_t job) {
    for (std::size_t r = 0; r < solution.routes.size(); ++r) {
        for (std::size_t j : solution.routes[r].jobs) {
            if (j == job) {
                return static_cast<int>(r);
            }
        }
    }
    return -1;
}

}  // namespace ces::routing::test
