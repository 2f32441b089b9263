#pragma once
// What a driver records at the end of a visit (domain.md): a delivery is installed and
// demonstrated, or left with the resident's consent, or it failed for a reason from a fixed
// list; collections, repairs and inspections are done or failed the same way.
#include <optional>
#include <string_view>

namespace ces::warehouse {

/// Why a vehicle goes to a home.
enum class VisitKind { delivery, collection, repair, inspection };

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

std::string_view toString(VisitKind kind);
std::optional<VisitKind> parseVisitKind(std::string_view text);
std::string_view toString(VisitOutcome outcome);
std::optional<VisitOutcome> parseVisitOutcome(std::string_view text);
std::string_view toString(FailureReason reason);
std::optional<FailureReason> parseFailureReason(std::string_view text);
/// Plain words for the prescriber's notification ("nobody was in or we could not get in").
std::string_view describe(FailureReason reason);

/// True when `outcome` may end a visit of `kind` (failed fits every kind).
bool outcomeFits(VisitKind kind, VisitOutcome outcome);

}  // namespace ces::warehouse
