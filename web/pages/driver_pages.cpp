// The driver's stops: choose the day and the van, then each stop in order with what to take and
// do there, and buttons that record the visit's outcome (the same rules as
// POST /api/v1/visits/{id}/outcome).
#include <algorithm>
#include <chrono>

#include "core/errors.h"
#include "core/iso_time.h"
#include "core/store/dispatch/van_sign_ons.h"
#include "warehouse/dispatch.h"
#include "warehouse/key_safe.h"
#include "warehouse/van_sign_on.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

struct OutcomeButton {
    VisitOutcome outcome;
    const char* text;
};

std::vector<OutcomeButton> successButtons(VisitKind kind) {
    switch (kind) {
        case VisitKind::delivery:
            return {
                {VisitOutcome::installed_demonstrated, "Delivered"},
                {VisitOutcome::left_with_consent, "Left with the resident's consent, not fitted"}};
        case VisitKind::collection:
            return {{VisitOutcome::collected, "Collected"}};
        case VisitKind::repair:
            return {{VisitOutcome::repaired, "Repaired"}};
        case VisitKind::inspection:
            return {{VisitOutcome::inspected, "Inspected"}};
    }
    return {};
}

const std::vector<std::pair<FailureReason, const char*>>& failureChoices() {
    static const std::vector<std::pair<FailureReason, const char*>> choices{
        {FailureReason::no_access, "Nobody at home, or we could not get in"},
        {FailureReason::wrong_item, "The item on the van is not the right one"},
        {FailureReason::refused, "The resident refused the equipment"},
        {FailureReason::unsafe, "It was not safe to do the job"},
        {FailureReason::other, "Another reason (say what in the notes)"},
    };
    return choices;
}

/// The words of a recorded outcome, as a tag.
StatusTag outcomeTag(const store::VisitJob& v) {
    if (!v.outcome) return {"Recorded", "govuk-tag--grey"};
    switch (*v.outcome) {
        case VisitOutcome::installed_demonstrated:
            return {"Delivered", "govuk-tag--green"};
        case VisitOutcome::left_with_consent:
            return {"Delivered, left with consent", "govuk-tag--green"};
        case VisitOutcome::collected:
            return {"Collected", "govuk-tag--green"};
        case VisitOutcome::repaired:
            return {"Repaired", "govuk-tag--green"};
        case VisitOutcome::inspected:
            return {"Inspected", "govuk-tag--green"};
        case VisitOutcome::failed:
            break;
    }
    const auto& reason = v.failureReason;
    return {"Failed: " + std::string(reason ? warehouse::describe(*reason) : "no reason given"),
            "govuk-tag--red"};
}

std::vector<std::string> tasksFor(const store::VisitJob& v) {
    std::vector<std::string> tasks;
    const auto skills = warehouse::skillsFor(v);
    if (skills & routing::kTwoPersonCrew) tasks.emplace_back("Two people needed to carry it");
    if (skills & routing::kLiftingEngineer) tasks.emplace_back("Lifting engineer needed");
    for (const auto& item : v.items) {
        switch (v.kind) {
            case VisitKind::delivery:
                tasks.push_back((item.needsFitting
                                     ? "Fit, test and show the resident how to use the "
                                     : "Hand over and show the resident the ") +
                                item.name);
                break;
            case VisitKind::collection:
                tasks.push_back("Collect the " + item.name);
                break;
            case VisitKind::repair:
                tasks.push_back("Repair the " + item.name + " in the home");
                break;
            case VisitKind::inspection:
                tasks.push_back("Inspect the " + item.name + " and record the result");
                break;
        }
    }
    return tasks;
}

