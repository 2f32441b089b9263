#pragma once
// What a driver records at the end of a visit (domain.md): a delivery is installed and
// demonstrated, or left with the resident's consent, or it failed for a reason from a fixed
// list; collections, repairs and inspections are done or failed the same way.
#include <optional>
#include <string>
#include <string_view>

#include "core/visits.h"

namespace ces::warehouse {

using ces::toString;

/// Plain words for the prescriber's notification ("nobody was in or we could not get in").
std::string_view describe(FailureReason reason);

/// The outcome of a visit of `kind` done as planned (a delivery installed and demonstrated).
VisitOutcome doneAsPlanned(VisitKind kind);

/// True when `outcome` may end a visit of `kind` (failed fits every kind).
bool outcomeFits(VisitKind kind, VisitOutcome outcome);

/// The rules of an outcome for a visit of `kind`: it fits the kind, a failure has a reason (with
/// notes saying what went wrong for "other") and a success none; ValidationError otherwise.
void validateOutcome(VisitKind kind, VisitOutcome outcome, std::optional<FailureReason> reason,
                     const std::string& notes);

}  // namespace ces::warehouse
