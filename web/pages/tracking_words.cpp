#include "web/pages/tracking_words.h"

#include <algorithm>

#include "core/order_lifecycle.h"
#include "core/settings.h"
#include "core/uk_time.h"
#include "warehouse/delivery_slots.h"

namespace ces::web {

namespace {

bool finished(const store::TrackingView& view) {
    return view.status == "delivered" || view.status == "cancelled";
}

// Past its promised time and not yet delivered.
bool overdue(const store::TrackingView& view, Instant now) {
    if (finished(view) || !view.dueBy) return false;
    const auto due = parseInstant(*view.dueBy);
    return due && *due < now;
}

// The names given, one after another ("Bath lift; Profiling bed, electric").
std::string listed(const std::vector<std::string>& names) {
    std::string words;
    for (const auto& name : names) words += (words.empty() ? "" : "; ") + name;
    return words;
}

}  // namespace

std::string trackingStatusLine(const store::TrackingView& view, Instant now, const WordsIn& w) {
    if (view.status == "scheduled" || view.status == "allocated") {
        if (view.slot) return w("words_booked");
        if (view.plannedDay) {
            return (overdue(view, now) ? w("words_sorry_late") + " " : std::string()) +
                   w("words_planned", {{"day", w.date(*view.plannedDay)}});
        }
        if (overdue(view, now)) return w("words_overdue");
        return w("words_reserved");
    }
    if (view.closed || !parseOrderStatus(view.status)) return view.statusText;
    return w("status_text_" + view.status);
}

std::string trackingWhen(const store::TrackingView& view, Instant now, const WordsIn& w) {
    if (finished(view)) return "";
    if (view.slot) {
        return w(
            "words_day",
            {{"day", w.slot(view.slot->date, view.slot->startSeconds, view.slot->endSeconds)}});
    }
    if (view.plannedDay) return w("words_day", {{"day", w.date(*view.plannedDay)}});
    if (!view.dueBy) return w("words_after_approval");
    if (overdue(view, now)) return w("words_overdue_when", {{"date", w.dateTimeOf(*view.dueBy)}});
    return w("words_bring_by", {{"date", w.dateTimeOf(*view.dueBy)}});
}

std::string trackingArrival(const store::TrackingView& view, const WordsIn& w) {
    if (const auto arrival = warehouse::arrivalWindowOf(view)) {
        return w("words_between",
                 {{"from", w.time(arrival->startSeconds)}, {"to", w.time(arrival->endSeconds)}});
    }
    return w("words_arrival_later");
}

std::string trackingVanPosition(const store::TrackingView& view, Instant now, const WordsIn& w) {
    if (!view.stopsBefore || !view.plannedDay || *view.plannedDay != ukDateOf(now)) return "";
    if (*view.stopsBefore == 0) return w("words_van_next");
    if (*view.stopsBefore == 1) return w("words_van_one_before");
    return w("words_van_before", {{"count", std::to_string(*view.stopsBefore)}});
}

std::vector<std::string> trackingExpectations(const store::TrackingView& view, const WordsIn& w) {
    bool twoPeople = false;
    std::vector<std::string> fitted;
    for (const auto& item : view.items) {
        twoPeople = twoPeople || item.twoPerson;
        if (item.needsFitting) fitted.push_back(item.name);
    }
    std::vector<std::string> lines;
    lines.push_back(w(twoPeople ? "words_two_people" : "words_driver"));
    if (!fitted.empty()) {
        lines.push_back(w(fitted.size() == 1 ? "words_fit_one" : "words_fit_many",
                          {{"items", listed(fitted)}}));
    } else {
        lines.push_back(w("words_show_how"));
    }
    if (twoPeople) lines.push_back(w("words_clear_space"));
    lines.push_back(w("words_leaflet"));
    lines.push_back(w("words_badge"));
    return lines;
}

std::string maskedMobile(const std::string& mobile, const WordsIn& w) {
    if (mobile.size() < 3) return mobile;
    return w("words_mobile_ending", {{"digits", mobile.substr(mobile.size() - 3)}});
}

std::string maskedEmail(const std::string& email) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0) return email;
    return email.substr(0, 1) + "\u2022\u2022\u2022" + email.substr(at);
}

std::string trackingMessagesLine(const store::TrackingView& view,
                                 const std::vector<store::MessageChannel>& configured,
                                 const WordsIn& w) {
    const auto has = [&](store::MessageChannel channel) {
        return std::find(configured.begin(), configured.end(), channel) != configured.end();
    };
    const std::string who =
        view.contact.contactName.empty() ? w("words_you") : view.contact.contactName;
    switch (view.contact.channel) {
        case ContactChannel::text:
            if (!has(store::MessageChannel::text)) return w("words_no_texts");
            return w("words_will_text",
                     {{"who", who}, {"mobile", maskedMobile(view.contact.mobile, w)}});
        case ContactChannel::email:
            if (!has(store::MessageChannel::email)) return w("words_no_emails");
            return w("words_will_email",
                     {{"who", who}, {"email", maskedEmail(view.contact.email)}});
        case ContactChannel::letter:
            return w("words_will_write", {{"who", who}});
        case ContactChannel::phone:
            return w("words_phone_only", {{"team", view.contactTeam}});
        case ContactChannel::none:
            break;
    }
    return w("words_no_messages");
}

}  // namespace ces::web
