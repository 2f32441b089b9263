// /plan/week (planner): the next working days as planned (vans, visits, distance and CO2 a day),
// the visits planned after their due date and those not planned with why, and the form that plans
// them all at once (the same run as POST /api/v1/plans/optimise).
#include <cstdio>

#include "core/errors.h"
#include "core/store/dispatch/dispatch.h"
#include "warehouse/capacity.h"
#include "warehouse/horizon.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_drawing.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

using std::chrono::year_month_day;
constexpr int kDefaultDays = 5;

std::string decimal(double value, const char* unit) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.1f %s", value, unit);
    return buffer;
}

year_month_day firstDayAfterToday(App& app) {
    const year_month_day today(std::chrono::floor<std::chrono::days>(app.now()));
    return app.workingDays().nextWorkingDay(today);
}

// One row per day: what its stored plan holds, or that it is not planned yet.
mustache::data weekRows(const std::vector<year_month_day>& days,
                        const std::vector<std::optional<store::StoredPlan>>& plans) {
    mustache::data rows(mustache::data::type::list);
    for (std::size_t d = 0; d < days.size(); ++d) {
        mustache::data row;
        row.set("date", formatDate(days[d]));
        row.set("words", dayWords(days[d]));
        const auto& plan = plans[d];
        std::size_t visits = 0;
        double co2 = 0;
        if (plan) {
            for (const auto& r : plan->routes) {
                visits += r.visits.size();
                co2 += warehouse::co2Kilograms(r.route.distanceMetres, r.van.co2GramsPerKm);
            }
        }
        row.set("vans", plan ? std::to_string(plan->header.vansUsed) : std::string("-"));
        row.set("visits", plan ? std::to_string(visits) : std::string("-"));
        row.set("distance",
                plan ? decimal(static_cast<double>(plan->header.distanceMetres) / 1000, "km")
                     : std::string("-"));
        row.set("co2", plan ? decimal(co2, "kg") : std::string("-"));
        row.set("planned", plan ? (plan->header.runId ? "with the week, " : "on its own, ") +
                                      ukDateTime(plan->header.optimisedAt)
                                : std::string("Not planned yet"));
        rows.push_back(row);
    }
    return rows;
}

// The small multiples: each planned day's routes in one frame, the districts drawn once
// (`week_districts`) and reused by every day's drawing.
void addDayDrawings(mustache::data& data, const DistrictOutlines* outlines,
                    const std::vector<year_month_day>& days,
                    const std::vector<std::optional<store::StoredPlan>>& plans) {
    std::vector<const store::StoredPlan*> drawn;
    for (const auto& plan : plans) {
        if (plan && !plan->routes.empty()) drawn.push_back(&*plan);
    }
    if (drawn.empty()) return;
    const RouteProjection project = drawingProjection(outlines, drawn);
    if (outlines) data.set("week_districts", districtShapes(*outlines, project));
    mustache::data drawings(mustache::data::type::list);
    for (std::size_t d = 0; d < days.size(); ++d) {
        const auto& plan = plans[d];
        if (!plan || plan->routes.empty()) continue;
        std::size_t visits = 0;
        for (const auto& r : plan->routes) visits += r.visits.size();
        mustache::data drawing = routeDrawing(*plan, project);
        drawing.set("date", formatDate(days[d]));
        drawing.set("words", dayWords(days[d]));
        drawing.set("summary", std::to_string(plan->routes.size()) +
                                   (plan->routes.size() == 1 ? " van, " : " vans, ") +
                                   std::to_string(visits) + (visits == 1 ? " visit" : " visits"));
        drawings.push_back(drawing);
    }
    data.set("day_drawings", drawings);
    data.set("has_day_drawings", true);
}

PageView weekView(Site& site, year_month_day from, int count) {
    const auto days = warehouse::horizonDays(from, count, site.app.workingDays());
    PageView view;
    view.title = "Plan the week";
    view.templateName = "plan_week";
    view.section = "week";
    view.data.set("span_words", dayWords(days.front()) + " to " + dayWords(days.back()));
    view.data.set("date_day", std::to_string(static_cast<unsigned>(from.day())));
    view.data.set("date_month", std::to_string(static_cast<unsigned>(from.month())));
    view.data.set("date_year", std::to_string(static_cast<int>(from.year())));
    view.data.set("days", std::to_string(count));
    view.data.set("from", formatDate(from));
    mustache::data counts(mustache::data::type::list);
    for (int n = 1; n <= warehouse::kMostHorizonDays; ++n) {
        mustache::data option;
        option.set("value", std::to_string(n));
        option.set("selected", n == count);
        counts.push_back(option);
    }
    view.data.set("day_counts", counts);
    const auto until =
        warehouse::horizonDueUntil(days.back(), site.app.workingDays(), site.app.dispatch);
    site.app.db.read([&](store::Connection& c) {
        std::vector<std::optional<store::StoredPlan>> plans;
        for (const auto& day : days) plans.push_back(store::loadPlan(c, day));
        view.data.set("week", weekRows(days, plans));
        addDayDrawings(view.data, site.app.districtOutlines.get(), days, plans);
        Districts districts(c);
        mustache::data late(mustache::data::type::list);
        const auto lateVisits = store::latePlannedVisits(c, days.front(), days.back());
        for (const auto& v : lateVisits) {
            mustache::data row = visitRow(v, districts);
            row.set("planned", v.planDate ? dayWords(*v.planDate) : std::string());
            if (v.planDate)
                row.set("reason",
                        warehouse::lateReason(v.dueDate, *v.planDate, days.front(),
                                              [](year_month_day d) { return dayWords(d); }));
            late.push_back(row);
        }
        view.data.set("late", late);
        view.data.set("has_late", !lateVisits.empty());
        view.data.set("late_count", std::to_string(lateVisits.size()));
        mustache::data leftOut(mustache::data::type::list);
        const auto left = store::leftOutVisits(c, until);
        for (const auto& [v, reason] : left) {
            mustache::data row = visitRow(v, districts);
            row.set("reason", reason);
            leftOut.push_back(row);
        }
        view.data.set("left_out", leftOut);
        view.data.set("has_left_out", !left.empty());
        view.data.set("left_out_count", std::to_string(left.size()));
        return 0;
    });
    return view;
}

