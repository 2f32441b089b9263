#include "core/specials.h"

#include <array>
#include <utility>

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<SpecialStatus, 6> kStatusNames{{
    {SpecialStatus::requested, "requested"},
    {SpecialStatus::approved, "approved"},
    {SpecialStatus::quoted, "quoted"},
    {SpecialStatus::ordered, "ordered"},
    {SpecialStatus::received, "received"},
    {SpecialStatus::delivered, "delivered"},
}};

}  // namespace

std::string_view toString(SpecialStatus status) { return nameIn(kStatusNames, status); }

std::optional<SpecialStatus> parseSpecialStatus(std::string_view text) {
    return valueIn(kStatusNames, text);
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
