#include <algorithm>

#include "core/postcode.h"
#include "core/store/orders/self_purchase.h"
#include "core/store/orders/tracking.h"
#include "warehouse/delivery_slots.h"
#include "web/pages/appointment_calendar.h"
#include "web/pages/date_fields.h"
#include "web/pages/page_language.h"
#include "web/pages/page_routes.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"
#include "web/pages/tracking_link.h"
#include "web/pages/tracking_words.h"

namespace ces::web {

namespace {

/// Who tracked: by link (token) or by reference, postcode and date of birth.
struct TrackedBy {
    std::string token;
    std::string reference;
    std::string postcode;
    std::string dateOfBirth;
};

std::optional<store::TrackingView> lookUp(Site& site, const Request& request, const TrackedBy& by) {
    App& app = site.app;
    std::vector<std::string> keys = {"ip:" + request.clientAddress};
    if (by.token.empty()) keys.push_back("ref:" + by.reference);
    refuseIfTrackingBlocked(site, request, keys);
    auto view = app.db.read([&](store::Connection& c) {
        return by.token.empty()
                   ? store::trackByDetails(c, by.reference, by.postcode, by.dateOfBirth)
                   : store::trackByToken(c, by.token);
    });
    if (!view) {
        for (const auto& key : keys) app.trackingLimiter.recordFailure(key, app.now());
    }
    return view;
}

PageView formView(const Site& site, const Request& request) {
    PageView view;
    view.language = residentLanguage(request);
    view.title = site.words.text(*view.language, "track_title");
    view.templateName = "track";
    view.section = "track";
    view.data.set("dob_own", true);
    return view;
}

// What the resident could buy themselves instead of what we lend, or chose to: in plain words.
mustache::data ownChoices(Site& site, const std::string& reference, const WordsIn& w) {
    const auto offered = site.app.db.read(
        [&](store::Connection& c) { return store::alternativesOffered(c, reference); });
    mustache::data lines(mustache::data::type::list);
    for (const auto& o : offered) {
        if (o.outcome == SelfPurchaseOutcome::self_purchase) {
            lines.push_back(mustache::data(w("own_chosen", {{"item", o.itemName}})));
            continue;
        }
        if (o.outcome != SelfPurchaseOutcome::declined) continue;  // not for a clinical reason
        lines.push_back(
            mustache::data(w("own_offered", {{"item", o.itemName},
                                             {"product", o.alternative.product},
                                             {"price", pounds(o.alternative.typicalPricePence)},
                                             {"where", o.alternative.whereToBuy}}) +
                           " " + w("own_safety", {{"note", o.alternative.safetyNote}})));
    }
    return lines;
}

Response resultPage(Site& site, Request& request, const store::TrackingView& found,
                    const TrackedBy& by) {
    PageView view;
    view.language = residentLanguage(request, found.contact.language);
    const WordsIn w(site.words, *view.language);
    if (found.closed) {
        view.title = w("track_closed_title");
        view.templateName = "error";
        view.section = "track";
        view.data.set("message", w("track_closed"));
        return site.render(request, site.signedIn(request), std::move(view));
    }
    view.title = w("result_title");
    view.templateName = "track_result";
    view.section = "track";
    view.data.set("reference", found.reference);
    view.data.set("status_text", trackingStatusLine(found, site.app.now(), w));
    const StatusTag tag = statusTag(found.status);
    view.data.set("status_tag",
                  parseOrderStatus(found.status) ? w("status_" + found.status) : tag.text);
    view.data.set("status_class", tag.cssClass);
    mustache::data items(mustache::data::type::list);
    for (const auto& item : found.items) items.push_back(mustache::data(item.name));
    view.data.set("items", items);
    const std::string when = trackingWhen(found, site.app.now(), w);
    if (!when.empty()) {
        view.data.set("when", when);
        view.data.set("arrival", trackingArrival(found, w));
        view.data.set("van_position", trackingVanPosition(found, site.app.now(), w));
        view.data.set("has_calendar", found.dueBy.has_value());
    }
    if (found.slot) {
        view.data.set("slot",
                      w.slot(found.slot->date, found.slot->startSeconds, found.slot->endSeconds));
    }
    if (const auto status = parseOrderStatus(found.status);
        status && warehouse::canBookDeliverySlot(*status)) {
        view.data.set("slot_link", "/track/" + found.trackingToken + "/slot");
    }
    if (found.status == "delivered") {
        view.data.set("collection_link", "/track/" + found.trackingToken + "/collection");
    }
    std::string pointsLink = "/collection-points";
    if (auto postcode = normalisePostcode(by.postcode)) {
        std::replace(postcode->begin(), postcode->end(), ' ', '+');
        pointsLink += "?postcode=" + *postcode;
    }
    view.data.set("points_link", pointsLink);
    mustache::data expected(mustache::data::type::list);
    for (const auto& line : trackingExpectations(found, w)) {
        expected.push_back(mustache::data(line));
    }
    view.data.set("expectations", expected);
    view.data.set("messages_line", trackingMessagesLine(found, site.app.messageChannels, w));
    const auto own = ownChoices(site, found.reference, w);
    view.data.set("has_own_choices", !own.is_empty_list());
    view.data.set("own_choices", own);
    if (!by.token.empty()) view.data.set("contact_link", "/track/" + by.token + "/contact");
    if (request.queryValue("contact") == "changed") {
        view.data.set("banner", w("result_contact_changed"));
    }
    if (request.queryValue("key_safe") == "withdrawn") {
        view.data.set("banner", w("result_key_safe_withdrawn"));
    }
    view.data.set("contact_team", found.contactTeam);
    view.data.set("contact_phone", found.contactPhone);
    std::string digits;
    for (char ch : found.contactPhone) {
        if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') digits += ch;
    }
    view.data.set("contact_phone_digits", digits);
    if (!by.token.empty()) view.data.set("token", by.token);
    view.data.set("postcode", by.postcode);
    view.data.set("date_of_birth", by.dateOfBirth);
    return site.render(request, site.signedIn(request), std::move(view));
}

Response trackByDetails(Site& site, Request& request, const FormFields& form) {
    PageView view = formView(site, request);
    const WordsIn w(site.words, *view.language);
    TrackedBy by;
    by.reference = form.text("reference");
    by.postcode = form.text("postcode");
    for (auto& ch : by.reference)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    view.data.set("reference", by.reference);
    view.data.set("postcode", by.postcode);
    view.data.set("dob_day", form.text("date_of_birth-day"));
    view.data.set("dob_month", form.text("date_of_birth-month"));
    view.data.set("dob_year", form.text("date_of_birth-year"));
    if (by.reference.empty()) addError(view, "reference", w("track_error_reference"));
    if (by.postcode.empty()) addError(view, "postcode", w("track_error_postcode"));
    const auto born = dateFromParts(form, "date_of_birth");
    if (!born) addError(view, "date_of_birth", w("track_error_date_of_birth"), "date_of_birth-day");
    if (by.reference.size() > 40 || by.postcode.size() > 20) {
        addError(view, "reference", w("track_error_reference_shape"));
    }
    if (view.errors.empty()) {
        by.dateOfBirth = *born;
        if (auto found = lookUp(site, request, by)) return resultPage(site, request, *found, by);
        addError(view, "reference", w("track_error_not_found"));
    }
    view.status = 422;
    return site.render(request, site.signedIn(request), std::move(view));
}

Response calendarFile(Site& site, const Request& request, const store::TrackingView& found) {
    if (!found.dueBy) throw NotFound("this order has no delivery date yet");
    Response response;
    response.contentType = "text/calendar; charset=utf-8";
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + found.reference + ".ics\"");
    std::vector<std::string> items;
    for (const auto& item : found.items) items.push_back(item.name);
    const WordsIn w = site.residentWords(request, found.contact.language);
    response.body = appointmentCalendar(
        {found.reference, *found.dueBy, items, found.contactTeam, found.contactPhone},
        site.app.now(), w);
    return response;
}

}  // namespace

