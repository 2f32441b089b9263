#pragma once
// Visits (domain.md): a van goes to a home to deliver, collect, repair or inspect; the visit is
// pending until a plan holds it, then completed or failed by the driver (or cancelled). The text
// of each value is the one the database and the JSON hold.
#include <optional>
#include <string_view>

namespace ces {

/// Why a vehicle goes to a home.
enum class VisitKind { delivery, collection, repair, inspection };

/// Where a visit is in its life.
enum class VisitStatus { pending, planned, completed, failed, cancelled };

/// How a visit ended.
enum class VisitOutcome {
    installed_demonstrated,  ///< delivery: fitted, tested and shown to the resident
    left_with_consent,       ///< delivery: left unfitted because the resident agreed
    collected,               ///< collection: the item is on the van
    repaired,                ///< repair done in the home
    inspected,               ///< planned inspection passed in the home
    failed,                  ///< not done: a FailureReason says why
};

/// The fixed list of reasons a visit fails.
enum class FailureReason { no_access, wrong_item, refused, unsafe, other };

std::string_view toString(VisitKind kind);  ///< "delivery", "collection", ...
std::optional<VisitKind> parseVisitKind(std::string_view text);
std::string_view toString(VisitStatus status);  ///< "pending", "planned", ...
std::optional<VisitStatus> parseVisitStatus(std::string_view text);
std::string_view toString(VisitOutcome outcome);  ///< "installed_demonstrated", ...
std::optional<VisitOutcome> parseVisitOutcome(std::string_view text);
std::string_view toString(FailureReason reason);  ///< "no_access", "wrong_item", ...
std::optional<FailureReason> parseFailureReason(std::string_view text);

}  // namespace ces
