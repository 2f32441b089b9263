#pragma once
// Messages to residents about their orders: queued in the transaction of the event that causes
// them, by the channel the resident (or their carer) chose, in their language.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/messages/outbox.h"
#include "core/types.h"

namespace ces::store {

/// The kinds of resident message; each has a template per language in notify/templates.
namespace message_kind {
inline constexpr const char* orderPlaced = "order_placed";
inline constexpr const char* slotBooked = "slot_booked";
inline constexpr const char* visitTomorrow = "visit_tomorrow";
inline constexpr const char* visitToday = "visit_today";
inline constexpr const char* visitFailed = "visit_failed";
inline constexpr const char* collectionBooked = "collection_booked";
inline constexpr const char* stillNeeded = "still_needed";
inline constexpr const char* vanNext = "van_next";
inline constexpr const char* windowMoved = "window_moved";
inline constexpr const char* specialProgress = "special_progress";
inline constexpr const char* safetyRecall = "safety_recall";
}  // namespace message_kind

/// What to tell a resident about one of their orders.
struct ResidentNotice {
    std::string kind{};
    std::string entity{};  ///< What it is about ("visit", "order", "collection", "loan").
    std::string entityId{};
    /// Template fields beside those every message has; plain text, never personal data.
    std::vector<std::pair<std::string, std::string>> fields{};
    std::vector<std::string> flags{};    ///< Fields that are true (for template sections).
    std::optional<Instant> sendAfter{};  ///< Not before this (the day before a visit, say).
};

/// Queues `notice` to the resident of `order` (or the carer who speaks for them) by their
/// chosen channel; nothing when they chose phone or none, or have died. Every message also has
/// `name` (whom it addresses), `resident` (whom it is about), `reference`, `link` (the path
/// of the order's tracking page; the sender puts the service's address before it) and
/// `team_phone` (the prescribing team's number), and the flag `for_someone_else` for a carer.
std::optional<MessageId> messageResident(Connection& c, OrderId order, const ResidentNotice& notice,
                                         Instant now);

}  // namespace ces::store
