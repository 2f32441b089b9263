#include "warehouse/visit_outcome.h"

#include <array>
#include <utility>

namespace ces::warehouse {

namespace {

constexpr std::array<std::pair<VisitKind, std::string_view>, 4> kKinds{{
    {VisitKind::delivery, "delivery"},
    {VisitKind::collection, "collection"},
    {VisitKind::repair, "repair"},
    {VisitKind::inspection, "inspection"},
}};
constexpr std::array<std::pair<VisitOutcome, std::string_view>, 6> kOutcomes{{
    {VisitOutcome::installed_demonstrated, "installed_demonstrated"},
    {VisitOutcome::left_with_consent, "left_with_consent"},
    {VisitOutcome::collected, "collected"},
    {VisitOutcome::repaired, "repaired"},
    {VisitOutcome::inspected, "inspected"},
    {VisitOutcome::failed, "failed"},
}};
constexpr std::array<std::pair<FailureReason, std::string_view>, 5> kReasons{{
    {FailureReason::no_access, "no_access"},
    {FailureReason::wrong_item, "wrong_item"},
    {FailureReason::refused, "refused"},
    {FailureReason::unsafe, "unsafe"},
    {FailureReason::other, "other"},
}};

template <class Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [v, name] : names) {
        if (v == value) return name;
    }
    return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view text) {
    for (const auto& [v, name] : names) {
        if (name == text) return v;
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(VisitKind kind) { return nameOf(kKinds, kind); }
std::optional<VisitKind> parseVisitKind(std::string_view text) { return valueOf(kKinds, text); }
std::string_view toString(VisitOutcome outcome) { return nameOf(kOutcomes, outcome); }
std::optional<VisitOutcome> parseVisitOutcome(std::string_view text) {
    return valueOf(kOutcomes, text);
}
std::string_view toString(FailureReason reason) { return nameOf(kReasons, reason); }
std::optional<FailureReason> parseFailureReason(std::string_view text) {
    return valueOf(kReasons, text);
}

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

}  // namespace ces::warehouse
