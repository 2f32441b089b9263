#include "warehouse/visit_outcome.h"

#include "core/errors.h"

namespace ces::warehouse {

std::string_view describe(FailureReason reason) {
    switch (reason) {
        case FailureReason::no_access:
            return "nobody was in, or the crew could not get in";
        case FailureReason::wrong_item:
            return "the item on the van was not the right one for the home";
        case FailureReason::refused:
            return "the resident refused the equipment";
        case FailureReason::unsafe:
            return "it was not safe to install the equipment";
        case FailureReason::other:
            return "another reason (see the driver's notes)";
    }
    return "unknown";
}

VisitOutcome doneAsPlanned(VisitKind kind) {
    switch (kind) {
        case VisitKind::delivery:
            return VisitOutcome::installed_demonstrated;
        case VisitKind::collection:
            return VisitOutcome::collected;
        case VisitKind::repair:
            return VisitOutcome::repaired;
        case VisitKind::inspection:
            return VisitOutcome::inspected;
    }
    return VisitOutcome::inspected;
}

bool outcomeFits(VisitKind kind, VisitOutcome outcome) {
    if (outcome == VisitOutcome::failed) return true;
    switch (kind) {
        case VisitKind::delivery:
            return outcome == VisitOutcome::installed_demonstrated ||
                   outcome == VisitOutcome::left_with_consent;
        case VisitKind::collection:
            return outcome == VisitOutcome::collected;
        case VisitKind::repair:
            return outcome == VisitOutcome::repaired;
        case VisitKind::inspection:
            return outcome == VisitOutcome::inspected;
    }
    return false;
}

void validateOutcome(VisitKind kind, VisitOutcome outcome, std::optional<FailureReason> reason,
                     const std::string& notes) {
    if (!outcomeFits(kind, outcome)) {
        throw ValidationError("outcome", std::string(toString(outcome)) + " cannot end a " +
                                             std::string(toString(kind)) + " visit");
    }
    const bool failed = outcome == VisitOutcome::failed;
    if (failed && !reason) {
        throw ValidationError("reason",
                              "a failed visit needs a reason: no_access, wrong_item, refused, "
                              "unsafe or other");
    }
    if (!failed && reason) throw ValidationError("reason", "only a failed visit has a reason");
    if (failed && *reason == FailureReason::other &&
        notes.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw ValidationError("notes", "say what went wrong when the reason is other");
    }
}

}  // namespace ces::warehouse
