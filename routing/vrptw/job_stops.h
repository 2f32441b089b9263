#pragma once
// Where each routed job is in a search state, for the granular moves and insertions that start
// from a job's nearest jobs.
#include <cstddef>
#include <vector>

#include "routing/vrptw/search_state.h"

namespace ces::routing {

/// Each routed job's route (index into SearchState::routes) and stop (1..n); call update() for a
/// route whose jobs changed.
class JobStops {
  public:
    /// No job routed, out of `jobs`.
    explicit JobStops(std::size_t jobs) : route_(jobs, -1), stop_(jobs, 0) {}
    /// The jobs of every route of `state`, out of `jobs`.
    JobStops(const SearchState& state, std::size_t jobs) : JobStops(jobs) {
        for (std::size_t r = 0; r < state.routes.size(); ++r) {
            update(state.routes[r], r);
        }
    }
    /// Records where the jobs of `route`, route index `r`, now are.
    void update(const RouteState& route, std::size_t r) {
        for (std::size_t k = 0; k < route.size(); ++k) {
            route_[route.jobs[k]] = static_cast<int>(r);
            stop_[route.jobs[k]] = k + 1;
        }
    }
    /// The job's route index; -1 when it is not routed.
    [[nodiscard]] int route(std::size_t job) const { return route_[job]; }
    /// The job's stop on its route (1..n).
    [[nodiscard]] std::size_t stop(std::size_t job) const { return stop_[job]; }

  private:
    std::vector<int> route_;
    std::vector<std::size_t> stop_;
};

}  // namespace ces::routing
