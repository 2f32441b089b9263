#include "core/specials.h"

#include <array>
#include <utility>

namespace ces {

namespace {

constexpr std::array<std::pair<SpecialStatus, std::string_view>, 6> kStatusNames{{
    {SpecialStatus::requested, "requested"},
    {SpecialStatus::approved, "approved"},
    {SpecialStatus::quoted, "quoted"},
    {SpecialStatus::ordered, "ordered"},
    {SpecialStatus::received, "received"},
    {SpecialStatus::delivered, "delivered"},
}};

}  // namespace

std::string_view toString(SpecialStatus status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) return name;
    }
    return "unknown";
}

std::optional<SpecialStatus> parseSpecialStatus(std::string_view text) {
    for (const auto& [value, name] : kStatusNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view toString(SpecialStep step) {
    switch (step) {
        case SpecialStep::approve:
            return "approve";
        case SpecialStep::quote:
            return "quote";
        case SpecialStep::order:
            return "order";
        case SpecialStep::receive:
            return "receive";
        case SpecialStep::deliver:
            return "deliver";
    }
    return "unknown";
}

}  // namespace ces
