#include "web/pages/appointment_calendar.h"

#include "core/uk_time.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

/// RFC 5545 TEXT: backslash, semicolon and comma escaped; new lines as \n.
std::string escapeText(const std::string& text) {
    std::string out;
    for (char ch : text) {
        if (ch == '\\' || ch == ';' || ch == ',') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch != '\r') {
            out += ch;
        }
    }
    return out;
}

std::string compactDate(std::chrono::year_month_day date) {
    std::string iso = formatDate(date);
    std::erase(iso, '-');
    return iso;
}

bool continuationByte(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

/// Lines longer than 75 octets are folded (a CRLF and a space), as RFC 5545 requires, never
/// inside a UTF-8 character (Nepali letters are 3 octets).
std::string folded(const std::string& line) {
    std::string out;
    std::size_t start = 0;
    while (line.size() - start > 74) {
        std::size_t end = start + 74;
        while (end > start + 1 && continuationByte(line[end])) --end;
        out += line.substr(start, end - start) + "\r\n ";
        start = end;
    }
    return out + line.substr(start) + "\r\n";
}

}  // namespace

std::string appointmentCalendar(const Appointment& a, Instant now, const WordsIn& w) {
    const auto due = parseInstant(a.dueBy);
    const auto day = toUkLocal(due ? *due : now).date;
    const auto next =
        std::chrono::year_month_day(std::chrono::sys_days(day) + std::chrono::days(1));
    std::string stamp = formatInstant(now);
    std::erase(stamp, '-');
    std::erase(stamp, ':');
    std::string items;
    for (const auto& item : a.items) items += (items.empty() ? "" : ", ") + item;

    std::string ics;
    ics += folded("BEGIN:VCALENDAR");
    ics += folded("VERSION:2.0");
    ics += folded("PRODID:-//Kent County Council//Community Equipment Service//EN");
    ics += folded("CALSCALE:GREGORIAN");
    ics += folded("METHOD:PUBLISH");
    ics += folded("BEGIN:VEVENT");
    ics += folded("UID:" + a.reference + "@community-equipment-service");
    ics += folded("DTSTAMP:" + stamp);
    ics += folded("DTSTART;VALUE=DATE:" + compactDate(day));
    ics += folded("DTEND;VALUE=DATE:" + compactDate(next));
    ics += folded("SUMMARY:" + escapeText(w("ics_summary", {{"reference", a.reference}})));
    ics += folded("DESCRIPTION:" + escapeText(w("ics_description", {{"date", w.dateTimeOf(a.dueBy)},
                                                                    {"items", items},
                                                                    {"team", a.contactTeam},
                                                                    {"phone", a.contactPhone}})));
    ics += folded("TRANSP:TRANSPARENT");
    ics += folded("END:VEVENT");
    ics += folded("END:VCALENDAR");
    return ics;
}

}  // namespace ces::web
