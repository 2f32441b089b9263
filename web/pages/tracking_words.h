#pragma once
// What the tracking page tells a resident, built from the order's real state: the status line
// agrees with the slot, an overdue order apologises instead of promising a past date, nothing is
// promised through a channel the service does not have, and what to expect comes from each item's
// handling in the catalogue, never from words in its name.
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/messages/outbox.h"
#include "core/store/orders/tracking.h"
#include "web/pages/words.h"

namespace ces::web {

/// Each in the language of `w`.
/// The sentence under the heading ("Your delivery is booked for the day and time below.").
std::string trackingStatusLine(const store::TrackingView& view, Instant now, const WordsIn& w);

/// The "When" answer; empty when there is nothing to promise (delivered, cancelled).
std::string trackingWhen(const store::TrackingView& view, Instant now, const WordsIn& w);

/// The "Arrival time" answer: the one-hour window once planned, else when it will be shown.
std::string trackingArrival(const store::TrackingView& view, const WordsIn& w);

/// How we will keep them informed: a promise only through the channel they chose and the
/// service has set up (a letter always can be printed); otherwise that this page shows it.
std::string trackingMessagesLine(const store::TrackingView& view,
                                 const std::vector<store::MessageChannel>& configured,
                                 const WordsIn& w);

/// "ending 123" for a mobile, "a•••@example.org" for an address: enough to recognise, not to copy.
std::string maskedMobile(const std::string& mobile, const WordsIn& w);
std::string maskedEmail(const std::string& email);

/// Where the van is on the day of the visit: "You are the van's next stop." or "The van has 2
/// visits to make before yours."; empty on any other day.
std::string trackingVanPosition(const store::TrackingView& view, Instant now, const WordsIn& w);

/// What to expect on the day, from the items' handling (two people, fitting).
std::vector<std::string> trackingExpectations(const store::TrackingView& view, const WordsIn& w);

}  // namespace ces::web
