// The planner's day plan: a summary, each van's timeline, the unplaced visits and a drawing of
// the routes; re-optimising runs the same solver as POST /api/v1/plans/{date}/optimise.
#include "web/pages/plan_pages.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/iso_time.h"
#include "core/store/admin/geography.h"
#include "core/store/dispatch/prescriber_tasks.h"
#include "core/store/residents/residents.h"
#include "core/uk_time.h"
#include "warehouse/dispatch.h"
#include "warehouse/live_arrivals.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_drawing.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

std::string oneDecimal(double value, const char* unit) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f %s", value, unit);
    return buffer;
}

std::chrono::year_month_day today(const App& app) {
    return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.now()));
}

// "Last recorded: stop B4 of 12, 12 minutes late" (or early, or on time).
std::string runningWords(const warehouse::VanRunning& running, const std::string& letter) {
    std::string words = "Last recorded: stop " + letter + std::to_string(running.lastStop) +
                        " of " + std::to_string(running.stops) + ", ";
    const int minutes = std::abs(running.minutesLate);
    if (minutes < 5) return words + "on time";
    return words + std::to_string(minutes) + (minutes == 1 ? " minute " : " minutes ") +
           (running.minutesLate > 0 ? "late" : "early");
}

void addPlan(mustache::data& data, const store::StoredPlan& plan, store::Connection& c,
             std::optional<VisitId> inserted, const DistrictOutlines* outlines) {
    Districts districts(c);
    auto progress = store::vanDays(c, plan.header.date);
    double co2 = 0;
    std::size_t stops = 0;
    mustache::data vans(mustache::data::type::list);
    for (std::size_t i = 0; i < plan.routes.size(); ++i) {
        const auto& r = plan.routes[i];
        const VanStyle style = vanStyle(i);
        const double kg = warehouse::co2Kilograms(r.route.distanceMetres, r.van.co2GramsPerKm);
        co2 += kg;
        mustache::data van;
        van.set("van", r.van.code);
        van.set("letter", style.letter);
        van.set("colour", style.colour);
        if (!style.dash.empty()) van.set("dash", style.dash);
        van.set("depot", r.van.depotCode);
        van.set("crew", r.van.crewName);
        van.set("crew_size", r.van.people == 1 ? std::string("1 person")
                                               : std::to_string(r.van.people) + " people");
        van.set("start", clockWords(r.route.startSeconds));
        van.set("end", clockWords(r.route.endSeconds));
        van.set("distance", oneDecimal(static_cast<double>(r.route.distanceMetres) / 1000, "km"));
        van.set("co2", oneDecimal(kg, "kg"));
        if (const auto running = warehouse::vanRunning(progress[r.van.vanId])) {
            van.set("running", runningWords(*running, style.letter));
        }
        mustache::data rows(mustache::data::type::list);
        std::string postcodes;
        for (std::size_t s = 0; s < r.visits.size() && s < r.route.stops.size(); ++s) {
            const auto& v = r.visits[s];
            mustache::data row = visitRow(v, districts);
            row.set("number", style.letter + std::to_string(s + 1));
            row.set("arrival", clockWords(r.route.stops[s].arrivalSeconds));
            row.set("window", arrivalWindowWords(v, r.route.stops[s].startSeconds));
            if (r.route.stops[s].loadAtDepotFirst) {
                row.set("load_first", "Back to " + r.van.depotCode + " to load first");
            }
            if (inserted && v.id == *inserted) {
                data.set("done", visitSubject(v) + " is now stop " + style.letter +
                                     std::to_string(s + 1) + " on van " + r.van.code +
                                     ", arriving " +
                                     arrivalWindowWords(v, r.route.stops[s].startSeconds));
            }
            rows.push_back(row);
            postcodes += (postcodes.empty() ? "" : ", ") + v.postcode;
        }
        stops += r.visits.size();
        van.set("stops", rows);
        van.set("stop_count",
                std::to_string(r.visits.size()) + (r.visits.size() == 1 ? " stop" : " stops"));
        van.set("postcodes", postcodes.empty() ? std::string("none") : postcodes);
        vans.push_back(van);
    }
    data.set("vans", vans);
    data.set("has_vans", !plan.routes.empty());
    data.set("vans_used", std::to_string(plan.header.vansUsed));
    data.set("stops_planned", std::to_string(stops));
    data.set("distance", oneDecimal(static_cast<double>(plan.header.distanceMetres) / 1000, "km"));
    data.set("co2", oneDecimal(co2, "kg"));
    data.set("optimised_at", ukDateTime(plan.header.optimisedAt));
    data.set("travel_times", plan.header.travelSource);
    mustache::data unplaced(mustache::data::type::list);
    const auto addUnplaced = [&](const store::VisitJob& visit, const std::string& reason) {
        mustache::data row = visitRow(visit, districts);
        row.set("reason", reason);
        row.set("visit_id", std::to_string(visit.id.value()));
        row.set("date", formatDate(plan.header.date));
        unplaced.push_back(row);
    };
    std::set<VisitId> listed;
    for (const auto& [visit, reason] : plan.unplaced) {
        addUnplaced(visit, reason);
        listed.insert(visit.id);
    }
    // Work booked since the day was planned (a failed visit's retry, a repair asked for today).
    for (const auto& visit : store::visitsToPlan(c, plan.header.date, plan.header.date)) {
        if (visit.status != VisitStatus::pending || listed.count(visit.id) != 0) continue;
        addUnplaced(visit, "booked after the day was planned");
    }
    data.set("unplaced", unplaced);
    data.set("has_unplaced", !unplaced.is_empty_list());
    const RouteProjection project = drawingProjection(outlines, {&plan});
    mustache::data drawing = routeDrawing(plan, project);
    if (outlines) drawing.set("districts", districtShapes(*outlines, project));
    data.set("drawing", drawing);
}

