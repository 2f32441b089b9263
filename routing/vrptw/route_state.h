#pragma once
// A route with cached forward/backward schedule and load data, so that testing whether a job fits
// between two stops costs O(1) (windows: earliest departure vs latest start; load: prefix/suffix
// peaks). Shared by construction, search and slot offers.
#include <cstddef>
#include <optional>
#include <vector>

#include "routing/vrptw/problem.h"

namespace ces::routing {

/// Backward bounds are derived by subtraction while the forward schedule adds; this margin keeps
/// a route accepted by the O(1) test feasible when re-timed forwards, whatever the rounding.
inline constexpr Time kRoundingMargin(1e-9);

/// Earliest service start at or after `arrival` within the job's windows, if any window is left.
std::optional<Time> earliestStartAfter(const Job& job, Time arrival);

/// Latest service start no later than `bound` within the job's windows, if any.
std::optional<Time> latestStartBefore(const Job& job, Time bound);

/// A vehicle's route with caches; call refresh() after changing `jobs`.
class RouteState {
  public:
    /// Per position: 0 is the start depot, 1..n the jobs, n+1 the end depot.
    struct Node {
        std::size_t location = 0;
        Time departure{};     ///< earliest departure (positions 0..n)
        Time latest{};        ///< latest service start keeping the rest feasible (1..n+1)
        Load load = 0;        ///< load on board when leaving (0..n)
        Load peakBefore = 0;  ///< max load over positions 0..k
        Load peakAfter = 0;   ///< max load over positions k..n
        /// Least time from the start of service at k to the end depot (services and travel,
        /// no waiting; 0 at n+1): a route taking this tail cannot be back sooner.
        Time rest{};
    };

    /// An empty route for a vehicle.
    RouteState(const Problem& problem, std::size_t vehicle);
    /// A route with the given jobs; call feasible() to know whether it keeps all rules.
    RouteState(const Problem& problem, std::size_t vehicle, std::vector<std::size_t> jobs);

    /// Recomputes caches from `jobs`.
    void refresh(const Problem& problem);
    /// True when windows, shift and capacity hold for the whole route (after refresh()).
    [[nodiscard]] bool feasible() const { return feasible_; }
    /// Travel cost of the route (0 when empty).
    [[nodiscard]] Distance distance() const { return distance_; }
    /// Number of jobs.
    [[nodiscard]] std::size_t size() const { return jobs.size(); }
    /// Cached data by position (see Node).
    [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }

    /// Added travel cost of serving `job` right after position `after` (0..size()), or nullopt
    /// when windows, shift or capacity would break. Skills are the caller's business. The job need
    /// not belong to the problem (slot offers test a new job), only its location must.
    [[nodiscard]] std::optional<Distance> insertionCost(const Problem& problem, const Job& job,
                                                        std::size_t after) const;

    /// Puts `job` after `position` stops and refreshes the caches.
    void insert(const Problem& problem, std::size_t position, std::size_t job);

    std::size_t vehicle;            ///< index into Problem::vehicles()
    std::vector<std::size_t> jobs;  ///< job indices in visiting order

  private:
    std::vector<Node> nodes_;
    Distance distance_{};
    bool feasible_ = true;
};

}  // namespace ces::routing
