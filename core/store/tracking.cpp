#include "core/store/tracking.h"

#include "core/order_lifecycle.h"
#include "core/postcode.h"

namespace ces::store {

namespace {

const char* const kTrackColumns =
    "SELECT o.id, o.reference, o.status, o.due_by, t.name, t.phone, r.postcode, r.date_of_birth "
    "FROM orders o JOIN residents r ON r.id = o.resident_id JOIN teams t ON t.id = o.team_id ";
const char* const kItemNames =
    "SELECT i.name FROM order_lines l JOIN items i ON i.code = l.item_code "
    "WHERE l.order_id = $1 ORDER BY l.id";

TrackingView viewFrom(Connection& c, const Rows& rows) {
    TrackingView view;
    view.reference = rows.text(0, 1);
    view.status = rows.text(0, 2);
    const auto status = parseOrderStatus(view.status);
    view.statusText = status ? std::string(residentDescription(*status)) : view.status;
    view.dueBy = rows.optionalText(0, 3);
    view.contactTeam = rows.text(0, 4);
    view.contactPhone = rows.text(0, 5);
    Rows items = c.query(kItemNames, {rows.integer(0, 0)});
    for (std::size_t i = 0; i < items.size(); ++i) view.items.push_back(items.text(i, 0));
    return view;
}

}  // namespace

std::optional<TrackingView> trackByDetails(Connection& c, const std::string& reference,
                                           const std::string& postcode,
                                           const std::string& dateOfBirth) {
    Rows rows = c.query(std::string(kTrackColumns) + "WHERE o.reference = $1", {reference});
    const auto normalised = normalisePostcode(postcode);
    if (rows.empty() || !normalised || *normalised != rows.text(0, 6) ||
        dateOfBirth != rows.text(0, 7)) {
        return std::nullopt;
    }
    return viewFrom(c, rows);
}

std::optional<TrackingView> trackByToken(Connection& c, const std::string& token) {
    Rows rows = c.query(std::string(kTrackColumns) + "WHERE o.tracking_token = $1", {token});
    if (rows.empty()) return std::nullopt;
    return viewFrom(c, rows);
}

}  // namespace ces::store
