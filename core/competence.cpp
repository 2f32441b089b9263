#include "core/competence.h"

#include <algorithm>

namespace ces {

bool holdsCompetence(const std::vector<HeldCompetence>& held, std::string_view required,
                     std::chrono::year_month_day day) {
    if (required == kBasicCompetence) return true;
    return std::any_of(held.begin(), held.end(), [&](const HeldCompetence& h) {
        return h.code == required &&
               std::chrono::sys_days(day) <= std::chrono::sys_days(h.expiresOn);
    });
}

bool isCompetenceCode(std::string_view code) {
    if (code.size() < 2 || code.size() > 40 || code.front() < 'a' || code.front() > 'z') {
        return false;
    }
    return std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

}  // namespace ces
