#include "routing/vrptw/ejection.h"

#include <algorithm>
#include <limits>

namespace ces::routing {

namespace {

/// Depth-first search over ejection sets of one route with the job already inserted. Stops are
/// the start depot, the jobs, then the end depot; a set is extended left to right, so the kept
/// stops before the next ejection can be timed forwards once, and the untouched tail is checked in
/// O(1) against its latest start.
class EjectionSearch {
  public:
    EjectionSearch(const Problem& problem, const RouteState& route, std::size_t job, std::size_t at,
                   const std::vector<std::int64_t>& penalty, std::size_t maxEjected,
                   std::int64_t bound)
        : problem_(problem),
          vehicle_(problem.vehicles()[route.vehicle]),
          penalty_(penalty),
          maxEjected_(maxEjected),
          best_(bound) {
        jobs_ = route.jobs;
        jobs_.insert(jobs_.begin() + static_cast<std::ptrdiff_t>(at), job);
        inserted_ = at + 1;
        const std::size_t n = jobs_.size();
        location_.resize(n + 2);
        location_[0] = vehicle_.startLocation;
        for (std::size_t k = 0; k < n; ++k) {
            location_[k + 1] = problem.jobs()[jobs_[k]].location;
        }
        location_[n + 1] = vehicle_.endLocation;
        // Latest starts of the route with nothing ejected (valid for any untouched tail).
        const Matrix& m = problem.matrix();
        latest_.assign(n + 2, -kNoTimeLimit);
        latest_[n + 1] = vehicle_.shift.end();
        for (std::size_t k = n; k >= 1; --k) {
            const Job& j = problem.jobs()[jobs_[k - 1]];
            const Time bound = latest_[k + 1] - m.duration(location_[k], location_[k + 1]) -
                               j.service - kRoundingMargin;
            latest_[k] = latestStartBefore(j, bound).value_or(-kNoTimeLimit);
        }
        chosen_.reserve(maxEjected);
    }

    /// Runs the search; true when a set cheaper than the bound was found.
    bool run() {
        search(1, 0, vehicle_.shift.start(), 0);
        return !bestSet_.empty();
    }
    [[nodiscard]] std::int64_t best() const { return best_; }
    [[nodiscard]] const std::vector<std::size_t>& jobs() const { return jobs_; }
    /// Positions (1-based stops) of the best set.
    [[nodiscard]] const std::vector<std::size_t>& bestSet() const { return bestSet_; }

  private:
    /// Stops from `from` on are undecided; `last` is the last kept stop, left at `departure`.
    void search(std::size_t from, std::size_t last, Time departure, std::int64_t sum) {
        const Matrix& m = problem_.matrix();
        const std::size_t end = jobs_.size() + 1;
        if (!chosen_.empty()) {
            // Keep everything from `from` on: the tail is unchanged, so its latest start decides.
            const Time arrival = departure + m.duration(location_[last], location_[from]);
            const std::optional<Time> start =
                from == end ? std::optional<Time>(arrival)
                            : earliestStartAfter(problem_.jobs()[jobs_[from - 1]], arrival);
            if (start && *start <= latest_[from] && loadFits()) {
                best_ = sum;
                bestSet_ = chosen_;
            }
        }
        if (chosen_.size() == maxEjected_) {
            return;
        }
        for (std::size_t e = from; e < end; ++e) {
            const std::size_t job = jobs_[e - 1];
            if (e != inserted_ && sum + penalty_[job] < best_) {
                chosen_.push_back(e);
                search(e + 1, last, departure, sum + penalty_[job]);
                chosen_.pop_back();
            }
            // Keep stop e and time it; if it misses its windows, no later ejection can help.
            const Time arrival = departure + m.duration(location_[last], location_[e]);
            const Job& j = problem_.jobs()[job];
            const std::optional<Time> start = earliestStartAfter(j, arrival);
            if (!start) {
                return;
            }
            departure = *start + j.service;
            last = e;
        }
    }

    /// Capacity along the route without the chosen stops.
    [[nodiscard]] bool loadFits() const {
        const auto& all = problem_.jobs();
        auto ejected = [&](std::size_t k) {
            return std::find(chosen_.begin(), chosen_.end(), k + 1) != chosen_.end();
        };
        Load load = 0;
        for (std::size_t k = 0; k < jobs_.size(); ++k) {
            if (!ejected(k) && all[jobs_[k]].kind == JobKind::delivery) {
                load += all[jobs_[k]].demand;
            }
        }
        if (load > vehicle_.capacity) {
            return false;
        }
        for (std::size_t k = 0; k < jobs_.size(); ++k) {
            if (ejected(k)) {
                continue;
            }
            const Job& j = all[jobs_[k]];
            load += j.kind == JobKind::pickup ? j.demand : -j.demand;
            if (load > vehicle_.capacity) {
                return false;
            }
        }
        return true;
    }

    const Problem& problem_;
    const Vehicle& vehicle_;
    const std::vector<std::int64_t>& penalty_;
    std::size_t maxEjected_;
    std::int64_t best_;
    std::vector<std::size_t> jobs_;
    std::size_t inserted_ = 0;
    std::vector<std::size_t> location_;
    std::vector<Time> latest_;
    std::vector<std::size_t> chosen_;
    std::vector<std::size_t> bestSet_;
};

}  // namespace

std::optional<Ejection> bestEjection(const SearchState& state, const SearchContext& context,
                                     std::size_t job, const std::vector<std::int64_t>& penalty,
                                     std::size_t maxEjected, const std::vector<char>* among) {
    const Problem& problem = context.problem;
    std::optional<Ejection> best;
    std::int64_t bound = std::numeric_limits<std::int64_t>::max();
    for (std::size_t r = 0; r < state.routes.size(); ++r) {
        const RouteState& route = state.routes[r];
        if ((among != nullptr && (*among)[route.vehicle] == 0) ||
            !problem.canServe(route.vehicle, job)) {
            continue;
        }
        for (std::size_t at = 0; at <= route.size(); ++at) {
            EjectionSearch search(problem, route, job, at, penalty, maxEjected, bound);
            if (!search.run()) {
                continue;
            }
            bound = search.best();
            Ejection ejection;
            ejection.route = r;
            ejection.penalty = bound;
            const std::vector<std::size_t>& set = search.bestSet();
            for (std::size_t k = 0; k < search.jobs().size(); ++k) {
                const std::size_t j = search.jobs()[k];
                if (std::find(set.begin(), set.end(), k + 1) != set.end()) {
                    ejection.ejected.push_back(j);
                } else {
                    ejection.jobs.push_back(j);
                }
            }
            best = std::move(ejection);
        }
    }
    return best;
}

}  // namespace ces::routing