/// The visits the solver would be given for `day` (before any are booked from orders).
void addWaiting(mustache::data& data, App& app, std::chrono::year_month_day day,
                store::Connection& c) {
    using namespace std::chrono;
    const auto& policy = app.dispatch;
    data.set("travel_next", warehouse::describeTravel(policy.roads.get(), policy.travel));
    const year_month_day until(
        sys_days(app.workingDays().addWorkingDays(day, policy.deliveryLookAheadWorkingDays)) +
        days(policy.inspectionLookAheadDays));
    Districts districts(c);
    mustache::data waiting(mustache::data::type::list);
    for (const auto& v : store::visitsToPlan(c, until, day)) {
        waiting.push_back(visitRow(v, districts));
    }
    // Orders due within the look-ahead get their delivery visit when the day is optimised.
    const auto lastDelivery =
        sys_days(app.workingDays().addWorkingDays(day, policy.deliveryLookAheadWorkingDays));
    for (const auto& d : store::deliveriesWithoutVisit(c, lastDelivery + days(1) - seconds(1))) {
        mustache::data row;
        row.set("kind", std::string("Delivery"));
        row.set("subject", d.reference);
        const auto resident = store::findResident(c, d.resident);
        row.set("district", resident ? resident->district : std::string());
        row.set("due", dayWords(std::chrono::year_month_day(floor<days>(d.dueBy))));
        waiting.push_back(row);
    }
    data.set("waiting", waiting);
}

// Orders due by the end of a planned day that came in after it was planned (an emergency
// approved this morning): each may be put into the day's routes.
void addOrdersWithoutVisit(mustache::data& data, std::chrono::year_month_day day,
                           store::Connection& c) {
    using namespace std::chrono;
    const Instant endOfDay = fromUkLocal(day, hours(24)) - seconds(1);
    mustache::data orders(mustache::data::type::list);
    for (const auto& d : store::deliveriesWithoutVisit(c, endOfDay)) {
        mustache::data row;
        row.set("reference", d.reference);
        const auto resident = store::findResident(c, d.resident);
        row.set("district", resident ? resident->district : std::string());
        row.set("due", ukDateTime(d.dueBy));
        row.set("date", formatDate(day));
        orders.push_back(row);
    }
    data.set("has_new_orders", !orders.is_empty_list());
    data.set("new_orders", orders);
}

// Open "phone the prescriber" tasks, shown above every day's plan until marked done.
void addTasks(mustache::data& data, const std::string& date, store::Connection& c) {
    mustache::data tasks(mustache::data::type::list);
    const auto open = store::openPrescriberTasks(c, store::PageRequest{});
    for (const auto& t : open.items) {
        mustache::data row;
        row.set("id", std::to_string(t.id.value()));
        row.set("order", t.orderReference);
        row.set("prescriber", t.prescriberName);
        row.set("phone", t.teamPhone);
        row.set("reason", t.reason);
        row.set("date", date);
        tasks.push_back(row);
    }
    data.set("tasks", tasks);
    data.set("has_tasks", !open.items.empty());
    // The oldest page only: the next ones show as these are marked done.
    data.set("tasks_caption", open.next ? "Prescribers to phone: the " +
                                              std::to_string(open.items.size()) +
                                              " oldest shown, more are waiting"
                                        : std::string("Prescribers to phone"));
}

}  // namespace

