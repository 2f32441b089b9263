#pragma once
// An iCalendar (RFC 5545) file for a resident's delivery, so they can add it to their calendar.
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "web/pages/words.h"

namespace ces::web {

struct Appointment {
    std::string reference;  ///< Order reference; also makes the event's UID.
    std::string dueBy;      ///< ISO instant the delivery is due by.
    std::vector<std::string> items;
    std::string contactTeam;
    std::string contactPhone;
};

/// A VCALENDAR with one all-day VEVENT on the (UK) due date, CRLF line ends, text escaped, its
/// summary and description in the words of `w`.
std::string appointmentCalendar(const Appointment& appointment, Instant now, const WordsIn& w);

}  // namespace ces::web
