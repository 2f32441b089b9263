#include <algorithm>

#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "core/store/orders/order_queries.h"
#include "core/store/orders/orders.h"
#include "warehouse/delivery_slots.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/pages/self_purchase_offer.h"
#include "web/policies.h"

namespace ces::web {

namespace {

struct DraftStep {
    Actor actor;
    OrderDraft draft;
};

/// The signed-in prescriber and their draft; back to the first step if no resident is chosen.
DraftStep draftFor(Site& site, const Request& request) {
    DraftStep step{site.require(request, {Role::prescriber}), {}};
    step.draft = site.drafts.get(step.actor.id);
    if (!step.draft.resident) throw RedirectTo("/orders/new");
    return step;
}

PageView stepView(const std::string& title, const std::string& templateName,
                  const OrderDraft& draft) {
    PageView view;
    view.title = title;
    view.templateName = templateName;
    view.section = "new-order";
    view.data.set("resident_name", draft.resident->name);
    return view;
}

mustache::data linesData(const OrderDraft& draft) {
    mustache::data lines(mustache::data::type::list);
    for (std::size_t i = 0; i < draft.lines.size(); ++i) {
        mustache::data line;
        line.set("index", std::to_string(i));
        line.set("code", draft.lines[i].itemCode);
        line.set("name", draft.lines[i].name);
        line.set("quantity", std::to_string(draft.lines[i].quantity));
        lines.push_back(line);
    }
    return lines;
}

mustache::data specialsData(const OrderDraft& draft) {
    mustache::data specials(mustache::data::type::list);
    for (std::size_t i = 0; i < draft.specials.size(); ++i) {
        mustache::data special;
        special.set("index", std::to_string(i));
        special.set("description", draft.specials[i].description);
        special.set("price", pounds(draft.specials[i].estimatedPricePence));
        specials.push_back(special);
    }
    return specials;
}

PageView itemsView(const OrderDraft& draft) {
    PageView view = stepView("What equipment is needed?", "order_items", draft);
    view.data.set("lines", linesData(draft));
    view.data.set("specials", specialsData(draft));
    view.data.set("has_lines", !draft.lines.empty() || !draft.specials.empty());
    view.data.set("quantity", "1");
    return view;
}

Response changeItems(Site& site, Request& request, const FormFields& form) {
    auto [actor, draft] = draftFor(site, request);
    const std::string action = form.text("action");
    PageView view = itemsView(draft);
    if (action == "remove" || action == "remove-special") {
        const auto index = plainDecimal(form.text("index"));
        if (action == "remove" && index && *index >= 0 &&
            static_cast<std::size_t>(*index) < draft.lines.size()) {
            draft.lines.erase(draft.lines.begin() + *index);
        }
        if (action == "remove-special" && index && *index >= 0 &&
            static_cast<std::size_t>(*index) < draft.specials.size()) {
            draft.specials.erase(draft.specials.begin() + *index);
        }
    } else if (action == "add-special") {
        const std::string description = form.text("description");
        view.data.set("description", description);
        view.data.set("estimated_price", form.text("estimated_price"));
        if (description.empty()) addError(view, "description", "Describe what is needed");
        if (description.size() > 1000) {
            addError(view, "description", "The description must be 1,000 characters or fewer");
        }
        Pence price = 0;
        try {
            price = parsePoundsToPence(form.text("estimated_price"), "estimated_price");
            if (price <= 0) throw ValidationError("estimated_price", "");
        } catch (const ValidationError&) {
            addError(view, "estimated_price", "Enter the estimated price in pounds, like 850.00");
        }
        if (!view.errors.empty()) {
            view.status = 422;
            return site.render(request, actor, std::move(view));
        }
        draft.specials.push_back({description, price});
    } else {
        std::string code = form.text("item_code");
        for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        const auto quantity = plainDecimal(form.text("quantity"));
        view.data.set("item_code", code);
        view.data.set("quantity", form.text("quantity"));
        std::optional<CatalogueItem> item;
        if (code.empty()) {
            addError(view, "item_code", "Enter an item code");
        } else {
            item = site.app.db.read([&](store::Connection& c) { return store::findItem(c, code); });
            if (!item) addError(view, "item_code", "There is no catalogue item " + code);
        }
        if (!quantity || *quantity < 1 || *quantity > store::kMaxLineQuantity) {
            addError(view, "quantity",
                     "Quantity must be a whole number from 1 to " +
                         std::to_string(store::kMaxLineQuantity));
        }
        if (!view.errors.empty()) {
            view.status = 422;
            return site.render(request, actor, std::move(view));
        }
        bool merged = false;
        for (auto& line : draft.lines) {
            if (line.itemCode == code) {
                line.quantity = std::min(line.quantity + *quantity, store::kMaxLineQuantity);
                merged = true;
            }
        }
        if (!merged) draft.lines.push_back({code, item->name, *quantity});
    }
    site.drafts.put(actor.id, draft);
    return Site::redirect("/orders/new/items");
}

PageView speedView(const OrderDraft& draft, const std::string& chosen) {
    PageView view = stepView("How quickly is it needed?", "order_speed", draft);
    mustache::data speeds(mustache::data::type::list);
    const std::pair<Speed, const char*> hints[] = {
        {Speed::emergency,
         "Within 4 hours if approved by 2pm, otherwise by midday the next "
         "working day. We will phone you if there is a problem."},
        {Speed::next_day, "By 5pm on the next working day"},
        {Speed::three_day, "By 5pm on the third working day"},
        {Speed::five_day, "By 5pm on the fifth working day"},
    };
    bool first = true;
    for (const auto& [speed, hint] : hints) {
        mustache::data option;
        const std::string value(toString(speed));
        // The first radio carries the id the error summary links to.
        option.set("id", first ? std::string("speed") : "speed-" + value);
        option.set("value", value);
        option.set("label", speedLabel(speed));
        option.set("hint", hint);
        option.set("checked", value == chosen);
        speeds.push_back(option);
        first = false;
    }
    view.data.set("speeds", speeds);
    return view;
}

Response chooseSpeed(Site& site, Request& request, const FormFields& form) {
    auto [actor, draft] = draftFor(site, request);
    const std::string speed = form.text("speed");
    if (!parseSpeed(speed)) {
        PageView view = speedView(draft, "");
        addError(view, "speed", "Choose how quickly the equipment is needed");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    draft.speed = speed;
    site.drafts.put(actor.id, draft);
    return Site::redirect(draft.notesGiven ? "/orders/new/check" : "/orders/new/notes");
}

PageView notesView(const OrderDraft& draft, const std::string& notes) {
    PageView view = stepView("Delivery notes", "order_notes", draft);
    view.data.set("notes", notes);
    if (!draft.resident->accessNotes.empty()) {
        view.data.set("access_notes", draft.resident->accessNotes);
    }
    return view;
}

Response giveNotes(Site& site, Request& request, const FormFields& form) {
    auto [actor, draft] = draftFor(site, request);
    const std::string notes = form.text("notes");
    if (notes.size() > 2000) {
        PageView view = notesView(draft, notes);
        addError(view, "notes", "Notes must be 2,000 characters or fewer");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    draft.notes = notes;
    draft.notesGiven = true;
    site.drafts.put(actor.id, draft);
    return Site::redirect("/orders/new/check");
}

bool boughtByResident(const std::vector<store::SelfPurchaseChoice>& choices,
                      const std::string& itemCode) {
    return std::any_of(choices.begin(), choices.end(), [&](const auto& choice) {
        return choice.itemCode == itemCode && choice.outcome == SelfPurchaseOutcome::self_purchase;
    });
}

// Every item was bought by the resident: nothing is issued, the choice is recorded.
Response selfPurchaseRecorded(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber});
    PageView view;
    view.title = "Self-purchase recorded";
    view.templateName = "order_self_purchase";
    view.section = "new-order";
    return site.render(request, actor, std::move(view));
}

/// The first step not yet answered, or "" when the draft is complete.
std::string missingStep(const OrderDraft& draft) {
    if (!draft.resident) return "/orders/new";
    if (draft.lines.empty() && draft.specials.empty()) return "/orders/new/items";
    if (draft.speed.empty()) return "/orders/new/speed";
    if (!draft.notesGiven) return "/orders/new/notes";
    return "";
}

std::map<std::string, RetailAlternative> alternativesOf(Site& site) {
    return site.app.db.read([](store::Connection& c) { return store::retailAlternatives(c); });
}

PageView checkView(const OrderDraft& draft,
                   const std::map<std::string, RetailAlternative>& alternatives,
                   const FormFields* answers = nullptr) {
    PageView view = stepView("Check your order before sending it", "order_check", draft);
    view.data.set("offers", retailOffers(draft.lines, alternatives, answers));
    view.data.set("resident_dob", longDate(draft.resident->dateOfBirth));
    view.data.set("resident_postcode", draft.resident->postcode);
    view.data.set("resident_district", draft.resident->district);
    view.data.set("lines", linesData(draft));
    view.data.set("specials", specialsData(draft));
    view.data.set("speed", speedLabel(draft.speed));
    if (!draft.notes.empty()) view.data.set("notes", draft.notes);
    return view;
}

Response submitOrder(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::prescriber});
    auto taken = site.drafts.take(actor.id);
    if (!taken) return Site::redirect("/orders");  // already sent (a second click)
    const OrderDraft draft = std::move(*taken);
    if (const auto step = missingStep(draft); !step.empty()) {
        site.drafts.put(actor.id, draft);
        return Site::redirect(step);
    }
    const auto alternatives = alternativesOf(site);
    PageView view = checkView(draft, alternatives, &form);
    std::vector<store::SelfPurchaseChoice> choices;
    try {
        choices = choicesFrom(form, draft.lines, alternatives);
    } catch (const ValidationError& e) {
        addError(view, e.field(), e.what(), e.field());
        view.data.set("offers", retailOffers(draft.lines, alternatives, &form,
                                             {e.field(), e.field(), e.what()}));
        view.status = 422;
        site.drafts.put(actor.id, draft);
        return site.render(request, actor, std::move(view));
    }
    store::NewOrder order;
    order.resident = draft.resident->id;
    order.speed = *parseSpeed(draft.speed);
    for (const auto& line : draft.lines) {
        if (!boughtByResident(choices, line.itemCode)) {
            order.lines.push_back({line.itemCode, line.quantity});
        }
    }
    for (const auto& special : draft.specials) {
        order.specials.push_back({special.description, special.estimatedPricePence});
    }
    order.notes = draft.notes;
    order.countersign = form.text("countersign") == "yes";
    try {
        const auto emergency = emergencyPolicyOf(site.app.settings());
        if (order.lines.empty() && order.specials.empty()) {
            // Everything offered is bought by the resident: only the choices are kept.
            site.app.db.write([&](store::Connection& c) {
                store::recordSelfPurchaseChoices(c, order.resident, std::nullopt, choices, actor,
                                                 site.app.now());
            });
            return Site::redirect("/orders/new/self-purchase?resident=" +
                                  std::to_string(order.resident.value()));
        }
        const auto outcome = site.app.db.write([&](store::Connection& c) {
            auto placed = store::createOrder(c, order, actor, site.app.now(),
                                             site.app.workingDays(), emergency);
            store::recordSelfPurchaseChoices(c, order.resident, placed.reference, choices, actor,
                                             site.app.now());
            return placed;
        });
        return Site::redirect("/orders/" + outcome.reference + "/confirmation");
    } catch (const OutOfStock& e) {
        std::string name = e.field();
        for (std::size_t i = 0; i < draft.lines.size(); ++i) {
            if (e.field().starts_with("lines[" + std::to_string(i) + "]")) {
                name = draft.lines[i].name;
            }
        }
        addError(view, "items", name + " is out of stock in every depot", "items");
        mustache::data equivalents(mustache::data::type::list);
        for (const auto& equivalent : e.equivalents()) {
            mustache::data item;
            item.set("code", equivalent.code);
            item.set("name", equivalent.name);
            item.set("available", std::to_string(equivalent.available));
            equivalents.push_back(item);
        }
        view.data.set("equivalents", equivalents);
        view.data.set("equivalents_shown", !e.equivalents().empty());
        view.status = 409;
    } catch (const CompetenceRequired& e) {
        std::string name = e.itemCode();
        for (const auto& line : draft.lines) {
            if (line.itemCode == e.itemCode()) name = line.name;
        }
        addError(view, "items",
                 name + " needs " + competenceLabel(e.competence()) +
                     " competence, which you do not hold",
                 "items");
        view.data.set("countersign_offer",
                      "A colleague in your team who holds " + competenceLabel(e.competence()) +
                          " competence can countersign it: the order waits for them, with no "
                          "stock reserved until they do. Or change the items.");
        view.status = 403;
    } catch (const ValidationError& e) {
        const std::string anchor = e.field() == "speed"                ? "delivery"
                                   : e.field() == "notes"              ? "delivery"
                                   : e.field().starts_with("resident") ? "resident"
                                                                       : "items";
        addError(view, anchor, std::string(e.what()), anchor);
        view.status = 422;
    } catch (...) {
        site.drafts.put(actor.id, draft);
        throw;
    }
    site.drafts.put(actor.id, draft);
    return site.render(request, actor, std::move(view));
}

