#include "core/store/dispatch/dispatch.h"

#include "core/due_dates.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/route_changes.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kCreateVan =
    "INSERT INTO vans (code, depot_id, capacity, co2_grams_per_km) VALUES ($1, $2, $3, $4) "
    "RETURNING id";
const char* const kCreateCrew =
    "INSERT INTO crews (name, van_id, people, lifting_engineer, shift_start_seconds, "
    "shift_end_seconds) VALUES ($1, $2, $3, $4, $5, $6)";
const std::string kVanCrewColumns =
    "SELECT v.id, v.code, v.depot_id, d.code, d.lat, d.lon, v.capacity, v.co2_grams_per_km, "
    "c.name, c.people, c.lifting_engineer, c.shift_start_seconds, c.shift_end_seconds "
    "FROM vans v JOIN crews c ON c.van_id = v.id JOIN depots d ON d.id = v.depot_id ";
const std::string kListVanCrewsInService = kVanCrewColumns + "WHERE v.active = 1 ORDER BY v.code";
const std::string kListAllVanCrews = kVanCrewColumns + "ORDER BY v.code";
const char* const kCreateVisit =
    "INSERT INTO visits (kind, status, order_id, asset_id, resident_id, depot_id, due_date, "
    "slot_start_seconds, slot_end_seconds, notes, created_at) "
    "VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
const char* const kDeliveriesWithoutVisit =
    "SELECT o.id, o.reference, o.resident_id, COALESCE((SELECT MIN(ol.depot_id) FROM "
    "order_lines ol WHERE ol.order_id = o.id), (SELECT dd.depot_id FROM district_depots dd "
    "JOIN residents r ON r.district = dd.district WHERE r.id = o.resident_id)), o.due_by "
    "FROM orders o WHERE o.status IN ('allocated', 'scheduled', 'failed_visit') "
    "AND o.due_by <= $1 AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.order_id = o.id "
    "AND v.kind = 'delivery' AND v.status IN ('pending', 'planned')) ORDER BY o.due_by, o.id";
const char* const kInspectionsWithoutVisit =
    "SELECT a.id, a.resident_id, a.depot_id, a.next_inspection_due FROM assets a "
    "WHERE a.state = 'on_loan' AND a.resident_id IS NOT NULL AND a.next_inspection_due <= $1 "
    "AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.asset_id = a.id AND v.kind = 'inspection' "
    "AND v.status IN ('pending', 'planned')) ORDER BY a.next_inspection_due, a.id";
const std::string kVisitColumns =
    "SELECT v.id, v.kind, v.status, v.order_id, o.reference, v.asset_id, a.barcode, "
    "v.resident_id, r.name, r.address_line1 || ', ' || r.town, r.postcode, r.access_notes, "
    "p.lat, p.lon, v.depot_id, v.due_date, v.slot_start_seconds, v.slot_end_seconds, "
    "v.plan_date, v.van_id, v.outcome, v.failure_reason, v.notes, v.unassigned_reason, "
    "COALESCE(o.notes, ''), o.speed, o.approved_at, o.due_by FROM visits v JOIN residents r ON "
    "r.id = v.resident_id "
    "JOIN postcodes p ON p.postcode = r.postcode LEFT JOIN orders o ON o.id = v.order_id "
    "LEFT JOIN assets a ON a.id = v.asset_id ";
const std::string kVisitsToPlan =
    kVisitColumns +
    "WHERE (v.status = 'pending' AND v.due_date <= $1 "
    "AND (v.slot_start_seconds IS NULL OR v.due_date = $2)) "  // a booked slot binds its day
    "OR (v.status = 'planned' AND v.plan_date = $2) ORDER BY v.due_date, v.id";
// A horizon of days $2..$3: pending work due by $1 (a booked slot only when its day is in the
// horizon) and everything already planned on those days.
const std::string kVisitsForHorizon =
    kVisitColumns +
    "WHERE (v.status = 'pending' AND v.due_date <= $1 "
    "AND (v.slot_start_seconds IS NULL OR v.due_date BETWEEN $2 AND $3)) "
    "OR (v.status = 'planned' AND v.plan_date BETWEEN $2 AND $3) ORDER BY v.due_date, v.id";
