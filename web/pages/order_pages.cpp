#include "core/store/orders/order_loans.h"
#include "core/store/orders/order_queries.h"
#include "core/store/orders/orders.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/order_cancellation.h"
#include "web/http/paging.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/policies.h"

namespace ces::web {

namespace {

const std::initializer_list<Role> kOrderReaders = {Role::prescriber, Role::budget_holder,
                                                   Role::warehouse, Role::planner};

// Only an order taken over from the outgoing provider (`ces migrate`) is delivered without a due
// date: it had no speed here, and its day is the day they lent the equipment.
bool takenOver(OrderStatus status, const std::optional<std::string>& dueBy) {
    return status == OrderStatus::delivered && !dueBy;
}

std::string speedText(OrderStatus status, Speed speed, const std::optional<std::string>& dueBy) {
    return takenOver(status, dueBy) ? "Lent by the previous provider" : speedLabel(speed);
}

std::string dueText(OrderStatus status, const std::optional<std::string>& dueBy) {
    if (dueBy) return ukDateTime(*dueBy);
    if (status == OrderStatus::awaiting_countersignature) return "Not yet countersigned";
    return takenOver(status, dueBy) ? "None" : "Not yet approved";
}

Response ordersPage(Site& site, Request& request) {
    const Actor actor = site.require(request, kOrderReaders);
    const std::string statusText = request.queryValue("status");
    const auto status = parseOrderStatus(statusText);
    const auto page = pageRequest(request, 50);
    const auto listed = site.app.db.read(
        [&](store::Connection& c) { return store::listOrders(c, actor, status, page); });
    const auto& orders = listed.items;

    PageView view;
    view.title = actor.role == Role::prescriber ? "My team's orders" : "Orders";
    view.templateName = "orders";
    view.section = "orders";
    mustache::data statuses(mustache::data::type::list);
    for (OrderStatus each : allOrderStatuses) {
        mustache::data option;
        option.set("value", std::string(toString(each)));
        option.set("text", statusTag(each).text);
        option.set("selected", status == each);
        statuses.push_back(option);
    }
    view.data.set("statuses", statuses);
    mustache::data rows(mustache::data::type::list);
    for (const auto& order : orders) {
        mustache::data row;
        row.set("reference", order.reference);
        const StatusTag tag = statusTag(order.status);
        row.set("status_text", tag.text);
        row.set("status_class", tag.cssClass);
        row.set("speed", speedText(order.status, order.speed, order.dueBy));
        row.set("due_by", dueText(order.status, order.dueBy));
        row.set("created", ukDate(order.createdAt));
        rows.push_back(row);
    }
    view.data.set("orders", rows);
    view.data.set("has_orders", !orders.empty());
    const std::string shown =
        orders.size() == 1 ? std::string("1 order") : std::to_string(orders.size()) + " orders";
    view.data.set("count_text", listed.next ? shown + " shown, newest first" : shown);
    setNextLink(view, request, listed.next, "Older orders");
    return site.render(request, actor, std::move(view));
}

PageView orderView(const Actor& actor, const store::OrderDetail& order) {
    PageView view;
    view.title = order.reference;
    view.templateName = "order";
    view.section = "orders";
    const StatusTag tag = statusTag(order.status);
    view.data.set("reference", order.reference);
    view.data.set("status_text", tag.text);
    view.data.set("status_class", tag.cssClass);
    view.data.set("resident_name", order.residentName);
    view.data.set("resident_postcode", order.residentPostcode);
    view.data.set("resident_district", order.residentDistrict);
    view.data.set("speed", speedText(order.status, order.speed, order.dueBy));
    view.data.set("due_by", dueText(order.status, order.dueBy));
    view.data.set("created", takenOver(order.status, order.dueBy) ? ukDate(order.createdAt)
                                                                  : ukDateTime(order.createdAt));
    view.data.set("total", pounds(order.totalPence));
    if (!order.notes.empty()) view.data.set("notes", order.notes);
    if (actor.role == Role::prescriber) view.data.set("tracking_token", order.trackingToken);
    if (actor.role == Role::prescriber) {
        view.data.set("change_details",
                      "/residents/" + std::to_string(order.residentId.value()) + "/change");
    }
    if (actor.role == Role::prescriber && warehouse::canBookDeliverySlot(order.status)) {
        view.data.set("slot_link", "/orders/" + order.reference + "/slot");
    }
    mustache::data lines(mustache::data::type::list);
    for (const auto& l : order.lines) {
        mustache::data line;
        line.set("code", l.itemCode);
        line.set("name", l.name);
        line.set("quantity", std::to_string(l.quantity));
        line.set("depot", l.depotCode.value_or("Not reserved yet"));
        lines.push_back(line);
    }
    view.data.set("lines", lines);
    mustache::data specials(mustache::data::type::list);
    for (const auto& s : order.specials) {
        mustache::data special;
        special.set("description", s.description);
        special.set("status", s.status);
        specials.push_back(special);
    }
    view.data.set("specials", specials);
    mustache::data history(mustache::data::type::list);
    for (const auto& e : order.history) {
        mustache::data event;
        const StatusTag eventTag = statusTag(e.to);
        event.set("status_text", eventTag.text);
        event.set("status_class", eventTag.cssClass);
        event.set("at", ukDateTime(e.at));
        if (!e.by.empty()) event.set("by", e.by);
        if (!e.note.empty()) event.set("note", e.note);
        history.push_back(event);
    }
    view.data.set("history", history);
    const bool mayCancel = actor.role == Role::prescriber || actor.role == Role::budget_holder;
    view.data.set("can_cancel", mayCancel && canTransition(order.status, OrderStatus::cancelled));
    view.data.set("can_countersign", actor.role == Role::prescriber &&
                                         order.status == OrderStatus::awaiting_countersignature);
    return view;
}

Response orderPage(Site& site, Request& request) {
    const Actor actor = site.require(request, kOrderReaders);
    const auto order = site.app.db.write([&](store::Connection& c) {
        return store::readOrder(c, request.pathParams["ref"], actor, site.app.now());
    });
    PageView view = orderView(actor, order);
    // A collection can be asked for once something from the order is in the home.
    if (actor.role == Role::prescriber && order.status == OrderStatus::delivered &&
        !site.app.db
             .read([&](store::Connection& c) { return store::orderLoanLines(c, order.reference); })
             .empty()) {
        view.data.set("collection_link", "/orders/" + order.reference + "/collection");
    }
    return site.render(request, actor, std::move(view));
}

// The order page again, with `message` against `field` (the cancel form's reason, or the status).
Response orderWithError(Site& site, Request& request, const Actor& actor,
                        const std::string& reference, const std::string& field,
                        const std::string& message, const std::string& anchor, int status) {
    const auto order = site.app.db.write([&](store::Connection& c) {
        return store::readOrder(c, reference, actor, site.app.now());
    });
    PageView view = orderView(actor, order);
    addError(view, field, message, anchor);
    view.status = status;
    return site.render(request, actor, std::move(view));
}

Response cancelOrder(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::prescriber, Role::budget_holder});
    const std::string reference = request.pathParams["ref"];
    try {
        site.app.db.write([&](store::Connection& c) {
            warehouse::cancelOrder(c, reference, actor, site.app.now(), form.text("reason"));
        });
    } catch (const ValidationError& e) {
        return orderWithError(site, request, actor, reference, e.field(), e.what(), e.field(), 422);
    } catch (const Conflict&) {
        return orderWithError(site, request, actor, reference, "reason",
                              "This order can no longer be cancelled", "status", 409);
    }
    return Site::redirect("/orders/" + reference);
}