Response confirmation(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber});
    const auto order = site.app.db.write([&](store::Connection& c) {
        return store::readOrder(c, request.pathParams["ref"], actor, site.app.now());
    });
    PageView view;
    view.title = "Order sent";
    view.templateName = "order_confirmation";
    view.section = "new-order";
    view.data.set("reference", order.reference);
    const StatusTag tag = statusTag(order.status);
    view.data.set("status_text", tag.text);
    view.data.set("status_class", tag.cssClass);
    if (order.dueBy) view.data.set("due_by", ukDateTime(*order.dueBy));
    view.data.set("countersign", order.status == OrderStatus::awaiting_countersignature);
    view.data.set("resident_name", order.residentName);
    view.data.set("tracking_token", order.trackingToken);
    if (warehouse::canBookDeliverySlot(order.status)) {
        view.data.set("slot_link", "/orders/" + order.reference + "/slot");
    }
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addOrderFlowPages(Router& router, Site& site) {
    site.get(router, "/orders/new/items", [&site](Request& r) {
        auto [actor, draft] = draftFor(site, r);
        return site.render(r, actor, itemsView(draft));
    });
    site.post(router, "/orders/new/items",
              [&site](Request& r, const FormFields& f) { return changeItems(site, r, f); });
    site.get(router, "/orders/new/speed", [&site](Request& r) {
        auto [actor, draft] = draftFor(site, r);
        if (draft.lines.empty() && draft.specials.empty()) throw RedirectTo("/orders/new/items");
        return site.render(r, actor, speedView(draft, draft.speed));
    });
    site.post(router, "/orders/new/speed",
              [&site](Request& r, const FormFields& f) { return chooseSpeed(site, r, f); });
    site.get(router, "/orders/new/notes", [&site](Request& r) {
        auto [actor, draft] = draftFor(site, r);
        return site.render(r, actor, notesView(draft, draft.notes));
    });
    site.post(router, "/orders/new/notes",
              [&site](Request& r, const FormFields& f) { return giveNotes(site, r, f); });
    site.get(router, "/orders/new/check", [&site](Request& r) {
        auto [actor, draft] = draftFor(site, r);
        if (const auto step = missingStep(draft); !step.empty()) throw RedirectTo(step);
        return site.render(r, actor, checkView(draft, alternativesOf(site)));
    });
    site.post(router, "/orders/new/submit",
              [&site](Request& r, const FormFields& f) { return submitOrder(site, r, f); });
    site.get(router, "/orders/new/self-purchase",
             [&site](Request& r) { return selfPurchaseRecorded(site, r); });
    site.get(router, "/orders/{ref}/confirmation",
             [&site](Request& r) { return confirmation(site, r); });
}

}  // namespace ces::web
