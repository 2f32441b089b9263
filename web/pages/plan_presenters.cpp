#include "web/pages/plan_presenters.h"

#include <cctype>
#include <cmath>

#include "core/iso_time.h"
#include "core/store/admin/geography.h"
#include "warehouse/delivery_slots.h"
#include "web/http/request_numbers.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

constexpr int kArrivalWindowSeconds = 3600;

std::optional<int> smallNumber(const std::string& text) {
    const auto number = text.size() > 4 ? std::nullopt : plainDecimal(text);
    if (!number) return std::nullopt;
    return static_cast<int>(*number);
}

}  // namespace

std::string visitKindLabel(VisitKind kind) {
    std::string label(toString(kind));
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

std::string visitSubject(const store::VisitJob& visit) {
    if (visit.orderReference) return *visit.orderReference;
    // A safety recall's visit says so: "Safety recall FSN-118: ..." names its campaign.
    const std::string recall = "Safety recall ";
    if (visit.barcode && visit.notes.starts_with(recall)) {
        const auto colon = visit.notes.find(':');
        return "Asset " + *visit.barcode + ", " +
               (colon == std::string::npos ? visit.notes : visit.notes.substr(0, colon));
    }
    if (visit.barcode) return "Asset " + *visit.barcode;
    return "Visit " + std::to_string(visit.id.value());
}

std::string arrivalWindowWords(const store::VisitJob& visit, int plannedStartSeconds) {
    const auto window =
        warehouse::residentArrivalWindow(visit, plannedStartSeconds, kArrivalWindowSeconds);
    return clockWords(window.startSeconds) + " to " + clockWords(window.endSeconds);
}

std::string dayWords(const std::string& isoDate) { return ukDate(isoDate + "T12:00:00Z"); }

std::string dayWords(std::chrono::year_month_day date) { return dayWords(formatDate(date)); }

std::optional<std::chrono::year_month_day> requestedDay(const Request& request, bool& entered) {
    const std::string iso = request.queryValue("date");
    const std::string day = request.queryValue("date-day");
    const std::string month = request.queryValue("date-month");
    const std::string year = request.queryValue("date-year");
    entered = !iso.empty() || !day.empty() || !month.empty() || !year.empty();
    if (!iso.empty()) return parseDate(iso.substr(0, 20));
    if (!entered) return std::nullopt;
    const auto d = smallNumber(day), m = smallNumber(month), y = smallNumber(year);
    if (!d || !m || !y || *y < 2000) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*y),
                                           std::chrono::month(static_cast<unsigned>(*m)),
                                           std::chrono::day(static_cast<unsigned>(*d))};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string Districts::of(const std::string& postcode) {
    auto found = known_.find(postcode);
    if (found != known_.end()) return found->second;
    const auto place = store::findPostcode(c_, postcode);
    return known_[postcode] = place ? place->district : "";
}

kainjow::mustache::data visitRow(const store::VisitJob& v, Districts& districts) {
    kainjow::mustache::data row;
    row.set("kind", visitKindLabel(v.kind));
    row.set("subject", visitSubject(v));
    row.set("district", districts.of(v.postcode));
    row.set("postcode", v.postcode);
    row.set("due", dayWords(v.dueDate));
    if (v.slotStartSeconds && v.slotEndSeconds) {
        row.set("slot", clockWords(*v.slotStartSeconds) + " to " + clockWords(*v.slotEndSeconds));
    }
    return row;
}

}  // namespace ces::web
