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

/// Lines longer than 75 octets are folded (a CRLF and a space), as RFC 5545 requires.
std::string folded(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); i += 74) {
        if (i > 0) out += "\r\n ";
        out += line.substr(i, 74);
    }
    return out + "\r\n";
}

}  // namespace

std::string appointmentCalendar(const Appointment& a, Instant now) {
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
    ics += folded("SUMMARY:" + escapeText("Equipment delivery (" + a.reference + ")"));
    ics += folded("DESCRIPTION:" + escapeText("We will bring your equipment by " +
                                              ukDateTime(a.dueBy) + ": " + items +
                                              ". Your tracking page shows the one-hour arrival "
                                              "time once the day's route is planned. Questions: " +
                                              a.contactTeam + ", " + a.contactPhone + "."));
    ics += folded("TRANSP:TRANSPARENT");
    ics += folded("END:VEVENT");
    ics += folded("END:VCALENDAR");
    return ics;
}

}  // namespace ces::web
