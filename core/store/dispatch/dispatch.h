#pragma once
// Dispatch records: vans and crews, visits (deliveries, collections, repairs, inspections),
// the stored route plan of a day (the outbox is core/store/messages).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/store/messages/outbox.h"
#include "core/types.h"
#include "core/visits.h"

namespace ces {
/// One run of the planner over a horizon of days.
using PlanRunId = Id<struct PlanRunTag>;
}  // namespace ces

namespace ces::store {

/// A van with its crew for the day.
struct VanCrew {
    VanId vanId;
    std::string code;
    DepotId depot;
    std::string depotCode;
    double depotLat = 0;
    double depotLon = 0;
    std::int64_t capacity = 0;  ///< Van space units (catalogue van_space).
    int co2GramsPerKm = 0;
    std::string crewName;
    int people = 1;
    bool liftingEngineer = false;
    int shiftStartSeconds = 0;  ///< Seconds after local midnight.
    int shiftEndSeconds = 0;
};
VanId createVan(Connection& c, const std::string& code, DepotId depot, std::int64_t capacity,
                int co2GramsPerKm);
void createCrew(Connection& c, const std::string& name, VanId vanId, int people,
                bool liftingEngineer, int shiftStartSeconds, int shiftEndSeconds);
/// Which vans a listing holds: planning takes the vans in service; a saved plan shows every van
/// it used, including one switched off since.
enum class VansListed { inService, all };
/// Vans that have a crew, by code.
std::vector<VanCrew> listVanCrews(Connection& c, VansListed which = VansListed::inService);

/// What a new visit needs: a delivery by default, so `{.order = ..., .resident = ..., .depot =
/// ..., .dueDate = ...}` books an order's delivery.
struct NewVisit {
    VisitKind kind = VisitKind::delivery;
    std::optional<OrderId> order{};
    std::optional<AssetId> assetId{};
    ResidentId resident{};
    DepotId depot{};
    std::chrono::year_month_day dueDate{};
    std::optional<int> slotStartSeconds{};
    std::optional<int> slotEndSeconds{};
    std::string notes{};
};
VisitId createVisit(Connection& c, const NewVisit& visit, Instant now);

/// An order waiting for delivery that has no open (pending or planned) visit.
struct DeliveryToBook {
    OrderId order;
    std::string reference;
    ResidentId resident;
    DepotId depot;
    Instant dueBy;
};
/// Allocated, scheduled or failed-visit orders due at or before `dueUntil` without open visit.
std::vector<DeliveryToBook> deliveriesWithoutVisit(Connection& c, Instant dueUntil);

/// An asset in a home due for inspection without an open inspection visit.
struct InspectionToBook {
    AssetId assetId;
    ResidentId resident;
    DepotId depot;
    Instant due;
};
std::vector<InspectionToBook> inspectionsWithoutVisit(Connection& c, Instant dueUntil);

/// An item a visit carries, collects or looks at.
struct VisitItem {
    std::string itemCode;  ///< Empty for a special.
    std::string name;
    std::string category;
    std::int64_t quantity = 0;
    int vanSpace = 1;
    bool twoPerson = false;
    bool needsFitting = false;
    ItemMaintenance maintenance;        ///< None for a special.
    std::vector<std::string> barcodes;  ///< Assets picked for the line (or the visit's asset).
};

/// What a delivery of the order carries: its lines, then its specials (and, when asked, the
/// barcodes picked for them).
std::vector<VisitItem> deliveryItems(Connection& c, OrderId order, bool withBarcodes);

/// An emergency delivery's clock: routing serves it from approval to its due time, no later.
struct EmergencyDue {
    Instant approvedAt;
    Instant dueBy;
};

/// A visit with what routing and drivers need.
struct VisitJob {
    VisitId id;
    VisitKind kind = VisitKind::delivery;
    VisitStatus status = VisitStatus::pending;
    std::optional<OrderId> order;
    std::optional<std::string> orderReference;
    std::optional<AssetId> assetId;
    std::optional<std::string> barcode;
    ResidentId resident;
    std::string residentName;
    std::string address;
    std::string postcode;
    std::string accessNotes;
    double lat = 0;
    double lon = 0;
    DepotId depot;
    std::chrono::year_month_day dueDate;
    std::optional<int> slotStartSeconds;
    std::optional<int> slotEndSeconds;
    std::optional<std::chrono::year_month_day> planDate;
    std::optional<VanId> vanId;
    std::optional<VisitOutcome> outcome;
    std::optional<FailureReason> failureReason;
    std::string notes;       ///< The visit's own notes.
    std::string orderNotes;  ///< The prescriber's delivery notes on the order, if any.
    std::vector<VisitItem> items;
    std::optional<EmergencyDue> emergency;  ///< Only for the delivery of an emergency order.
    bool swapsUnit = false;  ///< A recall's repair visit taking a replacement out on the van.
};
/// The order a visit is about: its own, or that of the asset it visits (whose resident hears of
/// it); nullopt for neither.
std::optional<OrderId> orderOfVisit(Connection& c, const VisitJob& visit);
/// Pending visits due at or before `dueUntil` (a booked slot only when its day is between
/// `firstDay` and `lastDay`) plus those already planned for a day between them.
std::vector<VisitJob> visitsForHorizon(Connection& c, std::chrono::year_month_day dueUntil,
                                       std::chrono::year_month_day firstDay,
                                       std::chrono::year_month_day lastDay);
/// True once a driver has recorded an outcome for a visit planned on `day`: its plan is under
/// way and stays as it is.
bool outcomesRecordedOn(Connection& c, std::chrono::year_month_day day);

/// Pending visits due at or before `dueUntil` plus those already planned for `planDate`.
std::vector<VisitJob> visitsToPlan(Connection& c, std::chrono::year_month_day dueUntil,
                                   std::chrono::year_month_day planDate);
std::optional<VisitJob> findVisit(Connection& c, VisitId id);

/// One stop of a stored route.
struct PlannedStop {
    VisitId visitId;
    int arrivalSeconds = 0;
    int startSeconds = 0;
    int departureSeconds = 0;
    bool loadAtDepotFirst = false;  ///< The van calls at its depot to load before this stop.
};
/// One van's stored route.
struct PlannedRoute {
    VanId vanId;
    std::int64_t distanceMetres = 0;
    int startSeconds = 0;
    int endSeconds = 0;
    std::vector<PlannedStop> stops;
};
/// A day's plan as stored.
struct PlanHeader {
    std::chrono::year_month_day date;
    Instant optimisedAt;
    std::string travelSource;
    int vansUsed = 0;
    std::int64_t distanceMetres = 0;
    int unassigned = 0;
    std::optional<PlanRunId> runId;  ///< The horizon run that made it, if any.
};
/// One run over a horizon: when, by whom, how long it took and what it could not do.
struct PlanRun {
    std::chrono::year_month_day from;
    int days = 1;
    Instant createdAt;
    UserId createdBy;
    std::int64_t timeMs = 0;
    int late = 0;
    int leftOut = 0;
};
PlanRunId insertPlanRun(Connection& c, const PlanRun& run);
/// The newest horizon run a planner made, if any.
std::optional<PlanRun> latestPlanRun(Connection& c);
/// Removes the day's plan; its planned visits go back to pending.
void clearPlan(Connection& c, std::chrono::year_month_day day);
/// A visit the solver could not place, with why.
struct UnplacedVisit {
    VisitId visitId;
    std::string reason;
};
/// Replaces the day's plan: visits planned for it before go back to pending, then the new
/// routes' visits become planned on their van; unplaced visits keep their reason.
void savePlan(Connection& c, const PlanHeader& header, const std::vector<PlannedRoute>& routes,
              const std::vector<UnplacedVisit>& unplaced);

/// A stored plan with its visits.
struct StoredPlan {
    PlanHeader header;
    struct Route {
        VanCrew van;
        PlannedRoute route;
        std::vector<VisitJob> visits;  ///< In stop order, parallel to route.stops.
    };
    std::vector<Route> routes;
    std::vector<std::pair<VisitJob, std::string>> unplaced;  ///< Pending visits with reason.
};
std::optional<StoredPlan> loadPlan(Connection& c, std::chrono::year_month_day date);
/// Pending visits due by `dueUntil` that the last plan could not place, with why.
std::vector<std::pair<VisitJob, std::string>> leftOutVisits(Connection& c,
                                                            std::chrono::year_month_day dueUntil);
/// Visits planned on a day between the two after their due date, by planned day.
std::vector<VisitJob> latePlannedVisits(Connection& c, std::chrono::year_month_day firstDay,
                                        std::chrono::year_month_day lastDay);

/// Records a planned visit's outcome (failed for VisitOutcome::failed, else completed);
/// Conflict("visit_not_planned") unless it is planned.
void completeVisit(Connection& c, VisitId visitId, VisitOutcome outcome,
                   std::optional<FailureReason> failureReason, const std::string& notes, UserId who,
                   Instant now);

/// Who ordered the order (to tell them about a failed visit).
struct OrderContact {
    UserId prescriber;
    std::string prescriberName;
    std::string teamPhone;
    std::string prescriberEmail;  ///< Empty when none is on record.

    /// Where an e-mail to the prescriber goes: their address, else their name (the sender then
    /// gives up on it and shows it to the admin).
    std::string mailbox() const {
        return prescriberEmail.empty() ? prescriberName : prescriberEmail;
    }
};
std::optional<OrderContact> orderContact(Connection& c, OrderId order);
/// The order a loaned asset came from, if any.
std::optional<OrderId> orderOfAsset(Connection& c, AssetId assetId);

}  // namespace ces::store
