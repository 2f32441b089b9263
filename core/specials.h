#pragma once
// The words of a special (a non-catalogue item) as stored and shown in the API: where it is
// and the steps that move it. Which step is allowed when is warehouse/specials' rule.
#include <optional>
#include <string_view>

namespace ces {

/// requested -> (approved) -> quoted -> ordered -> received -> delivered.
enum class SpecialStatus { requested, approved, quoted, ordered, received, delivered };
/// The step that moves a special on (each is one API call, or its order's delivery).
enum class SpecialStep { approve, quote, order, receive, deliver };

std::string_view toString(SpecialStatus status);                         ///< "requested", ...
std::optional<SpecialStatus> parseSpecialStatus(std::string_view text);  ///< Inverse.
std::string_view toString(SpecialStep step);                             ///< "approve", ...

}  // namespace ces
