#include "core/visits.h"

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<VisitKind, 4> kKinds{{
    {VisitKind::delivery, "delivery"},
    {VisitKind::collection, "collection"},
    {VisitKind::repair, "repair"},
    {VisitKind::inspection, "inspection"},
}};
constexpr NameTable<VisitStatus, 5> kStatuses{{
    {VisitStatus::pending, "pending"},
    {VisitStatus::planned, "planned"},
    {VisitStatus::completed, "completed"},
    {VisitStatus::failed, "failed"},
    {VisitStatus::cancelled, "cancelled"},
}};
constexpr NameTable<VisitOutcome, 6> kOutcomes{{
    {VisitOutcome::installed_demonstrated, "installed_demonstrated"},
    {VisitOutcome::left_with_consent, "left_with_consent"},
    {VisitOutcome::collected, "collected"},
    {VisitOutcome::repaired, "repaired"},
    {VisitOutcome::inspected, "inspected"},
    {VisitOutcome::failed, "failed"},
}};
constexpr NameTable<FailureReason, 5> kReasons{{
    {FailureReason::no_access, "no_access"},
    {FailureReason::wrong_item, "wrong_item"},
    {FailureReason::refused, "refused"},
    {FailureReason::unsafe, "unsafe"},
    {FailureReason::other, "other"},
}};

}  // namespace

std::string_view toString(VisitKind kind) { return nameIn(kKinds, kind); }
std::optional<VisitKind> parseVisitKind(std::string_view text) { return valueIn(kKinds, text); }
std::string_view toString(VisitStatus status) { return nameIn(kStatuses, status); }
std::optional<VisitStatus> parseVisitStatus(std::string_view text) {
    return valueIn(kStatuses, text);
}
std::string_view toString(VisitOutcome outcome) { return nameIn(kOutcomes, outcome); }
std::optional<VisitOutcome> parseVisitOutcome(std::string_view text) {
    return valueIn(kOutcomes, text);
}
std::string_view toString(FailureReason reason) { return nameIn(kReasons, reason); }
std::optional<FailureReason> parseFailureReason(std::string_view text) {
    return valueIn(kReasons, text);
}

}  // namespace ces
