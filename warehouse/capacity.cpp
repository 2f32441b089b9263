#include "warehouse/capacity.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/date_words.h"

namespace ces::warehouse {

namespace {

using std::chrono::year_month_day;

bool capacityBound(const LeftOutVisit& out) {
    return out.reason.find("no capacity left") != std::string::npos;
}

// The day a missed visit needed a van: its last day by its due date (its booked slot's day;
// overdue work: the first day).
std::size_t neededDay(const store::VisitJob& visit, const std::vector<year_month_day>& days) {
    std::size_t day = 0;
    for (std::size_t d = 0; d < days.size(); ++d) {
        if (days[d] <= visit.dueDate) day = d;
    }
    return day;
}

// A van like one at the visit's depot with the skills it needs (fewest other skills first).
std::optional<store::VanCrew> vanFor(const store::VisitJob& visit, routing::SkillSet needs,
                                     const std::vector<store::VanCrew>& vans) {
    const auto skillsOf = [](const store::VanCrew& van) {
        return (van.people >= 2 ? routing::kTwoPersonCrew : 0U) |
               (van.liftingEngineer ? routing::kLiftingEngineer : 0U);
    };
    std::optional<store::VanCrew> best;
    for (const auto& van : vans) {
        if (van.depot != visit.depot || (skillsOf(van) & needs) != needs) continue;
        if (!best || skillsOf(van) < skillsOf(*best)) best = van;
    }
    return best;
}

std::vector<LeftOutVisit> missed(const HorizonSolution& solution) {
    std::vector<LeftOutVisit> out;
    for (const auto& left : solution.leftOut) {
        if (capacityBound(left)) out.push_back(left);
    }
    return out;
}

std::vector<CapacityDay> dayFigures(const HorizonWork& work, const HorizonSolution& solution) {
    std::vector<CapacityDay> days;
    double shiftHours = 0;
    for (const auto& van : work.vans) {
        shiftHours += (van.shiftEndSeconds - van.shiftStartSeconds) / 3600.0;
    }
    for (std::size_t d = 0; d < work.days.size(); ++d) {
        CapacityDay day;
        day.date = work.days[d];
        for (const auto& visit : work.visits) {
            const bool due = visit.dueDate == day.date || (d == 0 && visit.dueDate < day.date);
            day.visitsDue += due ? 1 : 0;
        }
        day.visitsPlanned = solution.days[d].visits;
        for (const auto& route : storedRoutes(solution.built, solution.solution, d)) {
            day.vanHoursNeeded += (route.endSeconds - route.startSeconds) / 3600.0;
        }
        day.vansAvailable = static_cast<int>(work.vans.size());
        day.vanHoursAvailable = shiftHours;
        days.push_back(day);
    }
    return days;
}

void addExtra(std::vector<ExtraVans>& extras, const ExtraVans& extra) {
    for (auto& e : extras) {
        if (e.date == extra.date && e.depotCode == extra.depotCode &&
            e.twoPerson == extra.twoPerson && e.liftingEngineer == extra.liftingEngineer) {
            ++e.count;
            return;
        }
    }
    extras.push_back(extra);
}

std::string advice(const std::vector<ExtraVans>& extras, const std::vector<LeftOutVisit>& unmet) {
    if (extras.empty() && unmet.empty()) return "The vans you have meet every due date.";
    std::string text;
    if (!extras.empty()) {
        text = "To meet every due date you need ";
        for (std::size_t i = 0; i < extras.size(); ++i) {
            if (i > 0) text += i + 1 == extras.size() ? " and " : ", ";
            text += describe(extras[i]);
        }
        text += ".";
    }
    if (!unmet.empty()) {
        if (!text.empty()) text.append(" ");
        text.append(std::to_string(unmet.size()))
            .append(unmet.size() == 1 ? " visit" : " visits")
            .append(" cannot meet its due date with more vans alone: see why below.");
    }
    return text;
}

}  // namespace

std::string describe(const ExtraVans& extra) {
    std::string text = std::to_string(extra.count);
    text.append(extra.twoPerson ? " more two-person" : " more one-person")
        .append(extra.count == 1 ? " van" : " vans");
    if (extra.liftingEngineer) text += " with a lifting engineer";
    return text.append(" at ")
        .append(extra.depotCode)
        .append(" on ")
        .append(weekdayDate(extra.date));
}

CapacityView capacityOf(store::Database& db, year_month_day from, int days, Instant now,
                        const WorkingDayCalendar& calendar, const DispatchPolicy& policy) {
    HorizonWork work = loadHorizonWork(db, from, days, now, calendar, policy, DueWork::preview);
    const std::size_t ownVans = work.vans.size();
    std::vector<std::size_t> extraDay;  // by added van: its day
    const auto works = [&](std::size_t van, std::size_t day) {
        return van < ownVans || extraDay[van - ownVans] == day;
    };
    HorizonSolution base = solveHorizon(work.days, work.visits, work.vans, policy, false);
    CapacityView view;
    view.days = dayFigures(work, base);
    std::vector<LeftOutVisit> stillMissed = missed(base);
    std::vector<std::int64_t> given;  // visits an added van did not help
    auto vans = work.vans;
    while (!stillMissed.empty() && extraDay.size() < kMostExtraVans) {
        const auto first = std::find_if(stillMissed.begin(), stillMissed.end(), [&](const auto& m) {
            return std::find(given.begin(), given.end(), m.visit.value()) == given.end();
        });
        if (first == stillMissed.end()) break;
        const auto job = std::find_if(work.visits.begin(), work.visits.end(),
                                      [&](const auto& v) { return v.id == first->visit; });
        const auto& visit = *job;
        const auto index = static_cast<std::size_t>(job - work.visits.begin());
        const auto needs = base.built.problem.jobs()[index].skills;
        auto van = vanFor(visit, needs, work.vans);
        if (!van) {
            given.push_back(visit.id.value());
            continue;
        }
        van->vanId = VanId(-static_cast<std::int64_t>(extraDay.size() + 1));
        van->code = std::string("extra-").append(std::to_string(extraDay.size() + 1));
        vans.push_back(*van);
        extraDay.push_back(neededDay(visit, work.days));
        const auto again = solveHorizon(work.days, work.visits, vans, policy, false, works);
        auto next = missed(again);
        if (next.size() >= stillMissed.size()) {
            vans.pop_back();
            extraDay.pop_back();
            given.push_back(visit.id.value());
            continue;
        }
        addExtra(view.extraVans, {work.days[extraDay.back()], van->depotCode, van->people >= 2,
                                  van->liftingEngineer, 1});
        stillMissed = std::move(next);
    }
    for (const auto& left : base.leftOut) {
        if (!capacityBound(left)) view.unmet.push_back(left);
    }
    for (const auto& left : stillMissed) view.unmet.push_back(left);
    view.advice = advice(view.extraVans, view.unmet);
    return view;
}

}  // namespace ces::warehouse