// The capacity section: the days' figures and what more vans would meet every due date.
void addCapacity(PageView& view, Site& site, year_month_day from, int count) {
    const auto capacity = timedSolver(*site.app.metrics, "capacity", [&] {
        return warehouse::capacityOf(site.app.db, from, count, site.app.now(),
                                     site.app.workingDays(), site.app.dispatch);
    });
    mustache::data rows(mustache::data::type::list);
    for (const auto& day : capacity.days) {
        mustache::data row;
        row.set("words", dayWords(day.date));
        row.set("due", std::to_string(day.visitsDue));
        row.set("planned", std::to_string(day.visitsPlanned));
        row.set("needed", decimal(day.vanHoursNeeded, "h"));
        row.set("available", decimal(day.vanHoursAvailable, "h"));
        row.set("vans", std::to_string(day.vansAvailable));
        rows.push_back(row);
    }
    view.data.set("capacity", rows);
    view.data.set("has_capacity", true);
    view.data.set("capacity_advice", capacity.advice);
}

int daysParam(const std::string& text) {
    const auto n = text.size() > 2 ? std::nullopt : plainDecimal(text);
    if (!n || *n < 1 || *n > warehouse::kMostHorizonDays) return kDefaultDays;
    return static_cast<int>(*n);
}

Response showWeek(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::planner});
    const auto asked = parseDate(request.queryValue("date").substr(0, 20));
    const auto from = asked.value_or(firstDayAfterToday(site.app));
    const int count = daysParam(request.queryValue("days"));
    PageView view = weekView(site, from, count);
    if (request.queryValue("capacity") == "1") {
        try {
            addCapacity(view, site, from, count);
        } catch (const ValidationError& e) {
            addError(view, "date", e.what(), "date-day");
            view.status = 422;
        } catch (const Conflict& e) {
            addError(view, "check-capacity", e.what(), "check-capacity");
            view.status = 409;
        }
    }
    const auto millis = plainDecimal(request.queryValue("ms").substr(0, 9));
    const auto late = plainDecimal(request.queryValue("late").substr(0, 9));
    const auto left = plainDecimal(request.queryValue("left").substr(0, 9));
    if (millis && late && left) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f", static_cast<double>(*millis) / 1000.0);
        view.data.set("done", "Planned in " + std::string(seconds) +
                                  " seconds: " + std::to_string(*late) + " late, " +
                                  std::to_string(*left) + " not planned");
    }
    return site.render(request, actor, std::move(view));
}

Response planWeek(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::planner});
    const int count = daysParam(form.text("days"));
    const auto pad = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
    const auto from = parseDate(form.text("date-year").substr(0, 4) + "-" +
                                pad(form.text("date-month").substr(0, 2)) + "-" +
                                pad(form.text("date-day").substr(0, 2)));
    std::string problem;
    int status = 422;
    std::string field = "date";
    if (!from) {
        problem = "Enter a real date, for example 7 12 2026";
    } else {
        try {
            const auto plan = timedSolver(*site.app.metrics, "horizon", [&] {
                return warehouse::optimiseHorizon(site.app.db, *from, count, actor, site.app.now(),
                                                  site.app.workingDays(), site.app.dispatch);
            });
            return Site::redirect(
                "/plan/week?date=" + formatDate(*from) + "&days=" + std::to_string(count) +
                "&ms=" + std::to_string(plan.timeMs) + "&late=" + std::to_string(plan.late.size()) +
                "&left=" + std::to_string(plan.leftOut.size()));
        } catch (const ValidationError& e) {
            problem = e.what();
        } catch (const Conflict& e) {
            problem = "The week cannot be planned: " + std::string(e.what());
            status = 409;
            field = "plan-week";
        }
    }
    PageView view = weekView(site, from.value_or(firstDayAfterToday(site.app)), count);
    addError(view, field, problem, field == "date" ? "date-day" : field);
    view.status = status;
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addPlanWeekPages(Router& router, Site& site) {
    site.get(router, "/plan/week", [&site](Request& r) { return showWeek(site, r); });
    site.post(router, "/plan/week",
              [&site](Request& r, const FormFields& f) { return planWeek(site, r, f); });
}

}  // namespace ces::web