const char* const kOutcomesOn =
    "SELECT COUNT(*) FROM visits WHERE plan_date = $1 AND status IN ('completed', 'failed')";
const char* const kInsertPlanRun =
    "INSERT INTO plan_runs (from_date, days, created_at, created_by, time_ms, late, left_out) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
const char* const kLatestPlanRun =
    "SELECT from_date, days, created_at, created_by, time_ms, late, left_out FROM plan_runs "
    "WHERE created_by IS NOT NULL ORDER BY id DESC LIMIT 1";
const std::string kFindVisit = kVisitColumns + "WHERE v.id = $1";
const std::string kLatePlanned =
    kVisitColumns +
    "WHERE v.status = 'planned' AND v.plan_date BETWEEN $1 AND $2 "
    "AND v.plan_date > v.due_date ORDER BY v.plan_date, v.due_date, v.id";
const std::string kUnplaced = kVisitColumns +
                              "WHERE v.status = 'pending' AND v.due_date <= $1 "
                              "AND v.unassigned_reason IS NOT NULL ORDER BY v.due_date, v.id";
const std::string kOrderItems =
    std::string(
        "SELECT ol.item_code, i.name, i.category, ol.quantity, i.van_space, "
        "i.two_person, i.needs_fitting, ol.id, ") +
    kMaintenanceColumns +
    " FROM order_lines ol JOIN items i ON i.code = ol.item_code "
    "LEFT JOIN item_maintenance m ON m.item_code = i.code WHERE ol.order_id = $1 ORDER BY ol.id";
const char* const kLineBarcodes =
    "SELECT barcode FROM assets WHERE order_line_id = $1 AND state IN ('reserved', 'on_loan') "
    "ORDER BY barcode";
const char* const kOrderSpecials =
    "SELECT s.description, a.barcode FROM specials s LEFT JOIN assets a ON a.special_id = s.id "
    "WHERE s.order_id = $1 ORDER BY s.id";
const std::string kAssetItem =
    std::string(
        "SELECT COALESCE(a.item_code, ''), COALESCE(i.name, a.description), "
        "COALESCE(i.category, 'Special'), COALESCE(i.van_space, 4), "
        "COALESCE(i.two_person, 0), COALESCE(i.needs_fitting, 0), a.barcode, ") +
    kMaintenanceColumns +
    " FROM assets a LEFT JOIN items i ON i.code = a.item_code "
    "LEFT JOIN item_maintenance m ON m.item_code = a.item_code WHERE a.id = $1";
const char* const kSwapsUnit =
    "SELECT COUNT(*) FROM recall_units WHERE visit_id = $1 AND replacement_asset_id IS NOT NULL "
    "AND resolved_at IS NULL";
const char* const kResetPlanned =
    "UPDATE visits SET status = 'pending', plan_date = NULL, van_id = NULL "
    "WHERE status = 'planned' AND plan_date = $1";
const char* const kDeleteStops = "DELETE FROM plan_stops WHERE plan_date = $1";
const char* const kDeleteRoutes = "DELETE FROM plan_routes WHERE plan_date = $1";
const char* const kDeletePlan = "DELETE FROM plans WHERE plan_date = $1";
const char* const kInsertPlan =
    "INSERT INTO plans (plan_date, optimised_at, travel_source, vans_used, distance_metres, "
    "unassigned, run_id) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const char* const kSetPlanned =
    "UPDATE visits SET status = 'planned', plan_date = $1, van_id = $2, "
    "unassigned_reason = NULL WHERE id = $3 AND status = 'pending'";
const char* const kSetUnplaced = "UPDATE visits SET unassigned_reason = $1 WHERE id = $2";
const char* const kPlanHeader =
    "SELECT plan_date, optimised_at, travel_source, vans_used, distance_metres, unassigned, "
    "run_id FROM plans WHERE plan_date = $1";
const char* const kPlanRoutes =
    "SELECT van_id, distance_metres, start_seconds, end_seconds FROM plan_routes "
    "WHERE plan_date = $1 ORDER BY van_id";
const char* const kPlanStops =
    "SELECT van_id, visit_id, arrival_seconds, start_seconds, departure_seconds, "
    "load_at_depot_first FROM plan_stops WHERE plan_date = $1 ORDER BY van_id, sequence";