void addTrackingPages(Router& router, Site& site) {
    site.get(router, "/track",
             [&site](Request& r) { return site.render(r, site.signedIn(r), formView(site, r)); });
    site.post(router, "/track",
              [&site](Request& r, const FormFields& f) { return trackByDetails(site, r, f); });
    site.post(router, "/track/appointment.ics", [&site](Request& r, const FormFields& f) {
        TrackedBy by{"", f.text("reference"), f.text("postcode"), f.text("date_of_birth")};
        auto found = lookUp(site, r, by);
        if (!found) throw NotFound(site.residentWords(r)("track_error_not_found"));
        return calendarFile(site, r, *found);
    });
    site.get(router, "/track/{token}", [&site](Request& r) {
        TrackedBy by;
        by.token = r.pathParams["token"].substr(0, 200);
        auto found = lookUp(site, r, by);
        if (!found) throw NotFound(site.residentWords(r)("track_link_not_valid"));
        return resultPage(site, r, *found, by);
    });
    site.get(router, "/track/{token}/appointment.ics", [&site](Request& r) {
        TrackedBy by;
        by.token = r.pathParams["token"].substr(0, 200);
        auto found = lookUp(site, r, by);
        if (!found) throw NotFound(site.residentWords(r)("track_link_not_valid"));
        return calendarFile(site, r, *found);
    });
}

}  // namespace ces::web
