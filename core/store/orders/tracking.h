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
struct TrackingView {
    bool closed = false;  ///< The resident's death is recorded: every other field is empty.
    std::string reference;
    std::string status;
    std::string statusText;  ///< Plain English for the resident.
    std::optional<std::string> dueBy;
    std::string contactTeam;
    std::string contactPhone;
    std::vector<std::string> items;
    std::string trackingToken;               ///< For the resident's own pages (not in the API).
    std::optional<BookedDeliverySlot> slot;  ///< The booked delivery slot, with planned start.
};

/// The order when all three match (postcode compared normalised); nullopt otherwise, without
/// saying which part did not match.
std::optional<TrackingView> trackByDetails(Connection& c, const std::string& reference,
                                           const std::string& postcode,
                                           const std::string& dateOfBirth);
std::optional<TrackingView> trackByToken(Connection& c, const std::string& token);

}  // namespace ces::store