const char* const kCompleteVisit =
    "UPDATE visits SET status = $1, outcome = $2, failure_reason = $3, notes = $4, "
    "completed_by = $5, completed_at = $6 WHERE id = $7 AND status = 'planned'";
const char* const kOrderContact =
    "SELECT o.prescriber_id, u.display_name, t.phone, COALESCE(u.email, '') FROM orders o "
    "JOIN users u ON u.id = o.prescriber_id JOIN teams t ON t.id = o.team_id WHERE o.id = $1";
const char* const kOrderOfAsset =
    "SELECT COALESCE(ol.order_id, s.order_id) FROM assets a "
    "LEFT JOIN order_lines ol ON ol.id = a.order_line_id "
    "LEFT JOIN specials s ON s.id = a.special_id WHERE a.id = $1";
SqlValue optionalValue(const std::optional<int>& value) {
    return value ? SqlValue(static_cast<std::int64_t>(*value)) : SqlValue(std::monostate{});
}

VanCrew vanFrom(const Rows& rows, std::size_t i) {
    VanCrew v;
    v.vanId = VanId(rows.integer(i, 0));
    v.code = rows.text(i, 1);
    v.depot = DepotId(rows.integer(i, 2));
    v.depotCode = rows.text(i, 3);
    v.depotLat = rows.real(i, 4);
    v.depotLon = rows.real(i, 5);
    v.capacity = rows.integer(i, 6);
    v.co2GramsPerKm = static_cast<int>(rows.integer(i, 7));
    v.crewName = rows.text(i, 8);
    v.people = static_cast<int>(rows.integer(i, 9));
    v.liftingEngineer = rows.integer(i, 10) != 0;
    v.shiftStartSeconds = static_cast<int>(rows.integer(i, 11));
    v.shiftEndSeconds = static_cast<int>(rows.integer(i, 12));
    return v;
}

void loadItems(Connection& c, VisitJob& job) {
    if (job.kind == VisitKind::delivery && job.order) {
        job.items = deliveryItems(c, *job.order, true);
    } else if (job.assetId) {
        Rows rows = c.query(kAssetItem, {job.assetId->value()});
        if (!rows.empty()) {
            job.items.push_back({rows.text(0, 0),
                                 rows.text(0, 1),
                                 rows.text(0, 2),
                                 1,
                                 static_cast<int>(rows.integer(0, 3)),
                                 rows.integer(0, 4) != 0,
                                 rows.integer(0, 5) != 0,
                                 maintenanceAt(rows, 0, 7),
                                 {rows.text(0, 6)}});
        }
        if (job.kind == VisitKind::repair) {
            job.swapsUnit = c.query(kSwapsUnit, {job.id.value()}).integer(0, 0) > 0;
        }
    }
}

std::vector<VisitJob> visitsFrom(Connection& c, const Rows& rows) {
    std::vector<VisitJob> jobs;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        VisitJob j;
        j.id = VisitId(rows.integer(i, 0));
        j.kind = enumAt(rows, i, 1, "visit kind", parseVisitKind);
        j.status = enumAt(rows, i, 2, "visit status", parseVisitStatus);
        if (!rows.isNull(i, 3)) j.order = OrderId(rows.integer(i, 3));
        j.orderReference = rows.optionalText(i, 4);
        if (!rows.isNull(i, 5)) j.assetId = AssetId(rows.integer(i, 5));
        j.barcode = rows.optionalText(i, 6);
        j.resident = ResidentId(rows.integer(i, 7));
        j.residentName = rows.text(i, 8);
        j.address = rows.text(i, 9);
        j.postcode = rows.text(i, 10);
        j.accessNotes = rows.text(i, 11);
        j.lat = rows.real(i, 12);
        j.lon = rows.real(i, 13);
        j.depot = DepotId(rows.integer(i, 14));
        j.dueDate = dateAt(rows, i, 15, "visit due date");
        j.slotStartSeconds = optionalInt(rows, i, 16);
        j.slotEndSeconds = optionalInt(rows, i, 17);
        j.planDate = optionalDateAt(rows, i, 18, "visit plan date");
        if (!rows.isNull(i, 19)) j.vanId = VanId(rows.integer(i, 19));
        j.outcome = optionalEnumAt(rows, i, 20, "visit outcome", parseVisitOutcome);
        j.failureReason = optionalEnumAt(rows, i, 21, "visit failure reason", parseFailureReason);
        j.notes = rows.text(i, 22);
        j.orderNotes = rows.text(i, 24);
        const auto speed = optionalEnumAt(rows, i, 25, "order speed", parseSpeed);
        if (j.kind == VisitKind::delivery && speed == Speed::emergency && !rows.isNull(i, 26) &&
            !rows.isNull(i, 27)) {
            j.emergency = EmergencyDue{instantAt(rows, i, 26, "order approval time"),
                                       instantAt(rows, i, 27, "order due time")};
        }
        jobs.push_back(std::move(j));
    }
    for (auto& job : jobs) loadItems(c, job);
    return jobs;
}

}  // namespace

