#include <cctype>

#include "core/store/orders/order_access.h"
#include "core/store/orders/tracking.h"
#include "warehouse/delivery_slots.h"
#include "web/pages/page_language.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"
#include "web/pages/tracking_link.h"
#include "web/policies.h"

namespace ces::web {

namespace {

/// Who is choosing: the order's prescriber, or the resident through their tracking link.
struct SlotChooser {
    std::optional<Actor> prescriber;
    std::string reference;
    std::string token;                 ///< Set for a resident.
    Language language = Language::en;  ///< The resident's; prescribers read English.
};

std::string formAction(const SlotChooser& who) {
    return who.prescriber ? "/orders/" + who.reference + "/slot" : "/track/" + who.token + "/slot";
}

std::string backLink(const SlotChooser& who) {
    return who.prescriber ? "/orders/" + who.reference : "/track/" + who.token;
}

SlotChooser prescriberChooser(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::prescriber});
    const std::string reference = request.pathParams["ref"];
    site.app.db.read([&](store::Connection& c) {
        return store::loadOrderFor(c, reference, actor, store::OrderAccess::read);
    });
    return {actor, reference, "", Language::en};
}

SlotChooser residentChooser(Site& site, Request& request) {
    const store::TrackingView order = orderByTrackingLink(site, request);
    return {std::nullopt, order.reference, request.pathParams["token"].substr(0, 200),
            residentLanguage(request, order.contact.language)};
}

PageView slotView(Site& site, const SlotChooser& who, const std::string& chosen) {
    const WordsIn w(site.words, who.language);
    PageView view;
    if (!who.prescriber) view.language = who.language;
    view.title = w(who.prescriber ? "result_choose_slot" : "slot_title");
    view.templateName = "delivery_slot";
    view.section = who.prescriber ? "orders" : "track";
    view.data.set("reference", who.reference);
    view.data.set("action", formAction(who));
    view.data.set("back", backLink(who));
    view.data.set("resident", !who.prescriber);
    std::vector<warehouse::DeliverySlot> slots;
    std::optional<store::BookedDeliverySlot> booked;
    try {
        site.app.db.read([&](store::Connection& c) {
            slots = warehouse::offerDeliverySlots(c, who.reference, site.app.now(),
                                                  site.app.workingDays(), site.app.dispatch,
                                                  slotPolicyOf(site.app.settings()));
            booked = store::bookedDeliverySlot(c, store::findOrderRow(c, who.reference).id);
            return 0;
        });
    } catch (const Conflict&) {
        view.data.set("not_schedulable", true);
    }
    if (booked) {
        const std::string slot = w.slot(booked->date, booked->startSeconds, booked->endSeconds);
        view.data.set("booked", w("slot_booked", {{"slot", slot}}));
        view.data.set("booked_now", w("slot_booked_now", {{"slot", slot}}));
    }
    mustache::data list(mustache::data::type::list);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto& s = slots[i];
        const std::string value = formatDate(s.date) + "T" + warehouse::clockTime(s.startSeconds);
        mustache::data item;
        item.set("id", i == 0 ? std::string("slot") : "slot-" + std::to_string(i + 1));
        item.set("value", value);
        item.set("label", w.slot(s.date, s.startSeconds, s.endSeconds));
        item.set("checked", value == chosen);
        list.push_back(item);
    }
    view.data.set("slots", list);
    view.data.set("has_slots", !slots.empty());
    return view;
}

Response showSlots(Site& site, Request& request, const SlotChooser& who) {
    return site.render(request, who.prescriber, slotView(site, who, ""));
}

Response chooseSlot(Site& site, Request& request, const FormFields& form, const SlotChooser& who) {
    const std::string chosen = form.text("slot");
    const auto separator = chosen.find('T');
    const WordsIn w(site.words, who.language);
    std::string error;
    int status = 422;
    if (chosen.empty() || separator == std::string::npos || chosen.size() > 40) {
        error = w("slot_error_select");
    } else {
        const std::string date = chosen.substr(0, separator);
        const std::string clock = chosen.substr(separator + 1);
        int start = -1;
        if (clock.size() == 5 && clock[2] == ':' &&
            std::isdigit(static_cast<unsigned char>(clock[0])) &&
            std::isdigit(static_cast<unsigned char>(clock[1])) &&
            std::isdigit(static_cast<unsigned char>(clock[3])) &&
            std::isdigit(static_cast<unsigned char>(clock[4]))) {
            start = std::stoi(clock.substr(0, 2)) * 3600 + std::stoi(clock.substr(3, 2)) * 60;
        }
        try {
            site.app.db.write([&](store::Connection& c) {
                return warehouse::bookDeliverySlot(
                    c, who.reference, date, start,
                    who.prescriber ? std::optional<UserId>(who.prescriber->id) : std::nullopt,
                    site.app.now(), site.app.workingDays(), site.app.dispatch,
                    slotPolicyOf(site.app.settings()));
            });
            return Site::redirect(backLink(who));
        } catch (const ValidationError&) {
            error = w("slot_error_select");
        } catch (const Conflict& e) {
            status = 409;
            error = w(e.code() == "slot_unavailable" ? "slot_error_taken" : "slot_error_closed");
        }
    }
    PageView view = slotView(site, who, "");
    addError(view, "slot", error, "slot");
    view.status = status;
    return site.render(request, who.prescriber, std::move(view));
}

}  // namespace

void addSlotPages(Router& router, Site& site) {
    site.get(router, "/orders/{ref}/slot",
             [&site](Request& r) { return showSlots(site, r, prescriberChooser(site, r)); });
    site.post(router, "/orders/{ref}/slot", [&site](Request& r, const FormFields& f) {
        return chooseSlot(site, r, f, prescriberChooser(site, r));
    });
    site.get(router, "/track/{token}/slot",
             [&site](Request& r) { return showSlots(site, r, residentChooser(site, r)); });
    site.post(router, "/track/{token}/slot", [&site](Request& r, const FormFields& f) {
        return chooseSlot(site, r, f, residentChooser(site, r));
    });
}

}  // namespace ces::web
