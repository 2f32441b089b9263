#pragma once
// How the service's values read on a page: plain-English statuses with GOV.UK tag colours,
// UK dates and times, pounds and pence, delivery speeds.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/date_words.h"
#include "core/due_dates.h"
#include "core/iso_time.h"
#include "core/money.h"
#include "core/order_lifecycle.h"

namespace ces::web {

/// A status as a GOV.UK tag: its words and its colour modifier class.
struct StatusTag {
    std::string text;
    std::string cssClass;  ///< e.g. "govuk-tag--blue"; "" for the default dark blue.
};
StatusTag statusTag(OrderStatus status);
/// "moving and handling" for moving_handling: a competence code in words.
std::string competenceLabel(const std::string& code);
/// The tag for a stored status name (unknown names shown as they are).
StatusTag statusTag(const std::string& statusName);

/// "Friday 6 March 2026, 5pm" (UK time) for an ISO instant; the text itself if it does not parse.
std::string ukDateTime(const std::string& isoInstant);
/// "Friday 6 March 2026" (UK date) for an ISO instant.
std::string ukDate(const std::string& isoInstant);
std::string ukDateTime(Instant instant);  ///< "Friday 6 March 2026, 5pm" (UK time).
std::string ukDate(Instant instant);      ///< "Friday 6 March 2026" (UK date).
/// "6 March 1942".
std::string longDate(std::chrono::year_month_day date);
/// "6 March 1942" for an ISO date.
std::string longDate(const std::string& isoDate);
/// "£1,234.50".
std::string pounds(Pence pence);
/// `text` with its first letter capitalised (a refusal's message shown as a sentence).
std::string capitalised(std::string text);
/// "1 unit", "3 units": `n` with the noun in the number it needs.
std::string counted(std::int64_t n, const std::string& one, const std::string& many);
/// "Ann", "Ann and Bo", "Ann, Bo and Cy"; empty for none.
std::string listWords(const std::vector<std::string>& names);
/// "Next working day", "3 working days", ...
std::string speedLabel(Speed speed);
std::string speedLabel(const std::string& apiName);

}  // namespace ces::web
