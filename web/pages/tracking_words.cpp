#include "web/pages/tracking_words.h"

#include <algorithm>

#include "core/settings.h"
#include "warehouse/delivery_slots.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"

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

std::string trackingStatusLine(const store::TrackingView& view, Instant now) {
    if (view.status == "scheduled" || view.status == "allocated") {
        if (view.slot) return "Your delivery is booked for the day and time slot below.";
        if (view.plannedDay) {
            return std::string(overdue(view, now) ? "We are sorry it is later than we said. "
                                                  : "") +
                   "Your delivery is planned for " + dayWords(*view.plannedDay) + ".";
        }
        if (overdue(view, now)) {
            return "Your equipment is ready, but we have not brought it by the day we said. We are "
                   "sorry.";
        }
        return "Your equipment is reserved. We are planning the day we bring it.";
    }
    return view.statusText;
}

std::string trackingWhen(const store::TrackingView& view, Instant now) {
    if (finished(view)) return "";
    if (view.slot) {
        return slotWords(view.slot->date, view.slot->startSeconds, view.slot->endSeconds) + ".";
    }
    if (view.plannedDay) return dayWords(*view.plannedDay) + ".";
    if (!view.dueBy) return "We will tell you the day once the order is approved.";
    if (overdue(view, now)) {
        return "We said we would bring it by " + ukDateTime(*view.dueBy) +
               ", and we have not. We will phone you to arrange a day as soon as we can.";
    }
    return "We will bring it by " + ukDateTime(*view.dueBy) + ".";
}

std::string trackingArrival(const store::TrackingView& view) {
    if (const auto arrival = warehouse::arrivalWindowOf(view)) {
        return "Between " + clockWords(arrival->startSeconds) + " and " +
               clockWords(arrival->endSeconds) + ".";
    }
    return "A one-hour arrival time will show here once the day's route is planned, usually the "
           "working day before.";
}

std::string trackingVanPosition(const store::TrackingView& view, Instant now) {
    if (!view.stopsBefore || !view.plannedDay || *view.plannedDay != ukDateOf(now)) return "";
    if (*view.stopsBefore == 0) return "You are the van's next stop.";
    if (*view.stopsBefore == 1) return "The van has 1 visit to make before yours.";
    return "The van has " + std::to_string(*view.stopsBefore) + " visits to make before yours.";
}

std::vector<std::string> trackingExpectations(const store::TrackingView& view) {
    bool twoPeople = false;
    std::vector<std::string> fitted;
    for (const auto& item : view.items) {
        twoPeople = twoPeople || item.twoPerson;
        if (item.needsFitting) fitted.push_back(item.name);
    }
    std::vector<std::string> lines;
    lines.push_back(twoPeople ? "Two people will bring your equipment."
                              : "Our driver will bring your equipment.");
    if (!fitted.empty()) {
        lines.push_back(fitted.size() == 1
                            ? "They will fit or set up this item and show you how to use it "
                              "safely: " +
                                  listed(fitted) + "."
                            : "They will fit or set up these items and show you how to use them "
                              "safely: " +
                                  listed(fitted) + ".");
    } else {
        lines.push_back("They will show you how to use it.");
    }
    if (twoPeople) lines.push_back("Please clear a space and move anything in the way.");
    lines.push_back("They will leave a leaflet that says how to use it and who to call.");
    lines.push_back("They will show an ID badge. You do not have to pay anything.");
    return lines;
}

std::string maskedMobile(const std::string& mobile) {
    if (mobile.size() < 3) return mobile;
    return "ending " + mobile.substr(mobile.size() - 3);
}

std::string maskedEmail(const std::string& email) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0) return email;
    return email.substr(0, 1) + "\u2022\u2022\u2022" + email.substr(at);
}

std::string trackingMessagesLine(const store::TrackingView& view,
                                 const std::vector<store::MessageChannel>& configured) {
    const auto has = [&](store::MessageChannel channel) {
        return std::find(configured.begin(), configured.end(), channel) != configured.end();
    };
    const std::string who = view.contact.contactName.empty() ? "you" : view.contact.contactName;
    switch (view.contact.channel) {
        case ContactChannel::text:
            if (has(store::MessageChannel::text)) {
                return "We will text " + who + " (the mobile " + maskedMobile(view.contact.mobile) +
                       ") when the day is booked, the day before, and on the morning with the "
                       "arrival time.";
            }
            return "We are not sending text messages at the moment: this page always shows the "
                   "latest.";
        case ContactChannel::email:
            if (has(store::MessageChannel::email)) {
                return "We will e-mail " + who + " (" + maskedEmail(view.contact.email) +
                       ") when the day is booked, the day before, and on the morning with the "
                       "arrival time.";
            }
            return "We are not sending e-mails at the moment: this page always shows the latest.";
        case ContactChannel::letter:
            return "We will write to " + who + " by post when the day is booked.";
        case ContactChannel::phone:
            return "You asked us not to write: this page always shows the latest, and " +
                   view.contactTeam + " can tell you too.";
        case ContactChannel::none:
            break;
    }
    return "You asked for no messages: this page always shows the latest.";
}

}  // namespace ces::web