Response countersignOrder(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber});
    const std::string reference = request.pathParams["ref"];
    try {
        site.app.db.write([&](store::Connection& c) {
            return store::countersignOrder(c, reference, actor, site.app.now(),
                                           site.app.workingDays(),
                                           emergencyPolicyOf(site.app.settings()));
        });
    } catch (const CompetenceRequired& e) {
        return orderWithError(site, request, actor, reference, "countersign",
                              "You do not hold " + competenceLabel(e.competence()) +
                                  " competence either: a colleague who does must countersign",
                              "countersign", 403);
    } catch (const Forbidden& e) {
        return orderWithError(site, request, actor, reference, "countersign",
                              "A colleague must countersign: you placed this order", "countersign",
                              403);
    } catch (const Conflict&) {
        return orderWithError(site, request, actor, reference, "countersign",
                              "This order is no longer waiting for a countersignature", "status",
                              409);
    }
    return Site::redirect("/orders/" + reference);
}

}  // namespace

void addOrderPages(Router& router, Site& site) {
    site.get(router, "/orders", [&site](Request& r) { return ordersPage(site, r); });
    site.get(router, "/orders/{ref}", [&site](Request& r) { return orderPage(site, r); });
    site.post(router, "/orders/{ref}/cancel",
              [&site](Request& r, const FormFields& f) { return cancelOrder(site, r, f); });
    site.post(router, "/orders/{ref}/countersign",
              [&site](Request& r, const FormFields&) { return countersignOrder(site, r); });
}

}  // namespace ces::web