std::vector<VisitItem> deliveryItems(Connection& c, OrderId order, bool withBarcodes) {
    std::vector<VisitItem> items;
    Rows rows = c.query(kOrderItems, {order.value()});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        VisitItem item{rows.text(i, 0),
                       rows.text(i, 1),
                       rows.text(i, 2),
                       rows.integer(i, 3),
                       static_cast<int>(rows.integer(i, 4)),
                       rows.integer(i, 5) != 0,
                       rows.integer(i, 6) != 0,
                       maintenanceAt(rows, i, 8),
                       {}};
        if (withBarcodes) {
            Rows codes = c.query(kLineBarcodes, {rows.integer(i, 7)});
            for (std::size_t k = 0; k < codes.size(); ++k) {
                item.barcodes.push_back(codes.text(k, 0));
            }
        }
        items.push_back(std::move(item));
    }
    Rows specials = c.query(kOrderSpecials, {order.value()});
    for (std::size_t i = 0; i < specials.size(); ++i) {
        VisitItem item{"", specials.text(i, 0), "Special", 1, 4, false, true, {}, {}};
        if (withBarcodes && !specials.isNull(i, 1)) item.barcodes.push_back(specials.text(i, 1));
        items.push_back(std::move(item));
    }
    return items;
}

VanId createVan(Connection& c, const std::string& code, DepotId depot, std::int64_t capacity,
                int co2GramsPerKm) {
    return VanId(c.insert(
        kCreateVan, {code, depot.value(), capacity, static_cast<std::int64_t>(co2GramsPerKm)}));
}

void createCrew(Connection& c, const std::string& name, VanId vanId, int people,
                bool liftingEngineer, int shiftStartSeconds, int shiftEndSeconds) {
    c.execute(kCreateCrew, {name, vanId.value(), static_cast<std::int64_t>(people),
                            static_cast<std::int64_t>(liftingEngineer ? 1 : 0),
                            static_cast<std::int64_t>(shiftStartSeconds),
                            static_cast<std::int64_t>(shiftEndSeconds)});
}

std::vector<VanCrew> listVanCrews(Connection& c, VansListed which) {
    Rows rows = c.query(which == VansListed::inService ? kListVanCrewsInService : kListAllVanCrews);
    std::vector<VanCrew> vans;
    for (std::size_t i = 0; i < rows.size(); ++i) vans.push_back(vanFrom(rows, i));
    return vans;
}

VisitId createVisit(Connection& c, const NewVisit& v, Instant now) {
    return VisitId(c.insert(
        kCreateVisit,
        {std::string(toString(v.kind)),
         v.order ? SqlValue(v.order->value()) : SqlValue(std::monostate{}),
         v.assetId ? SqlValue(v.assetId->value()) : SqlValue(std::monostate{}), v.resident.value(),
         v.depot.value(), formatDate(v.dueDate), optionalValue(v.slotStartSeconds),
         optionalValue(v.slotEndSeconds), v.notes, formatInstant(now)}));
}

std::vector<DeliveryToBook> deliveriesWithoutVisit(Connection& c, Instant dueUntil) {
    Rows rows = c.query(kDeliveriesWithoutVisit, {formatInstant(dueUntil)});
    std::vector<DeliveryToBook> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.isNull(i, 3)) continue;  // no depot serves the resident's district
        result.push_back({OrderId(rows.integer(i, 0)), rows.text(i, 1),
                          ResidentId(rows.integer(i, 2)), DepotId(rows.integer(i, 3)),
                          instantAt(rows, i, 4, "order due time")});
    }
    return result;
}