mustache::data stopData(const store::VisitJob& v, const store::PlannedStop& stop, std::size_t n,
                        const std::string& reasonError) {
    const std::string id = std::to_string(v.id.value());
    mustache::data data;
    data.set("id", id);
    data.set("number", std::to_string(n));
    data.set("window", arrivalWindowWords(v, stop.startSeconds));
    // The time to knock: a van early for a booked slot waits until it opens.
    data.set("arrival", clockWords(stop.startSeconds));
    if (stop.startSeconds > stop.arrivalSeconds + 5 * 60) {
        data.set("early", clockWords(stop.arrivalSeconds));
    }
    data.set("load_first", stop.loadAtDepotFirst);
    data.set("kind", visitKindLabel(v.kind));
    data.set("subject", visitSubject(v));
    data.set("resident", v.residentName);
    data.set("address", v.address);
    data.set("postcode", v.postcode);
    if (!v.accessNotes.empty()) data.set("access_notes", v.accessNotes);
    if (!v.notes.empty()) data.set("notes", v.notes);
    if (!v.orderNotes.empty()) data.set("delivery_notes", v.orderNotes);
    mustache::data items(mustache::data::type::list);
    for (const auto& item : v.items) {
        mustache::data row;
        row.set("name", item.name);
        if (!item.itemCode.empty()) row.set("code", item.itemCode);
        row.set("quantity", std::to_string(item.quantity));
        mustache::data barcodes(mustache::data::type::list);
        for (const auto& b : item.barcodes) barcodes.push_back(mustache::data(b));
        row.set("barcodes", barcodes);
        row.set("has_barcodes", !item.barcodes.empty());
        items.push_back(row);
    }
    data.set("items", items);
    mustache::data tasks(mustache::data::type::list);
    for (const auto& t : tasksFor(v)) tasks.push_back(mustache::data(t));
    data.set("tasks", tasks);
    if (v.status != VisitStatus::planned) {
        const StatusTag tag = outcomeTag(v);
        data.set("outcome_text", tag.text);
        data.set("outcome_class", tag.cssClass);
        return data;
    }
    data.set("open", true);
    mustache::data buttons(mustache::data::type::list);
    const auto choices = successButtons(v.kind);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        mustache::data button;
        button.set("value", std::string(warehouse::toString(choices[i].outcome)));
        button.set("text", choices[i].text);
        button.set("secondary", i > 0);
        buttons.push_back(button);
    }
    data.set("buttons", buttons);
    mustache::data reasons(mustache::data::type::list);
    const auto& failures = failureChoices();
    for (std::size_t i = 0; i < failures.size(); ++i) {
        mustache::data reason;
        reason.set("input_id", "reason-" + id + (i == 0 ? "" : "-" + std::to_string(i + 1)));
        reason.set("value", std::string(warehouse::toString(failures[i].first)));
        reason.set("text", failures[i].second);
        reasons.push_back(reason);
    }
    data.set("reasons", reasons);
    if (!reasonError.empty()) {
        data.set("reason_error", reasonError);
        data.set("failure_open", true);
    }
    return data;
}

std::chrono::year_month_day today(const App& app) {
    return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.now()));
}

std::string driverLink(const std::string& date, const std::string& van) {
    return "/driver?date=" + date + (van.empty() ? "" : "&van=" + van);
}

/// A key-safe code shown at one stop.
struct ShownKeySafe {
    VisitId visit;
    std::string code;
};

/// The van the driver signed on to today, and who else is on the chosen van.
struct TodaysCrew {
    std::optional<VanId> myVan;
    std::vector<store::DriverOnBoard> onChosenVan;
};

TodaysCrew todaysCrew(Site& site, const Actor& driver, std::optional<VanId> chosen) {
    return site.app.db.read([&](store::Connection& c) {
        const auto day = ukDateOf(site.app.now());
        TodaysCrew crew{store::vanSignedOn(c, day, driver.id), {}};
        if (chosen) crew.onChosenVan = store::driversOnVan(c, day, *chosen);
        return crew;
    });
}

