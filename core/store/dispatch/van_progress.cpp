#include "core/store/dispatch/van_progress.h"

#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kStopColumns =
    "SELECT ps.van_id, ps.visit_id, ps.arrival_seconds, ps.start_seconds, ps.departure_seconds, "
    "ps.estimated_start_seconds, ps.told_start_seconds, v.status, v.completed_at "
    "FROM plan_stops ps JOIN visits v ON v.id = ps.visit_id ";

RunningStop stopFrom(const Rows& rows, std::size_t i) {
    RunningStop stop;
    stop.visit = VisitId(rows.integer(i, 1));
    stop.plannedArrival = static_cast<int>(rows.integer(i, 2));
    stop.plannedStart = static_cast<int>(rows.integer(i, 3));
    stop.plannedDeparture = static_cast<int>(rows.integer(i, 4));
    if (!rows.isNull(i, 5)) stop.estimatedStart = static_cast<int>(rows.integer(i, 5));
    if (!rows.isNull(i, 6)) stop.toldStart = static_cast<int>(rows.integer(i, 6));
    stop.status = parseVisitStatus(rows.text(i, 7)).value_or(VisitStatus::planned);
    if (!rows.isNull(i, 8)) stop.completedAt = instantAt(rows, i, 8, "visit completion time");
    return stop;
}

}  // namespace

std::optional<VanDay> vanDayOf(Connection& c, VisitId visit) {
    Rows where = c.query(
        "SELECT ps.plan_date, ps.van_id FROM plan_stops ps JOIN visits v ON v.id = ps.visit_id "
        "AND v.plan_date = ps.plan_date WHERE ps.visit_id = $1",
        {visit.value()});
    if (where.empty()) return std::nullopt;
    VanDay day;
    day.date = dateAt(where, 0, 0, "plan date");
    day.van = VanId(where.integer(0, 1));
    Rows rows = c.query(std::string(kStopColumns) +
                            "WHERE ps.plan_date = $1 AND ps.van_id = $2 ORDER BY ps.sequence",
                        {where.text(0, 0), day.van.value()});
    for (std::size_t i = 0; i < rows.size(); ++i) day.stops.push_back(stopFrom(rows, i));
    return day;
}

std::map<VanId, std::vector<RunningStop>> vanDays(Connection& c, std::chrono::year_month_day date) {
    Rows rows = c.query(
        std::string(kStopColumns) + "WHERE ps.plan_date = $1 ORDER BY ps.van_id, ps.sequence",
        {formatDate(date)});
    std::map<VanId, std::vector<RunningStop>> days;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        days[VanId(rows.integer(i, 0))].push_back(stopFrom(rows, i));
    }
    return days;
}

void setStopEstimate(Connection& c, std::chrono::year_month_day date, VisitId visit,
                     int estimatedStart, std::optional<int> toldStart) {
    c.execute(
        "UPDATE plan_stops SET estimated_start_seconds = $1, told_start_seconds = "
        "COALESCE($2, told_start_seconds) WHERE plan_date = $3 AND visit_id = $4",
        {std::int64_t{estimatedStart},
         toldStart ? SqlValue(std::int64_t{*toldStart}) : SqlValue(std::monostate{}),
         formatDate(date), visit.value()});
}

}  // namespace ces::store