std::vector<InspectionToBook> inspectionsWithoutVisit(Connection& c, Instant dueUntil) {
    Rows rows = c.query(kInspectionsWithoutVisit, {formatInstant(dueUntil)});
    std::vector<InspectionToBook> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        result.push_back({AssetId(rows.integer(i, 0)), ResidentId(rows.integer(i, 1)),
                          DepotId(rows.integer(i, 2)),
                          instantAt(rows, i, 3, "asset inspection due time")});
    }
    return result;
}

std::vector<VisitJob> visitsToPlan(Connection& c, std::chrono::year_month_day dueUntil,
                                   std::chrono::year_month_day planDate) {
    return visitsFrom(c, c.query(kVisitsToPlan, {formatDate(dueUntil), formatDate(planDate)}));
}

std::optional<VisitJob> findVisit(Connection& c, VisitId id) {
    auto visits = visitsFrom(c, c.query(kFindVisit, {id.value()}));
    if (visits.empty()) return std::nullopt;
    return visits.front();
}

std::vector<VisitJob> visitsForHorizon(Connection& c, std::chrono::year_month_day dueUntil,
                                       std::chrono::year_month_day firstDay,
                                       std::chrono::year_month_day lastDay) {
    return visitsFrom(c, c.query(kVisitsForHorizon, {formatDate(dueUntil), formatDate(firstDay),
                                                     formatDate(lastDay)}));
}

bool outcomesRecordedOn(Connection& c, std::chrono::year_month_day day) {
    return c.query(kOutcomesOn, {formatDate(day)}).integer(0, 0) > 0;
}

PlanRunId insertPlanRun(Connection& c, const PlanRun& run) {
    return PlanRunId(
        c.insert(kInsertPlanRun,
                 {formatDate(run.from), static_cast<std::int64_t>(run.days),
                  formatInstant(run.createdAt), run.createdBy.value(), run.timeMs,
                  static_cast<std::int64_t>(run.late), static_cast<std::int64_t>(run.leftOut)}));
}

std::optional<PlanRun> latestPlanRun(Connection& c) {
    Rows rows = c.query(kLatestPlanRun, {});
    if (rows.empty()) return std::nullopt;
    return PlanRun{dateAt(rows, 0, 0, "plan run start"),
                   static_cast<int>(rows.integer(0, 1)),
                   instantAt(rows, 0, 2, "plan run time"),
                   UserId(rows.integer(0, 3)),
                   rows.integer(0, 4),
                   static_cast<int>(rows.integer(0, 5)),
                   static_cast<int>(rows.integer(0, 6))};
}

void clearPlan(Connection& c, std::chrono::year_month_day day) {
    const std::string date = formatDate(day);
    c.execute(kResetPlanned, {date});
    c.execute(kDeleteStops, {date});
    c.execute(kDeleteRoutes, {date});
    c.execute(kDeletePlan, {date});
}

void savePlan(Connection& c, const PlanHeader& header, const std::vector<PlannedRoute>& routes,
              const std::vector<UnplacedVisit>& unplaced) {
    const std::string date = formatDate(header.date);
    clearPlan(c, header.date);
    c.execute(kInsertPlan, {date, formatInstant(header.optimisedAt), header.travelSource,
                            static_cast<std::int64_t>(header.vansUsed), header.distanceMetres,
                            static_cast<std::int64_t>(header.unassigned),
                            header.runId ? SqlValue(header.runId->value()) : SqlValue()});
    for (const auto& route : routes) {
        writeRoute(c, date, route);
        for (const auto& stop : route.stops) {
            if (c.executeCounting(kSetPlanned, {date, route.vanId.value(), stop.visitId.value()}) !=
                1) {
                throw Conflict("visit_changed", "visit " + std::to_string(stop.visitId.value()) +
                                                    " changed while the plan was optimised");
            }
        }
    }
    for (const auto& visit : unplaced) {
        c.execute(kSetUnplaced, {visit.reason, visit.visitId.value()});
    }
}

