// Same-day changes on the day plan page: "Put into the day" beside a visit not planned or an
// order that came in after the day was planned. Where it would push residents out of their
// booked slot the page lists them and asks the planner to confirm.
#include "core/errors.h"
#include "warehouse/same_day_insert.h"
#include "web/http/json_body.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_pages.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

namespace mustache = kainjow::mustache;

std::string windowWords(const warehouse::ClockWindow& window) {
    return clockWords(window.startSeconds) + " to " + clockWords(window.endSeconds);
}

// What the planner must agree to: the stop, and whose windows move out of their slot.
void askToConfirm(PageView& view, const warehouse::SameDayInsertion& insertion,
                  const std::string& date) {
    mustache::data ask;
    ask.set("summary", "Visit " + std::to_string(insertion.visit.value()) + " fits as stop " +
                           std::to_string(insertion.position) + " on van " + insertion.vanCode +
                           ", arriving " + windowWords(insertion.window) + ", only if " +
                           std::to_string(insertion.slotsBroken) +
                           (insertion.slotsBroken == 1 ? " resident is" : " residents are") +
                           " moved out of the slot they booked.");
    mustache::data moved(mustache::data::type::list);
    for (const auto& m : insertion.moved) {
        mustache::data row;
        row.set("resident", m.residentName);
        row.set("before", windowWords(m.before));
        row.set("after", windowWords(m.after));
        row.set("out_of_slot", m.outOfSlot ? std::string("Yes") : std::string("No"));
        moved.push_back(row);
    }
    ask.set("moved", moved);
    ask.set("date", date);
    ask.set("visit", std::to_string(insertion.visit.value()));
    view.data.set("confirm_insert", ask);
}

Response insert(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::planner});
    const auto day = parseDate(form.text("date").substr(0, 20));
    if (!day) throw BadRequest("date", "the day to change is missing");
    const std::string order = form.text("order").substr(0, 40);
    const auto visitNumber = plainDecimal(form.text("visit").substr(0, 20));
    if (order.empty() && !visitNumber) throw BadRequest("visit", "the visit to put in is missing");
    std::string problem;
    int status = 409;
    try {
        const VisitId visit = visitNumber
                                  ? VisitId(*visitNumber)
                                  : warehouse::deliveryVisitOf(site.app.db, order, site.app.now());
        const auto insertion = timedSolver(*site.app.metrics, "insert", [&] {
            return warehouse::insertIntoDay(site.app.db, *day, visit, form.text("confirm") == "yes",
                                            actor, site.app.now(), site.app.dispatch);
        });
        if (insertion.applied) {
            return Site::redirect("/plan?date=" + formatDate(*day) +
                                  "&inserted=" + std::to_string(visit.value()));
        }
        PageView view = planView(site, *day);
        askToConfirm(view, insertion, formatDate(*day));
        view.status = 409;
        return site.render(request, actor, std::move(view));
    } catch (const ValidationError& e) {
        problem = e.what();
        status = 422;
    } catch (const NotFound& e) {
        problem = e.what();
        status = 404;
    } catch (const Conflict& e) {
        problem = e.what();
    }
    PageView view = planView(site, *day);
    addError(view, "insert", "It cannot go into the day: " + problem, "unplaced");
    view.status = status;
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addPlanInsertPages(Router& router, Site& site) {
    site.post(router, "/plan/insert",
              [&site](Request& r, const FormFields& f) { return insert(site, r, f); });
}

}  // namespace ces::web
