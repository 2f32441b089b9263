#include "core/store/dispatch/route_changes.h"

#include <string>

#include "core/errors.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kOutcomeTimes =
    "SELECT id, completed_at FROM visits WHERE plan_date = $1 AND completed_at IS NOT NULL";
const char* const kDeleteVanStops = "DELETE FROM plan_stops WHERE plan_date = $1 AND van_id = $2";
const char* const kDeleteVanRoute = "DELETE FROM plan_routes WHERE plan_date = $1 AND van_id = $2";
const char* const kInsertRoute =
    "INSERT INTO plan_routes (plan_date, van_id, distance_metres, start_seconds, end_seconds) "
    "VALUES ($1, $2, $3, $4, $5)";
const char* const kInsertStop =
    "INSERT INTO plan_stops (plan_date, van_id, sequence, visit_id, arrival_seconds, "
    "start_seconds, departure_seconds, load_at_depot_first) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const char* const kStopState = "SELECT status, plan_date, van_id FROM visits WHERE id = $1";
const char* const kPlanVisit =
    "UPDATE visits SET status = 'planned', plan_date = $1, van_id = $2, "
    "unassigned_reason = NULL WHERE id = $3 AND status = 'pending'";
const char* const kPlanTotals =
    "UPDATE plans SET vans_used = (SELECT COUNT(*) FROM plan_routes r WHERE r.plan_date = $1), "
    "distance_metres = (SELECT COALESCE(SUM(r.distance_metres), 0) FROM plan_routes r "
    "WHERE r.plan_date = $1) WHERE plan_date = $1";

// A stop may be written when its visit is pending (it joins the route), already on this van
// that day, or done there.
void planStop(Connection& c, const std::string& date, VanId van, VisitId visit) {
    if (c.executeCounting(kPlanVisit, {date, van.value(), visit.value()}) == 1) return;
    Rows state = c.query(kStopState, {visit.value()});
    const bool onRoute = !state.empty() && state.text(0, 0) != "pending" &&
                         state.text(0, 0) != "cancelled" && !state.isNull(0, 1) &&
                         state.text(0, 1) == date && state.integer(0, 2) == van.value();
    if (!onRoute) {
        throw Conflict("visit_changed", "visit " + std::to_string(visit.value()) +
                                            " changed while the route was worked out");
    }
}

}  // namespace

std::map<VisitId, Instant> outcomeTimes(Connection& c, std::chrono::year_month_day day) {
    Rows rows = c.query(kOutcomeTimes, {formatDate(day)});
    std::map<VisitId, Instant> times;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        times.emplace(VisitId(rows.integer(i, 0)), instantAt(rows, i, 1, "visit outcome time"));
    }
    return times;
}

void writeRoute(Connection& c, const std::string& date, const PlannedRoute& route) {
    c.execute(kInsertRoute, {date, route.vanId.value(), route.distanceMetres,
                             static_cast<std::int64_t>(route.startSeconds),
                             static_cast<std::int64_t>(route.endSeconds)});
    std::int64_t sequence = 0;
    for (const auto& stop : route.stops) {
        c.execute(kInsertStop, {date, route.vanId.value(), ++sequence, stop.visitId.value(),
                                static_cast<std::int64_t>(stop.arrivalSeconds),
                                static_cast<std::int64_t>(stop.startSeconds),
                                static_cast<std::int64_t>(stop.departureSeconds),
                                static_cast<std::int64_t>(stop.loadAtDepotFirst ? 1 : 0)});
    }
}

void replaceRoute(Connection& c, std::chrono::year_month_day day, const PlannedRoute& route) {
    const std::string date = formatDate(day);
    c.execute(kDeleteVanStops, {date, route.vanId.value()});
    c.execute(kDeleteVanRoute, {date, route.vanId.value()});
    writeRoute(c, date, route);
    for (const auto& stop : route.stops) planStop(c, date, route.vanId, stop.visitId);
    c.execute(kPlanTotals, {date});
}

void markVisitPlanned(Connection& c, VisitId visit, std::chrono::year_month_day day,
                      std::optional<VanId> van) {
    if (c.executeCounting(
            kPlanVisit, {formatDate(day), van ? SqlValue(van->value()) : SqlValue(std::monostate{}),
                         visit.value()}) != 1) {
        throw Conflict("visit_not_pending",
                       "visit " + std::to_string(visit.value()) + " is not pending");
    }
}

}  // namespace ces::store
