#include "core/store/orders/tracking.h"

#include "core/order_lifecycle.h"
#include "core/postcode.h"

namespace ces::store {

namespace {

// One row per line (the order's columns repeated): one read for the whole answer.
const char* const kTrackColumns =
    "SELECT o.id, o.reference, o.status, o.due_by, t.name, t.phone, r.postcode, r.date_of_birth, "
    "i.name, o.tracking_token, r.deceased_on, i.two_person, i.needs_fitting, r.id, r.email, "
    "r.mobile, r.contact_channel, r.language, r.contact_name FROM orders o JOIN "
    "residents r ON r.id = "
    "o.resident_id "
    "JOIN teams t ON t.id = o.team_id "
    "LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN items i ON i.code = l.item_code ";
const char* const kLineOrder = " ORDER BY l.id";
// The planned stops before a visit on its van's route that day.
const char* const kStopsBefore =
    "SELECT COUNT(*) FROM plan_stops mine JOIN plan_stops ps ON ps.plan_date = mine.plan_date "
    "AND ps.van_id = mine.van_id AND ps.sequence < mine.sequence JOIN visits v ON v.id = "
    "ps.visit_id AND v.status = 'planned' JOIN visits own ON own.id = mine.visit_id AND "
    "own.plan_date = mine.plan_date WHERE mine.visit_id = $1";

TrackingView viewFrom(Connection& c, const Rows& rows) {
    TrackingView view;
    if (!rows.isNull(0, 10)) {
        view.closed = true;
        view.status = "closed";
        view.statusText = "This record is closed.";
        return view;
    }
    view.trackingToken = rows.text(0, 9);
    const OrderId order(rows.integer(0, 0));
    view.slot = bookedDeliverySlot(c, order);
    if (const auto open = openDeliveryVisit(c, order);
        open && open->status == VisitStatus::planned) {
        view.plannedDay = open->planDate;
        view.plannedStartSeconds = plannedDeliveryStart(c, order);
        Rows before = c.query(kStopsBefore, {open->id.value()});
        if (!before.empty()) view.stopsBefore = static_cast<int>(before.integer(0, 0));
    }
    view.reference = rows.text(0, 1);
    view.status = rows.text(0, 2);
    const auto status = parseOrderStatus(view.status);
    view.statusText = status ? std::string(residentDescription(*status)) : view.status;
    view.dueBy = rows.optionalText(0, 3);
    view.contactTeam = rows.text(0, 4);
    view.contactPhone = rows.text(0, 5);
    view.resident = ResidentId(rows.integer(0, 13));
    view.contact.email = rows.text(0, 14);
    view.contact.mobile = rows.text(0, 15);
    view.contact.channel = parseContactChannel(rows.text(0, 16)).value_or(ContactChannel::none);
    view.contact.language = parseLanguage(rows.text(0, 17)).value_or(Language::en);
    view.contact.contactName = rows.text(0, 18);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.isNull(i, 8)) continue;
        view.items.push_back({rows.text(i, 8), rows.integer(i, 11) != 0, rows.integer(i, 12) != 0});
    }
    return view;
}

}  // namespace

std::optional<TrackingView> trackByDetails(Connection& c, const std::string& reference,
                                           const std::string& postcode,
                                           const std::string& dateOfBirth) {
    Rows rows =
        c.query(std::string(kTrackColumns) + "WHERE o.reference = $1" + kLineOrder, {reference});
    const auto normalised = normalisePostcode(postcode);
    if (rows.empty() || !normalised || *normalised != rows.text(0, 6) ||
        dateOfBirth != rows.text(0, 7)) {
        return std::nullopt;
    }
    return viewFrom(c, rows);
}

std::optional<TrackingView> trackByToken(Connection& c, const std::string& token) {
    Rows rows =
        c.query(std::string(kTrackColumns) + "WHERE o.tracking_token = $1" + kLineOrder, {token});
    if (rows.empty()) return std::nullopt;
    return viewFrom(c, rows);
}

}  // namespace ces::store
