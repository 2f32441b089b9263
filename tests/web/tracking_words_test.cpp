// What the tracking page says, from the order's state: never a past date as a promise, never a
// text message the service cannot send, handling from the catalogue's attributes.
#include "web/pages/tracking_words.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ces;
using namespace ces::web;
using namespace std::chrono;

namespace {

const Instant kNow = sys_days(year(2026) / 12 / 7) + hours(10);  // Monday, 10:00 UTC

store::TrackingView scheduled() {
    store::TrackingView view;
    view.reference = "ORD-2026-000001";
    view.status = "scheduled";
    view.statusText = "Your delivery is booked. You can see the date and time slot below.";
    view.dueBy = "2026-12-09T17:00:00Z";
    return view;
}

const Words& words() {
    static const Words all(std::string(PROJECT_SOURCE_DIR) + "/web/words");
    return all;
}

WordsIn english() { return WordsIn(words(), Language::en); }

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(text) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("tracking words - the status line agrees with the slot") {
    auto view = scheduled();
    CHECK(trackingStatusLine(view, kNow, english()) ==
          "Your equipment is reserved. We are planning the day we bring it.");
    CHECK(trackingWhen(view, kNow, english()) ==
          "We will bring it by Wednesday 9 December 2026, 5pm.");
    view.slot = store::BookedDeliverySlot{year(2026) / 12 / 8, 10 * 3600, 12 * 3600, std::nullopt};
    CHECK(trackingStatusLine(view, kNow, english()) ==
          "Your delivery is booked for the day and time slot below.");
    CHECK(trackingWhen(view, kNow, english()) == "Tuesday 8 December 2026, 10am to midday.");
}

TEST_CASE("tracking words - an overdue order apologises and never promises a past date") {
    auto view = scheduled();
    view.dueBy = "2026-10-13T17:00:00Z";
    const std::string when = trackingWhen(view, kNow, english());
    CHECK(when.find("we have not") != std::string::npos);
    CHECK(when.find("We will phone you") != std::string::npos);
    CHECK(when.find("We will bring it by") == std::string::npos);
    CHECK(trackingStatusLine(view, kNow, english()).find("We are sorry") != std::string::npos);
    // Once planned, the planned day is the answer.
    view.plannedDay = year(2026) / 12 / 8;
    CHECK(trackingWhen(view, kNow, english()) == "Tuesday 8 December 2026.");
    CHECK(trackingStatusLine(view, kNow, english()) ==
          "We are sorry it is later than we said. Your delivery is planned for Tuesday 8 December "
          "2026.");
    CHECK(trackingArrival(view, english()).find("once the day's route is planned") !=
          std::string::npos);
    view.plannedStartSeconds = 14 * 3600 + 20 * 60;
    CHECK(trackingArrival(view, english()) == "Between 1:50pm and 2:50pm.");
    // Delivered or cancelled: nothing to promise.
    view.status = "delivered";
    CHECK(trackingWhen(view, kNow, english()).empty());
}

TEST_CASE("tracking words - no text message is promised, the arrival window once planned") {
    auto view = scheduled();
    CHECK(trackingArrival(view, english()).find("text") == std::string::npos);
    view.slot =
        store::BookedDeliverySlot{year(2026) / 12 / 8, 10 * 3600, 12 * 3600, 10 * 3600 + 1800};
    CHECK(trackingArrival(view, english()) == "Between 10am and 11am.");
}

TEST_CASE("tracking words - what to expect comes from the items' handling, not their names") {
    auto view = scheduled();
    // "Bed rails" and a hoist battery: one person, nothing fitted, whatever their names say.
    view.items = {{"Bed rails (pair)", false, false},
                  {"Hoist battery and charging unit", false, false}};
    auto lines = trackingExpectations(view, english());
    CHECK(mentions(lines, "Our driver will bring your equipment."));
    CHECK_FALSE(mentions(lines, "Two people"));
    CHECK_FALSE(mentions(lines, "fit"));
    view.items.push_back({"Profiling bed, electric", true, true});
    lines = trackingExpectations(view, english());
    CHECK(mentions(lines, "Two people will bring your equipment."));
    CHECK(mentions(lines, "this item and show you how to use it safely: Profiling bed, electric."));
    CHECK(mentions(lines, "clear a space"));
}

TEST_CASE("tracking words - a message is promised only through a channel set up for it") {
    auto view = scheduled();
    view.contactTeam = "Canterbury OT team";
    view.contact.mobile = "07700 900123";
    view.contact.channel = ContactChannel::text;
    CHECK(trackingMessagesLine(view, {}, english()) ==
          "We are not sending text messages at the moment: this page always shows the latest.");
    CHECK(trackingMessagesLine(view, {store::MessageChannel::text}, english())
              .find("We will text you (the mobile ending 123)") == 0);
    view.contact.channel = ContactChannel::email;
    view.contact.email = "anna@example.org";
    CHECK(trackingMessagesLine(view, {store::MessageChannel::text}, english()) ==
          "We are not sending e-mails at the moment: this page always shows the latest.");
    CHECK(trackingMessagesLine(view, {store::MessageChannel::email}, english())
              .find("(a\u2022\u2022\u2022@example.org)") != std::string::npos);
    view.contact.contactName = "Jane Smith";
    CHECK(trackingMessagesLine(view, {store::MessageChannel::email}, english())
              .starts_with("We will e-mail Jane Smith"));
    view.contact.channel = ContactChannel::none;
    CHECK(trackingMessagesLine(view, {store::MessageChannel::email}, english()) ==
          "You asked for no messages: this page always shows the latest.");
    view.contact.channel = ContactChannel::letter;
    CHECK(trackingMessagesLine(view, {}, english()) ==
          "We will write to Jane Smith by post when the day is booked.");
}

TEST_CASE("tracking words - where the van is, on the day only") {
    auto view = scheduled();
    view.plannedDay = year(2026) / 12 / 7;
    view.stopsBefore = 0;
    CHECK(trackingVanPosition(view, kNow, english()) == "You are the van's next stop.");
    view.stopsBefore = 2;
    CHECK(trackingVanPosition(view, kNow, english()) ==
          "The van has 2 visits to make before yours.");
    view.plannedDay = year(2026) / 12 / 8;
    CHECK(trackingVanPosition(view, kNow, english()).empty());
}