PageView planView(Site& site, std::chrono::year_month_day day, std::optional<VisitId> inserted) {
    const std::string date = formatDate(day);
    PageView view;
    view.title = "Day plan";
    view.templateName = "plan";
    view.section = "plan";
    view.data.set("date", date);
    view.data.set("date_words", dayWords(date));
    view.data.set("date_day", std::to_string(static_cast<unsigned>(day.day())));
    view.data.set("date_month", std::to_string(static_cast<unsigned>(day.month())));
    view.data.set("date_year", std::to_string(static_cast<int>(day.year())));
    site.app.db.read([&](store::Connection& c) {
        addTasks(view.data, date, c);
        const auto plan = store::loadPlan(c, day);
        view.data.set("has_plan", plan.has_value());
        if (plan) {
            addPlan(view.data, *plan, c, inserted, site.app.districtOutlines.get());
            addOrdersWithoutVisit(view.data, day, c);
        } else {
            addWaiting(view.data, site.app, day, c);
        }
        return 0;
    });
    return view;
}

namespace {

std::optional<int> countParam(const Request& request, const std::string& name) {
    const std::string text = request.queryValue(name);
    const auto count = text.size() > 7 ? std::nullopt : plainDecimal(text);
    if (!count) return std::nullopt;
    return static_cast<int>(*count);
}

Response showPlan(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::planner});
    bool entered = false;
    const auto asked = requestedDay(request, entered);
    const auto day = asked.value_or(site.app.workingDays().nextWorkingDay(today(site.app)));
    if (asked && request.queryValue("date").empty()) {
        throw RedirectTo("/plan?date=" + formatDate(*asked));  // one address per day
    }
    const auto inserted = countParam(request, "inserted");
    PageView view =
        planView(site, day, inserted ? std::optional<VisitId>(*inserted) : std::nullopt);
    if (entered && !asked) {
        addError(view, "date", "Enter a real date, for example 3 3 2026", "date-day");
        view.status = 422;
    }
    const auto planned = countParam(request, "planned");
    const auto millis = countParam(request, "ms");
    if (planned && millis) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", *millis / 1000.0);
        view.data.set("done", std::to_string(*planned) + (*planned == 1 ? " stop" : " stops") +
                                  " planned in " + seconds + " seconds");
    }
    return site.render(request, actor, std::move(view));
}

Response optimise(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::planner});
    const auto day = parseDate(form.text("date").substr(0, 20));
    if (!day) throw BadRequest("date", "the date to optimise is missing");
    const auto started = std::chrono::steady_clock::now();
    std::string problem;
    int status = 409;
    try {
        const auto plan = timedSolver(*site.app.metrics, "day", [&] {
            return warehouse::optimiseDay(site.app.db, *day, actor, site.app.now(),
                                          site.app.workingDays(), site.app.dispatch);
        });
        const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        std::size_t stops = 0;
        for (const auto& r : plan.routes) stops += r.visits.size();
        return Site::redirect("/plan?date=" + formatDate(*day) + "&planned=" +
                              std::to_string(stops) + "&ms=" + std::to_string(millis));
    } catch (const ValidationError& e) {
        problem = "The day cannot be planned: " + std::string(e.what());
        status = 422;
    } catch (const Conflict& e) {
        problem = "The day cannot be planned: " + std::string(e.what());
    }
    PageView view = planView(site, *day);
    addError(view, "optimise", problem, "optimise");
    view.status = status;
    return site.render(request, actor, std::move(view));
}

Response taskDone(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::planner});
    const auto day = parseDate(form.text("date").substr(0, 20));
    const auto task = plainDecimal(form.text("task").substr(0, 20));
    if (!day || !task) throw BadRequest("task", "the task to mark done is missing");
    try {
        site.app.db.write([&](store::Connection& c) {
            store::markPrescriberTaskDone(c, TaskId(*task), actor.id, site.app.now());
            return 0;
        });
    } catch (const Conflict&) {
        // Marked done already (another planner, or a second click): the page shows the rest.
    }
    return Site::redirect("/plan?date=" + formatDate(*day));
}

}  // namespace

void addPlanPages(Router& router, Site& site) {
    site.get(router, "/plan", [&site](Request& r) { return showPlan(site, r); });
    site.post(router, "/plan/optimise",
              [&site](Request& r, const FormFields& f) { return optimise(site, r, f); });
    site.post(router, "/plan/tasks/done",
              [&site](Request& r, const FormFields& f) { return taskDone(site, r, f); });
}

}  // namespace ces::web
