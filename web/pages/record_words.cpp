#include "web/pages/record_words.h"

#include <cctype>
#include <map>

#include "core/iso_time.h"
#include "web/pages/plan_presenters.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

// Names the generic rules would get wrong.
const std::map<std::string, std::string>& namedLabels() {
    static const std::map<std::string, std::string> labels = {
        {"id", "Number"},
        {"nhs_number", "NHS number"},
        {"address_line1", "Address"},
        {"legacy_ref", "Previous provider's reference"},
        {"deceased_on", "Date of death"},
        {"created_at", "Recorded"},
        {"due_by", "Due by"},
        {"due_date", "Due"},
        {"plan_date", "Planned for"},
        {"slot_start_seconds", "Slot from"},
        {"slot_end_seconds", "Slot to"},
        {"requested_by_role", "Asked for by"},
        {"last_inspected_at", "Last inspected"},
        {"next_inspection_due", "Next inspection due"},
        {"item_code", "Item code"},
        {"sent_at", "Sent"},
        {"resident_teams", "Teams"},
    };
    return labels;
}

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// "out_for_delivery" -> "Out for delivery".
std::string plainWords(std::string text) {
    for (auto& ch : text) {
        if (ch == '_') ch = ' ';
    }
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

bool looksLikeInstant(const std::string& text) {
    return text.size() >= 20 && text[4] == '-' && text[10] == 'T' && text.back() == 'Z';
}

bool looksLikeDate(const std::string& text) {
    return text.size() == 10 && text[4] == '-' && text[7] == '-';
}

bool isWordColumn(const std::string& column) {
    return column == "status" || column == "kind" || column == "state" || column == "reason" ||
           column == "method" || column == "outcome" || column == "failure_reason" ||
           column == "requested_by_role";
}

}  // namespace

std::string recordLabel(const std::string& name) {
    if (const auto found = namedLabels().find(name); found != namedLabels().end()) {
        return found->second;
    }
    if (endsWith(name, "_pence")) return plainWords(name.substr(0, name.size() - 6));
    if (endsWith(name, "_at")) return plainWords(name.substr(0, name.size() - 3));
    return plainWords(name);
}

std::string recordWords(const std::string& column, const store::SqlValue& cell) {
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        if (endsWith(column, "_pence")) return pounds(*number);
        if (endsWith(column, "_seconds")) return clockWords(static_cast<int>(*number));
        return std::to_string(*number);
    }
    const auto* text = std::get_if<std::string>(&cell);
    if (!text || text->empty()) return "";
    if (looksLikeInstant(*text)) return ukDateTime(*text);
    if (looksLikeDate(*text)) return longDate(*text);
    if (column == "speed") return speedLabel(*text);
    if (isWordColumn(column)) return plainWords(*text);
    return *text;
}

}  // namespace ces::web
