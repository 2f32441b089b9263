#include "routing/vrptw/arrival_windows.h"

#include <algorithm>

namespace ces::routing {

TimeWindow arrivalWindowFor(Time planned, const TimeWindow& slot, Time width) {
    if (!(width > Time())) {
        throw InputError("arrival window width must be positive");
    }
    if (slot.length() <= width) {
        return slot;
    }
    // Centre on the plan, then slide back inside the slot; never before time 0.
    Time start = std::max(Time(), planned - width / 2);
    start = std::clamp(start, slot.start(), slot.end() - width);
    return TimeWindow(start, start + width);
}

std::vector<std::vector<ArrivalWindow>> arrivalWindows(const Problem& problem,
                                                       const Solution& solution, Time width) {
    std::vector<std::vector<ArrivalWindow>> result;
    for (const Route& route : solution.routes) {
        std::vector<ArrivalWindow>& windows = result.emplace_back();
        for (const Stop& stop : schedule(problem, route)) {
            const Job& job = problem.jobs()[stop.job];
            const auto slot =
                std::find_if(job.windows.begin(), job.windows.end(),
                             [&](const TimeWindow& w) { return w.contains(stop.start); });
            if (slot == job.windows.end()) {
                throw InputError("job " + std::to_string(stop.job) +
                                 " is planned outside its windows");
            }
            windows.push_back(
                {stop.job, stop.start, *slot, arrivalWindowFor(stop.start, *slot, width)});
        }
    }
    return result;
}

}  // namespace ces::routing