/// The page for `van` on `day`; the van chooser when `van` is empty or has no route that day.
/// `failed` names the stop whose failure form has `failedMessage` to show.
PageView driverView(Site& site, const Actor& actor, std::chrono::year_month_day day,
                    const std::string& van, VisitId recorded, VisitId failed,
                    const std::string& failedMessage, const ShownKeySafe& shown = {}) {
    const std::string date = formatDate(day);
    PageView view;
    view.templateName = "driver";
    view.section = "stops";
    view.data.set("date", date);
    view.data.set("date_words", dayWords(date));
    view.data.set("date_day", std::to_string(static_cast<unsigned>(day.day())));
    view.data.set("date_month", std::to_string(static_cast<unsigned>(day.month())));
    view.data.set("date_year", std::to_string(static_cast<int>(day.year())));
    const auto workingDays = site.app.workingDays();
    if (!workingDays.isWorkingDay(day)) {
        // No vans go out on a weekend or bank holiday: point to the next day they do.
        const auto next = workingDays.nextWorkingDay(day);
        view.data.set("day_off", true);
        view.data.set("next_date", formatDate(next));
        view.data.set("next_words", dayWords(next));
    }
    const auto plan =
        site.app.db.read([&](store::Connection& c) { return store::loadPlan(c, day); });
    const store::StoredPlan::Route* chosen = nullptr;
    if (plan) {
        const auto found = std::find_if(plan->routes.begin(), plan->routes.end(),
                                        [&](const auto& r) { return r.van.code == van; });
        if (found != plan->routes.end()) chosen = &*found;
    }
    const bool isToday = day == ukDateOf(site.app.now());
    const TodaysCrew crew =
        isToday ? todaysCrew(site, actor, chosen ? std::optional(chosen->van.vanId) : std::nullopt)
                : TodaysCrew{};
    mustache::data vans(mustache::data::type::list);
    if (plan) {
        for (const auto& r : plan->routes) {
            mustache::data item;
            item.set("van", r.van.code);
            item.set("href", driverLink(date, r.van.code));
            item.set("depot", r.van.depotCode);
            item.set("crew", r.van.crewName);
            item.set("stops",
                     std::to_string(r.visits.size()) + (r.visits.size() == 1 ? " stop" : " stops"));
            item.set("start", clockWords(r.route.startSeconds));
            item.set("mine", crew.myVan == r.van.vanId);
            vans.push_back(item);
        }
    }
    view.data.set("planned", plan.has_value());
    if (!chosen) {
        view.title = "Today's stops";
        view.data.set("choosing", true);
        view.data.set("vans", vans);
        view.data.set("has_vans", plan && !plan->routes.empty());
        if (!van.empty() && plan) {
            addError(view, "van", "Van " + van.substr(0, 40) + " has no route on this day",
                     "van-list");
            view.status = 404;
        }
        return view;
    }
    view.title = "Van " + chosen->van.code;
    view.data.set("van", chosen->van.code);
    view.data.set("depot", chosen->van.depotCode);
    view.data.set("crew", chosen->van.crewName);
    view.data.set("start", clockWords(chosen->route.startSeconds));
    view.data.set("end", clockWords(chosen->route.endSeconds));
    const bool onThisVan = isToday && crew.myVan == chosen->van.vanId;
    if (isToday) {
        view.data.set("sign_on_today", true);
        view.data.set("signed_on", onThisVan);
        // Who else is on board (the driver knows they are).
        std::vector<std::string> others;
        for (const auto& driver : crew.onChosenVan) {
            if (driver.id != actor.id) others.push_back(driver.name);
        }
        if (!others.empty()) view.data.set("on_van", listWords(others));
        if (!onThisVan && crew.myVan) view.data.set("on_other_van", true);
    }
    mustache::data stops(mustache::data::type::list);
    std::size_t done = 0;
    for (std::size_t s = 0; s < chosen->visits.size() && s < chosen->route.stops.size(); ++s) {
        const auto& v = chosen->visits[s];
        if (v.status != VisitStatus::planned) ++done;
        auto stop = stopData(v, chosen->route.stops[s], s + 1,
                             v.id == failed ? failedMessage : std::string());
        // Today's stops still to do offer the code of a key safe the resident gave.
        if (v.status == VisitStatus::planned && isToday &&
            site.app.db.read([&](store::Connection& c) {
                return warehouse::keySafeConsent(c, v.resident).has_value();
            })) {
            stop.set("key_safe", true);  // offered once signed on (the page's signed_on)
            if (shown.visit == v.id) stop.set("key_safe_code", shown.code);
        }
        stops.push_back(stop);
        if (v.id == recorded && v.status != VisitStatus::planned) {
            view.data.set("done", "Stop " + std::to_string(s + 1) + " (" + visitSubject(v) +
                                      ") recorded: " + outcomeTag(v).text);
        }
    }
    view.data.set("stops", stops);
    view.data.set("progress", std::to_string(done) + " of " +
                                  std::to_string(chosen->visits.size()) + " stops recorded");
    return view;
}

std::chrono::year_month_day dayOf(Site& site, const std::string& text) {
    const auto day = parseDate(text.substr(0, 20));
    return day.value_or(today(site.app));
}

