// The specials board: non-catalogue items grouped by where they are, each card with the form
// for its next step (quote, order, receive; a budget holder approves elsewhere), the same
// operations as /api/v1/specials/{id}/quote, /order and /receive.
#include "core/money.h"
#include "core/store/admin/geography.h"
#include "warehouse/specials.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/warehouse_pages.h"
#include "web/policies.h"

namespace ces::web {

namespace {

/// A problem with one card's form.
struct CardError {
    std::int64_t id = 0;
    std::string field;  ///< supplier, price, purchase_order, depot, months or step.
    std::string message;
};

struct Column {
    SpecialStatus status;
    const char* heading;
};
constexpr Column kColumns[] = {
    {SpecialStatus::requested, "Requested"},
    {SpecialStatus::approved, "Approved, waiting for a quote"},
    {SpecialStatus::quoted, "Quoted, to order"},
    {SpecialStatus::ordered, "Ordered, waiting for delivery to us"},
    {SpecialStatus::received, "Received, going out with the order"},
};

std::string fieldId(const std::string& field, std::int64_t id) {
    std::string text = field;
    text.append("-").append(std::to_string(id));
    return text;
}

mustache::data card(const warehouse::SpecialView& v, const std::vector<store::Depot>& depots,
                    const std::optional<CardError>& error) {
    const auto& s = v.record;
    mustache::data item;
    item.set("id", std::to_string(s.id.value()));
    item.set("order_reference", s.orderReference);
    item.set("description", s.description);
    item.set("estimate", pounds(s.estimatedPricePence));
    item.set("requested", ukDate(formatInstant(s.requestedAt)));
    item.set("target", ukDate(formatInstant(v.targetArrival)));
    item.set("days_open", std::to_string(v.daysOpen));
    item.set("breached", v.breached);
    if (s.supplier) item.set("supplier", *s.supplier);
    if (s.quotePence) item.set("quote", pounds(*s.quotePence));
    if (s.purchaseOrder) item.set("purchase_order", *s.purchaseOrder);
    if (s.barcode) item.set("barcode", *s.barcode);
    const SpecialStatus status = s.status;
    const bool toQuote = status == SpecialStatus::approved ||
                         (status == SpecialStatus::requested && !v.approvalNeeded);
    item.set("awaiting_approval", status == SpecialStatus::requested && v.approvalNeeded);
    item.set("to_quote", toQuote);
    item.set("to_order", status == SpecialStatus::quoted);
    item.set("to_receive", status == SpecialStatus::ordered);
    item.set("received", status == SpecialStatus::received);
    mustache::data depotOptions(mustache::data::type::list);
    for (const auto& d : depots) {
        mustache::data option;
        option.set("value", d.code);
        option.set("text", d.name + " (" + d.code + ")");
        depotOptions.push_back(option);
    }
    item.set("depots", depotOptions);
    if (error && error->id == s.id.value()) item.set(error->field + "_error", error->message);
    return item;
}

/// The banner after a step: what was done to which special, from the stored record.
std::string doneMessage(const std::optional<store::SpecialRecord>& s, const std::string& done) {
    if (!s) return "";
    const std::string what = s->description + " for " + s->orderReference;
    if (done == "quoted" && s->quotePence) {
        return what + " is quoted at " + pounds(*s->quotePence) + " by " +
               s->supplier.value_or("") + ".";
    }
    if (done == "ordered") return what + " is ordered (" + s->purchaseOrder.value_or("") + ").";
    if (done == "received" && s->barcode) return what + " is received as " + *s->barcode + ".";
    return "";
}

/// "12 open specials", and when more follow, which these are.
std::string countText(std::size_t shown, bool more) {
    const std::string counted =
        shown == 1 ? std::string("1 open special") : std::to_string(shown) + " open specials";
    return more ? counted + " shown, oldest request first" : counted;
}

PageView specialsView(Site& site, const std::string& done, std::int64_t doneId,
                      const std::optional<CardError>& error, const store::PageRequest& page) {
    PageView view;
    view.title = "Specials";
    view.templateName = "warehouse_specials";
    view.section = "specials";
    store::Page<warehouse::SpecialView> listed;
    std::vector<store::Depot> depots;
    const auto policy = specialsPolicyOf(site.app.settings());
    view.data.set("target_weeks", std::to_string(policy.target.count() / 7));
    site.app.db.read([&](store::Connection& c) {
        listed = warehouse::listSpecials(c, false, false, site.app.now(), policy, page);
        depots = store::listDepots(c);
        if (const std::string message = doneMessage(store::findSpecial(c, SpecialId(doneId)), done);
            !message.empty()) {
            view.data.set("done", message);
        }
        return 0;
    });
    mustache::data columns(mustache::data::type::list);
    for (const auto& column : kColumns) {
        mustache::data group;
        const std::string status(toString(column.status));
        group.set("status", status);
        group.set("heading", column.heading);
        mustache::data cards(mustache::data::type::list);
        std::size_t count = 0;
        for (const auto& v : listed.items) {
            if (v.record.status != column.status) continue;
            cards.push_back(card(v, depots, error));
            ++count;
        }
        group.set("cards", cards);
        group.set("count", std::to_string(count));
        group.set("empty", count == 0);
        columns.push_back(group);
    }
    view.data.set("columns", columns);
    view.data.set("count_text", countText(listed.items.size(), listed.next.has_value()));
    setNextLink(view, "/warehouse/specials", listed.next, "More specials");
    if (error) addError(view, error->field, error->message, fieldId(error->field, error->id));
    return view;
}

std::int64_t idOf(Request& request) {
    return parsePathId(request.pathParams["id"], "There is no such special.");
}

using SpecialStepWork = std::function<std::string(store::Connection&, const Actor&, std::int64_t)>;

Response specialStep(Site& site, Request& request, const SpecialStepWork& work) {
    const Actor actor = requireWarehouse(site, request);
    const std::int64_t id = idOf(request);
    std::optional<CardError> error;
    int status = 422;
    try {
        const std::string done =
            site.app.db.write([&](store::Connection& c) { return work(c, actor, id); });
        std::string location = "/warehouse/specials?done=" + done;
        return Site::redirect(location.append("&id=").append(std::to_string(id)));
    } catch (const ValidationError& e) {
        std::string field = e.field();
        if (field == "price_pence") field = "price";
        if (field == "inspection_interval_months") field = "months";
        error = CardError{id, field, e.what()};
    } catch (const Conflict& e) {
        status = 409;
        error = CardError{id, "step",
                          e.code() == "needs_approval"
                              ? "That price needs a budget holder's approval first"
                              : std::string(e.what())};
    }
    PageView view = specialsView(site, "", 0, error, {});
    view.status = status;
    return site.render(request, actor, std::move(view));
}

std::string quote(Site& site, const warehouse::SpecialsPolicy& policy, const FormFields& form,
                  store::Connection& c, const Actor& actor, std::int64_t id) {
    const std::string supplier = form.text("supplier");
    if (supplier.empty()) throw ValidationError("supplier", "Enter the supplier");
    if (supplier.size() > 200) throw ValidationError("supplier", "At most 200 characters");
    std::string price = form.text("price");
    if (price.starts_with("\xC2\xA3")) price = price.substr(2);  // a typed pound sign
    std::erase(price, ',');
    Pence pence = 0;
    try {
        pence = parsePoundsToPence(price, "price");
    } catch (const ValidationError&) {
        throw ValidationError("price", "Enter the quoted price in pounds, like 650.00");
    }
    warehouse::quoteSpecial(c, SpecialId(id), supplier, pence, actor, site.app.now(), policy);
    return "quoted";
}

std::string order(Site& site, const warehouse::SpecialsPolicy& policy, const FormFields& form,
                  store::Connection& c, const Actor& actor, std::int64_t id) {
    const std::string purchaseOrder = form.text("purchase_order");
    if (purchaseOrder.empty()) {
        throw ValidationError("purchase_order", "Enter the purchase order number");
    }
    if (purchaseOrder.size() > 100)
        throw ValidationError("purchase_order", "At most 100 characters");
    warehouse::orderSpecial(c, SpecialId(id), purchaseOrder, actor, site.app.now(), policy);
    return "ordered";
}

std::string receive(Site& site, const warehouse::SpecialsPolicy& policy, const FormFields& form,
                    store::Connection& c, const Actor& actor, std::int64_t id) {
    const std::string depot = form.text("depot");
    if (depot.empty()) throw ValidationError("depot", "Select the depot it arrived at");
    const std::string monthsText = form.text("months");
    int months = 0;
    if (!monthsText.empty()) {
        // Two digits here; receiveSpecial holds the rule of 0 to 60.
        months = static_cast<int>(parseFieldNumber("months", monthsText, 0, 99,
                                                   "Enter the inspection interval as a whole "
                                                   "number of months from 0 to 60"));
    }
    warehouse::receiveSpecial(c, SpecialId(id), depot, months, actor, site.app.now(), policy);
    return "received";
}

Response specialsPage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    std::int64_t doneId = 0;
    const std::string idText = request.queryValue("id");
    if (const auto id = plainDecimal(idText)) doneId = *id;  // only names the special just done
    const std::string done = request.queryValue("done").substr(0, 20);
    return site.render(request, actor,
                       specialsView(site, done, doneId, std::nullopt, pageRequest(request)));
}

}  // namespace

void addWarehouseSpecialPages(Router& router, Site& site) {
    site.get(router, "/warehouse/specials", [&site](Request& r) { return specialsPage(site, r); });
    site.post(router, "/warehouse/specials/{id}/quote", [&site](Request& r, const FormFields& f) {
        const auto policy = specialsPolicyOf(site.app.settings());
        return specialStep(site, r, [&](store::Connection& c, const Actor& a, std::int64_t id) {
            return quote(site, policy, f, c, a, id);
        });
    });
    site.post(router, "/warehouse/specials/{id}/order", [&site](Request& r, const FormFields& f) {
        const auto policy = specialsPolicyOf(site.app.settings());
        return specialStep(site, r, [&](store::Connection& c, const Actor& a, std::int64_t id) {
            return order(site, policy, f, c, a, id);
        });
    });
    site.post(router, "/warehouse/specials/{id}/receive", [&site](Request& r, const FormFields& f) {
        const auto policy = specialsPolicyOf(site.app.settings());
        return specialStep(site, r, [&](store::Connection& c, const Actor& a, std::int64_t id) {
            return receive(site, policy, f, c, a, id);
        });
    });
}

}  // namespace ces::web
