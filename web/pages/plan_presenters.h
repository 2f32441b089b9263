#pragma once
// How the day plan's stops read on the planner's and the driver's pages: the kind of visit, what
// it is for, the one-hour arrival window the resident is given, and the day being looked at.
#include <chrono>
#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>

#include "core/store/dispatch/dispatch.h"
#include "web/http/exchange.h"

namespace ces::web {

/// "Delivery", "Collection", "Repair", "Inspection".
std::string visitKindLabel(VisitKind kind);

/// The order reference, or "Asset CES-000123" for a visit to an asset in a home.
std::string visitSubject(const store::VisitJob& visit);

/// "9am to 10am": one hour centred on the planned start, inside the booked slot when there is
/// one (the same window the resident is told).
std::string arrivalWindowWords(const store::VisitJob& visit, int plannedStartSeconds);

/// "Tuesday 3 March 2026" for an ISO date.
std::string dayWords(const std::string& isoDate);
std::string dayWords(std::chrono::year_month_day date);

/// The day a plan page shows: ?date=YYYY-MM-DD, or the GOV.UK date fields date-day, date-month
/// and date-year; nullopt (with `entered` true) when what was entered is not a date, nullopt
/// (with `entered` false) when nothing was.
std::optional<std::chrono::year_month_day> requestedDay(const Request& request, bool& entered);

/// A district for each postcode seen (postcodes repeat across stops).
class Districts {
  public:
    explicit Districts(store::Connection& c) : c_(c) {}
    std::string of(const std::string& postcode);

  private:
    store::Connection& c_;
    std::map<std::string, std::string> known_;
};

/// A visit as a row of the planner's tables: kind, subject, district, postcode, due day and
/// its booked slot, if any.
kainjow::mustache::data visitRow(const store::VisitJob& v, Districts& districts);

}  // namespace ces::web