Response showStops(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::driver});
    bool entered = false;
    const auto asked = requestedDay(request, entered);
    const std::string van = request.queryValue("van").substr(0, 60);
    if (asked && request.queryValue("date").empty()) {
        throw RedirectTo(driverLink(formatDate(*asked), van));  // one address per day
    }
    // Only marks the stop just recorded: anything else is ignored.
    const VisitId recorded(plainDecimal(request.queryValue("recorded")).value_or(0));
    PageView view =
        driverView(site, actor, asked.value_or(today(site.app)), van, recorded, VisitId(), "");
    if (entered && !asked) {
        addError(view, "date", "Enter a real date, for example 3 3 2026", "date-day");
        view.status = 422;
    }
    return site.render(request, actor, std::move(view));
}

Response recordOutcome(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::driver});
    const std::string idText = request.pathParams["id"];
    const std::int64_t id = parsePathId(idText, "no visit has the id " + idText.substr(0, 40));
    const auto day = dayOf(site, form.text("date"));
    const std::string van = form.text("van").substr(0, 60);
    const auto outcome = parseVisitOutcome(form.text("outcome"));
    if (!outcome) throw BadRequest("outcome", "say how the visit ended");
    std::optional<FailureReason> reason;
    if (*outcome == VisitOutcome::failed) {
        reason = parseFailureReason(form.text("reason"));
    }
    const std::string notes = form.text("notes");
    std::string problem;
    std::string anchor = "reason-" + idText;
    int status = 422;
    if (*outcome == VisitOutcome::failed && !reason) {
        problem = "Select why the visit failed";
    } else {
        try {
            site.app.db.write([&](store::Connection& c) {
                return warehouse::recordVisitOutcome(c, VisitId(id), *outcome, reason, notes, actor,
                                                     site.app.now(), site.app.workingDays(),
                                                     maintenancePolicy(site.app));
            });
            return Site::redirect(driverLink(formatDate(day), van) + "&recorded=" + idText +
                                  "#stop-" + idText);
        } catch (const ValidationError& e) {
            problem = e.field() == "notes" ? "Say in the notes what went wrong"
                                           : "Sorry, " + std::string(e.what());
        } catch (const Conflict&) {
            problem = "This stop has already been recorded";
            anchor = "stop-" + idText;
            status = 409;
        }
    }
    PageView view = driverView(site, actor, day, van, VisitId(), VisitId(id), problem);
    addError(view, "stop", problem, anchor);
    view.status = status;
    return site.render(request, actor, std::move(view));
}

// Shows the code of the stop's key safe to the driver, once per press, audited.
Response showKeySafe(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::driver});
    const std::string idText = request.pathParams["id"];
    const VisitId visit(parsePathId(idText, "no visit has the id " + idText.substr(0, 40)));
    const auto day = dayOf(site, form.text("date"));
    const std::string van = form.text("van").substr(0, 60);
    if (!site.app.secrets) throw Conflict("key_safe_unreadable", "the service has no secrets key");
    const std::string code = site.app.db.write([&](store::Connection& c) {
        return warehouse::showKeySafe(c, visit, *site.app.secrets, actor, site.app.now());
    });
    return site.render(request, actor,
                       driverView(site, actor, day, van, VisitId(), VisitId(), "", {visit, code}));
}

// Puts the driver on the van for today and shows its stops again.
Response signOn(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::driver});
    const std::string van = request.pathParams["code"].substr(0, 60);
    const auto signedOn = site.app.db.write([&](store::Connection& c) {
        return warehouse::signOnToVan(c, van, actor, site.app.now());
    });
    return Site::redirect(driverLink(formatDate(signedOn.day), van));
}

}  // namespace

void addDriverPages(Router& router, Site& site) {
    site.get(router, "/driver", [&site](Request& r) { return showStops(site, r); });
    site.post(router, "/driver/visits/{id}/outcome",
              [&site](Request& r, const FormFields& f) { return recordOutcome(site, r, f); });
    site.post(router, "/driver/vans/{code}/sign-on",
              [&site](Request& r, const FormFields&) { return signOn(site, r); });
    site.post(router, "/driver/visits/{id}/key-safe",
              [&site](Request& r, const FormFields& f) { return showKeySafe(site, r, f); });
}

}  // namespace ces::web
