#include "routing/vrptw/slots.h"

#include <algorithm>

#include "routing/vrptw/checker.h"

namespace ces::routing {

namespace {

/// The candidate intersected with the job's own windows; empty when they do not meet.
std::vector<TimeWindow> within(const Job& job, const TimeWindow& candidate) {
    std::vector<TimeWindow> result;
    for (const TimeWindow& w : job.windows) {
        const Time start = std::max(w.start(), candidate.start());
        const Time end = std::min(w.end(), candidate.end());
        if (start <= end) {
            result.emplace_back(start, end);
        }
    }
    if (job.windows.empty()) {
        result.push_back(candidate);
    }
    return result;
}

bool cheaperOffer(const SlotOffer& a, const SlotOffer& b) {
    if (a.cost != b.cost) {
        return a.cost < b.cost;
    }
    return a.window.start() < b.window.start();
}

}  // namespace

DayPlan::DayPlan(const Problem& problem, const Solution& solution) : problem_(problem) {
    const std::vector<std::string> violations = check(problem, solution);
    if (!violations.empty()) {
        throw InputError("day plan breaks a rule: " + violations.front());
    }
    std::vector<char> used(problem.vehicles().size(), 0);
    for (const Route& route : solution.routes) {
        routes_.emplace_back(problem, route.vehicle, route.jobs);
        used[route.vehicle] = 1;
    }
    for (std::size_t v = 0; v < used.size(); ++v) {
        if (used[v] == 0) {
            idleVehicles_.emplace_back(problem, v);
        }
    }
}

std::vector<SlotOffer> DayPlan::offerSlots(const Job& newJob,
                                           const std::vector<TimeWindow>& candidateWindows) const {
    if (newJob.location >= problem_.matrix().size()) {
        throw InputError("new job's location is outside the day's matrix");
    }
    if (newJob.demand < 0 || newJob.service < Time()) {
        throw InputError("new job has a negative demand or service time");
    }
    const auto suits = [&](std::size_t vehicle) {
        const Vehicle& v = problem_.vehicles()[vehicle];
        const bool allowed = newJob.allowedVehicles.empty() ||
                             std::find(newJob.allowedVehicles.begin(), newJob.allowedVehicles.end(),
                                       vehicle) != newJob.allowedVehicles.end();
        return allowed && (newJob.skills & ~v.skills) == 0;
    };
    std::vector<SlotOffer> offers;
    Job trial = newJob;
    for (const TimeWindow& candidate : candidateWindows) {
        trial.windows = within(newJob, candidate);
        if (trial.windows.empty()) {
            continue;
        }
        SlotOffer best;
        best.window = candidate;
        best.cost = kInfiniteDistance;
        for (const RouteState& route : routes_) {
            if (!suits(route.vehicle)) {
                continue;
            }
            for (std::size_t p = 0; p <= route.size(); ++p) {
                const std::optional<Distance> cost = route.insertionCost(problem_, trial, p);
                if (cost && *cost < best.cost) {
                    best.cost = *cost;
                    best.vehicle = route.vehicle;
                    best.position = p;
                    best.newRoute = false;
                }
            }
        }
        for (const RouteState& empty : idleVehicles_) {
            const std::size_t v = empty.vehicle;
            if (!suits(v)) {
                continue;
            }
            const std::optional<Distance> cost = empty.insertionCost(problem_, trial, 0);
            if (cost && *cost + problem_.vehicles()[v].fixedCost < best.cost) {
                best.cost = *cost + problem_.vehicles()[v].fixedCost;
                best.vehicle = v;
                best.position = 0;
                best.newRoute = true;
            }
        }
        if (best.cost < kInfiniteDistance) {
            offers.push_back(best);
        }
    }
    std::stable_sort(offers.begin(), offers.end(), cheaperOffer);
    return offers;
}

std::vector<SlotOffer> offerSlots(const DayPlan& plan, const Job& newJob,
                                  const std::vector<TimeWindow>& candidateWindows) {
    return plan.offerSlots(newJob, candidateWindows);
}

std::vector<TimeWindow> slotsBetween(Time dayStart, Time dayEnd, Time length) {
    if (!(length > Time())) {
        throw InputError("slot length must be positive");
    }
    std::vector<TimeWindow> slots;
    for (Time start = dayStart; start + length <= dayEnd; start += length) {
        slots.emplace_back(start, start + length);
    }
    return slots;
}

Job bookSlot(Job job, const TimeWindow& slot) {
    job.windows = {slot};
    return job;
}

std::vector<DatedSlotOffer> offerSlotsOverDays(const std::vector<DayRequest>& days) {
    std::vector<DatedSlotOffer> offers;
    for (std::size_t d = 0; d < days.size(); ++d) {
        if (days[d].plan == nullptr) {
            throw InputError("day " + std::to_string(d) + " has no plan");
        }
        for (const SlotOffer& offer : days[d].plan->offerSlots(days[d].job, days[d].candidates)) {
            offers.push_back({d, offer});
        }
    }
    std::stable_sort(offers.begin(), offers.end(),
                     [](const DatedSlotOffer& a, const DatedSlotOffer& b) {
                         return a.offer.cost < b.offer.cost;
                     });
    return offers;
}

}  // namespace ces::routing