std::optional<StoredPlan> loadPlan(Connection& c, std::chrono::year_month_day day) {
    const std::string date = formatDate(day);
    Rows header = c.query(kPlanHeader, {date});
    if (header.empty()) return std::nullopt;
    StoredPlan plan;
    plan.header = {
        dateAt(header, 0, 0, "plan date"),
        instantAt(header, 0, 1, "plan time"),
        header.text(0, 2),
        static_cast<int>(header.integer(0, 3)),
        header.integer(0, 4),
        static_cast<int>(header.integer(0, 5)),
        header.isNull(0, 6) ? std::nullopt : std::optional<PlanRunId>(header.integer(0, 6))};
    // A van switched off since the plan was saved still drove (or will drive) that day.
    const auto vans = listVanCrews(c, VansListed::all);
    Rows routes = c.query(kPlanRoutes, {date});
    Rows stops = c.query(kPlanStops, {date});
    for (std::size_t i = 0; i < routes.size(); ++i) {
        StoredPlan::Route route;
        route.route = {VanId(routes.integer(i, 0)),
                       routes.integer(i, 1),
                       static_cast<int>(routes.integer(i, 2)),
                       static_cast<int>(routes.integer(i, 3)),
                       {}};
        for (const auto& van : vans) {
            if (van.vanId == route.route.vanId) route.van = van;
        }
        for (std::size_t s = 0; s < stops.size(); ++s) {
            if (VanId(stops.integer(s, 0)) != route.route.vanId) continue;
            const VisitId visitId(stops.integer(s, 1));
            route.route.stops.push_back({visitId, static_cast<int>(stops.integer(s, 2)),
                                         static_cast<int>(stops.integer(s, 3)),
                                         static_cast<int>(stops.integer(s, 4)),
                                         stops.integer(s, 5) != 0});
            if (auto visit = findVisit(c, visitId)) {
                route.visits.push_back(std::move(*visit));
            }
        }
        plan.routes.push_back(std::move(route));
    }
    plan.unplaced = leftOutVisits(c, day);
    return plan;
}

std::vector<std::pair<VisitJob, std::string>> leftOutVisits(Connection& c,
                                                            std::chrono::year_month_day dueUntil) {
    Rows unplaced = c.query(kUnplaced, {formatDate(dueUntil)});
    auto visits = visitsFrom(c, unplaced);
    std::vector<std::pair<VisitJob, std::string>> left;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        left.emplace_back(std::move(visits[i]), unplaced.text(i, 23));
    }
    return left;
}

std::vector<VisitJob> latePlannedVisits(Connection& c, std::chrono::year_month_day firstDay,
                                        std::chrono::year_month_day lastDay) {
    return visitsFrom(c, c.query(kLatePlanned, {formatDate(firstDay), formatDate(lastDay)}));
}

void completeVisit(Connection& c, VisitId visitId, VisitOutcome outcome,
                   std::optional<FailureReason> failureReason, const std::string& notes, UserId who,
                   Instant now) {
    const VisitStatus status =
        outcome == VisitOutcome::failed ? VisitStatus::failed : VisitStatus::completed;
    const std::size_t changed = c.executeCounting(
        kCompleteVisit, {std::string(toString(status)), std::string(toString(outcome)),
                         failureReason ? SqlValue(std::string(toString(*failureReason)))
                                       : SqlValue(std::monostate{}),
                         notes, who.value(), formatInstant(now), visitId.value()});
    if (changed != 1) {
        throw Conflict("visit_not_planned", "visit " + std::to_string(visitId.value()) +
                                                " is not planned (already recorded?)");
    }
}

std::optional<OrderContact> orderContact(Connection& c, OrderId order) {
    Rows rows = c.query(kOrderContact, {order.value()});
    if (rows.empty()) return std::nullopt;
    return OrderContact{UserId(rows.integer(0, 0)), rows.text(0, 1), rows.text(0, 2),
                        rows.text(0, 3)};
}

std::optional<OrderId> orderOfVisit(Connection& c, const VisitJob& visit) {
    if (visit.order) return visit.order;
    if (visit.assetId) return orderOfAsset(c, *visit.assetId);
    return std::nullopt;
}

std::optional<OrderId> orderOfAsset(Connection& c, AssetId assetId) {
    Rows rows = c.query(kOrderOfAsset, {assetId.value()});
    if (rows.empty() || rows.isNull(0, 0)) return std::nullopt;
    return OrderId(rows.integer(0, 0));
}

}  // namespace ces::store
