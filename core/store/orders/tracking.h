#pragma once
// What a resident sees of their own order: by reference + postcode + date of birth, or by the
// unguessable token in their link.
#include <optional>
#include <string>

#include "core/store/dispatch/delivery_slots.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// What a resident sees of an order; when its resident has died, only that it is closed.
/// One line of a tracked order: what it is and how it is brought (from the catalogue).
struct TrackedItem {
    std::string name;
    bool twoPerson = false;     ///< Two people carry it in.
    bool needsFitting = false;  ///< Fitted or put together in the home, and shown.
};

struct TrackingView {
    bool closed = false;  ///< The resident's death is recorded: every other field is empty.
    std::string reference;
    std::string status;
    std::string statusText;  ///< Plain English for the resident.
    std::optional<std::string> dueBy;
    std::string contactTeam;
    std::string contactPhone;
    std::vector<TrackedItem> items;
    std::string trackingToken;               ///< For the resident's own pages (not in the API).
    std::optional<BookedDeliverySlot> slot;  ///< The booked delivery slot, with planned start.
    /// The day the open delivery visit is on a stored plan, when it is.
    std::optional<std::chrono::year_month_day> plannedDay;
    std::optional<int> plannedStartSeconds;  ///< Its service start on that day's plan.
    std::optional<int> stopsBefore;          ///< Stops its van still makes before it that day.
    ResidentId resident;                     ///< Whose order (for their own contact page).
    ContactPreferences contact;              ///< How they hear from us (not in the API).
};

/// The order when all three match (postcode compared normalised); nullopt otherwise, without
/// saying which part did not match.
std::optional<TrackingView> trackByDetails(Connection& c, const std::string& reference,
                                           const std::string& postcode,
                                           const std::string& dateOfBirth);
std::optional<TrackingView> trackByToken(Connection& c, const std::string& token);

}  // namespace ces::store
