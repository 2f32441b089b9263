#pragma once
// Prescriber competence: not every prescriber may order every item. Each catalogue item needs a
// competence (basic, moving and handling, pressure care, ...: a list the admin keeps); each
// prescriber holds competences until their expiry dates. Everyone holds `basic`.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace ces {

/// The competence every prescriber holds without a grant.
inline constexpr std::string_view kBasicCompetence = "basic";

/// A competence a prescriber holds, valid to the end of `expiresOn`.
struct HeldCompetence {
    std::string code;
    std::chrono::year_month_day expiresOn;
};

/// True when `held` includes `required`, valid on `day`; `basic` is always held.
bool holdsCompetence(const std::vector<HeldCompetence>& held, std::string_view required,
                     std::chrono::year_month_day day);

/// A competence code: 2 to 40 lowercase letters, digits and underscores, starting with a letter.
bool isCompetenceCode(std::string_view code);

/// An order line the prescriber may not order alone.
struct MissingCompetence {
    std::size_t line = 0;  ///< Index of the order line.
    std::string itemCode;
    std::string competence;
};

}  // namespace ces
