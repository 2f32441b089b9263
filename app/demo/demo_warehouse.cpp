#include "app/demo/demo_warehouse.h"

#include <cstdio>
#include <map>
#include <random>

#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/specials.h"
#include "core/store/warehouse/stock.h"
#include "core/uk_time.h"
#include "warehouse/dispatch.h"
#include "warehouse/goods_in.h"
#include "warehouse/maintenance.h"
#include "warehouse/recycling.h"
#include "warehouse/specials.h"

namespace ces::demo {

namespace {

struct DemoActors {
    Actor warehouse;
    Actor planner;
    Actor budget;
    Actor driver;
};

Actor login(store::Connection& c, const std::string& user) {
    auto signIn = store::authenticate(c, user, "demo-" + user);
    if (!signIn) throw std::runtime_error("demo user " + user + " is missing");
    return std::move(signIn->actor);
}

// An illustrative maker's label for a unit: made 2 months to 6 years ago, in a monthly lot
// ("L2403" for March 2024). Drawn from the barcode, not the county's random stream, so the rest
// of the demo stays as it was.
void labelAsMade(store::NewAsset& asset, Instant now) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (const char ch : asset.barcode)
        hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    const auto made = std::chrono::floor<std::chrono::days>(now) -
                      std::chrono::days(60 + static_cast<int>(hash % (6 * 365)));
    const std::chrono::year_month_day day(made);
    char lot[16];
    std::snprintf(lot, sizeof lot, "L%02d%02u", static_cast<int>(day.year()) % 100,
                  static_cast<unsigned>(day.month()));
    asset.madeOn = day;
    asset.batch = lot;
}

// The register: one asset per counted unit of every serialised item, with inspection dates
// spread so that some are due soon and a few are overdue.
std::vector<std::string> registerAssets(store::Connection& c, std::mt19937_64& random, Instant now,
                                        std::vector<std::string>& availableOverdue) {
    const warehouse::MaintenancePolicy policy;
    std::map<std::string, CatalogueItem> items;
    for (const auto& entry : store::searchCatalogue(c, {})) items[entry.item.code] = entry.item;
    auto spreadLast = [&](int months, int maxDaysAgo) {
        const int span = months > 0 ? std::min(maxDaysAgo, months * 30 + 4) : maxDaysAgo;
        return now - std::chrono::days(std::uniform_int_distribution<int>(1, span)(random));
    };
    const auto depots = store::listDepots(c);
    for (const auto& level : store::stateLevels(c, "")) {
        const auto& item = items.at(level.itemCode);
        if (!item.serialised) continue;
        DepotId depot;
        for (const auto& d : depots) {
            if (d.code == level.depotCode) depot = d.id;
        }
        const int months = policy.intervalMonths(item);
        const bool lifting = item.maintenance.regime == MaintenanceRegime::loler;
        for (std::int64_t n = 0; n < level.available + level.reserved; ++n) {
            // Shelf stock was inspected when it last came back: within the last two months,
            // except the first unit of each LOLER item at the west depot, left overdue.
            const bool overdue = n == 0 && lifting && level.depotCode == "WKD";
            const Instant drawn = spreadLast(0, 60);  // drawn for every unit: same county
            const Instant last = overdue ? now - std::chrono::days(200) : drawn;
            auto asset = warehouse::newUnit(c, item, depot, months, last);
            labelAsMade(asset, now);
            if (overdue) availableOverdue.push_back(asset.barcode);
            store::insertAsset(c, asset, std::nullopt, now, "opening stock");
        }
    }
    std::vector<std::string> onLoan;
    for (const auto& loan : store::openSerialisedLoans(c)) {
        const auto& item = items.at(loan.itemCode);
        const int months = policy.intervalMonths(item);
        for (std::int64_t n = 0; n < loan.quantity; ++n) {
            // Items in homes were last inspected up to a regime (and four days) ago, so some
            // are due within a fortnight and a few are a few days overdue.
            auto asset = warehouse::newUnit(c, item, loan.depot, months, spreadLast(months, 400));
            asset.state = AssetState::on_loan;
            asset.resident = loan.resident;
            asset.loanId = loan.loan;
            asset.orderLineId = loan.orderLineId;
            labelAsMade(asset, now);
            store::insertAsset(c, asset, std::nullopt, now, "on loan when the register began");
            onLoan.push_back(asset.barcode);
        }
    }
    return onLoan;
}

void createFleet(store::Connection& c) {
    for (const auto& depot : store::listDepots(c)) {
        struct Crew {
            const char* suffix;
            int people;
            bool lifting;
        };
        const Crew crews[] = {{"1", 2, true}, {"2", 2, false}, {"3", 1, false}, {"4", 1, true}};
        for (const auto& crew : crews) {
            const std::string code = depot.code + "-VAN" + crew.suffix;
            // 60 van-space units: about four beds and their mattresses; 240 g CO2 per km is a
            // typical large diesel van (DEFRA conversion factors, average laden).
            const auto van = store::createVan(c, code, depot.id, 60, 240);
            store::createCrew(c, depot.code + " crew " + crew.suffix, van, crew.people,
                              crew.lifting, 8 * 3600, 17 * 3600);
        }
    }
}

// The barcodes of assets in homes, handed out one at a time to the demo's returns and visits.
class LoanedAssets {
  public:
    explicit LoanedAssets(std::vector<std::string> barcodes) : barcodes_(std::move(barcodes)) {}
    std::optional<std::string> take() {
        if (next_ >= barcodes_.size()) return std::nullopt;
        return barcodes_[next_++];
    }

  private:
    std::vector<std::string> barcodes_;
    std::size_t next_ = 0;
};

// Returns and recycling: a few of the assets in homes come back and move along the path, each
// step by the warehouse clerk, twenty minutes apart, so every state is present. Answers how
// many reached each state.
std::map<std::string, int> moveAlongRecycling(store::Connection& c, LoanedAssets& loaned,
                                              const Actor& clerk, Instant now) {
    const warehouse::MaintenancePolicy policy;
    std::map<std::string, int> moved;
    Instant at = now - std::chrono::hours(30);
    auto tick = [&] { return at += std::chrono::minutes(20); };
    for (int i = 0; i < 3; ++i) {  // returned, waiting for cleaning
        if (auto b = loaned.take()) {
            warehouse::returnAsset(c, *b, "", "good", clerk, tick());
            ++moved["returned"];
        }
    }
    for (int i = 0; i < 2; ++i) {  // being cleaned
        if (auto b = loaned.take()) {
            warehouse::returnAsset(c, *b, "", "", clerk, tick());
            warehouse::decontaminateAsset(c, *b, false, "", clerk, tick());
            ++moved["in_decontamination"];
        }
    }
    for (int i = 0; i < 3; ++i) {  // clean, waiting for a technician
        if (auto b = loaned.take()) {
            warehouse::returnAsset(c, *b, "", "", clerk, tick());
            warehouse::decontaminateAsset(c, *b, true, "", clerk, tick());
            ++moved["awaiting_inspection"];
        }
    }
    for (int i = 0; i < 2; ++i) {  // failed inspection, in repair
        if (auto b = loaned.take()) {
            warehouse::returnAsset(c, *b, "", "motor noisy", clerk, tick());
            warehouse::decontaminateAsset(c, *b, true, "", clerk, tick());
            warehouse::inspectAsset(c, *b, InspectionResult::repair, "actuator motor worn", policy,
                                    clerk, tick());
            ++moved["in_repair"];
        }
    }
    for (int i = 0; i < 2; ++i) {  // repaired, passed and back on the shelf
        if (auto b = loaned.take()) {
            warehouse::returnAsset(c, *b, "", "", clerk, tick());
            warehouse::decontaminateAsset(c, *b, true, "", clerk, tick());
            warehouse::inspectAsset(c, *b, InspectionResult::repair, "castor broken", policy, clerk,
                                    tick());
            warehouse::finishRepair(c, *b, "castor replaced", clerk, tick());
            warehouse::inspectAsset(c, *b, InspectionResult::pass, "", policy, clerk, tick());
            ++moved["available"];
        }
    }
    if (auto b = loaned.take()) {  // beyond economic repair
        warehouse::returnAsset(c, *b, "", "frame cracked", clerk, tick());
        warehouse::decontaminateAsset(c, *b, true, "", clerk, tick());
        warehouse::inspectAsset(c, *b, InspectionResult::scrap,
                                "frame cracked: beyond economic repair", policy, clerk, tick());
        ++moved["scrapped"];
    }
    if (auto b = loaned.take()) {  // never came back
        warehouse::reportLost(c, *b, "resident moved away; not returned", clerk, tick());
        ++moved["lost"];
    }
    return moved;
}

// Collections (the first with a time window) and a repair booked for `day`.
void bookVisits(store::Connection& c, LoanedAssets& loaned, std::chrono::year_month_day day,
                const Actor& planner, Instant now) {
    for (int i = 0; i < 3; ++i) {
        if (auto b = loaned.take()) {
            warehouse::requestAssetVisit(c, VisitKind::collection, *b, day,
                                         i == 0 ? std::optional<int>(10 * 3600) : std::nullopt,
                                         i == 0 ? std::optional<int>(12 * 3600) : std::nullopt,
                                         "end of loan", planner, now);
        }
    }
    if (auto b = loaned.take()) {
        warehouse::requestAssetVisit(c, VisitKind::repair, *b, day, std::nullopt, std::nullopt,
                                     "handset not responding", planner, now);
    }
}

// Picking: up to six shelf assets reserved for allocated orders' lines where barcodes are on
// hand; answers how many.
int pickForOrders(store::Connection& c, const Actor& clerk, Instant now) {
    int count = 0;
    const auto pickable = store::pickableShelfAssets(c);
    for (std::size_t i = 0; i < pickable.size() && count < 6; ++i) {
        try {
            warehouse::pickAsset(c, pickable[i].second, pickable[i].first, clerk, now);
            ++count;
        } catch (const Conflict&) {
            // already picked in full, or the asset is overdue: try the next one
        }
    }
    return count;
}

// Specials: each in turn is left at a later step (approved, quoted, ordered, received).
void moveSpecialsAlong(store::Connection& c, const DemoActors& actors, Instant now) {
    const warehouse::SpecialsPolicy specialsPolicy;
    const Actor& clerk = actors.warehouse;
    int n = 0;
    for (const auto& s : store::listSpecials(c, false, {std::nullopt, 100}).items) {
        const int stage = n++ % 4;
        try {
            if (warehouse::needsApproval(s.estimatedPricePence, specialsPolicy)) {
                // Only the demo budget holder's own team's specials get approved; the
                // others wait for their budget holders.
                if (actors.budget.team != s.team) continue;
                warehouse::approveSpecial(c, s.id, actors.budget, now, specialsPolicy);
            }
            if (stage == 0) continue;
            warehouse::quoteSpecial(c, s.id, "Bespoke Seating Ltd", s.estimatedPricePence + 4500,
                                    clerk, now, specialsPolicy);
            if (stage == 1) continue;
            warehouse::orderSpecial(c, s.id, "PO-" + std::to_string(40000 + s.id.value()), clerk,
                                    now, specialsPolicy);
            if (stage == 2) continue;
            warehouse::receiveSpecial(c, s.id, "WKD", 12, clerk, now, specialsPolicy);
        } catch (const std::exception&) {
            // an order cancelled meanwhile: leave its special
        }
    }
}

// The route plan for `day`, and a line saying what it holds.
std::string planDay(store::Database& db, std::chrono::year_month_day day, const Actor& planner,
                    Instant now, const WorkingDayCalendar& calendar,
                    std::shared_ptr<const warehouse::RoadNetwork> roads, int lookAheadDays = 2) {
    warehouse::DispatchPolicy dispatch;
    dispatch.roads = std::move(roads);
    dispatch.deliveryLookAheadWorkingDays = lookAheadDays;
    dispatch.iterations = 200;
    const auto plan = warehouse::optimiseDay(db, day, planner, now, calendar, dispatch);
    std::size_t stops = 0;
    for (const auto& route : plan.routes) stops += route.route.stops.size();
    return "plan for " + formatDate(plan.header.date) + ": " + std::to_string(plan.routes.size()) +
           " vans, " + std::to_string(stops) + " visits, " +
           std::to_string(plan.header.distanceMetres / 1000) + " km, " +
           std::to_string(plan.header.unassigned) +
           " unassigned; travel: " + plan.header.travelSource;
}

// Today as it stands when the demo is made on a working day: planned at 07:00 with what was due
// by today (tomorrow's work stays for tomorrow's plan), and every stop
// the vans were due to leave by now recorded, one in twelve failed (nobody in), so drivers see
// their morning's progress and the planner has vans on the road to put an emergency into.
std::string runToday(store::Database& db, std::chrono::year_month_day today,
                     const DemoActors& actors, Instant now, const WorkingDayCalendar& calendar,
                     std::shared_ptr<const warehouse::RoadNetwork> roads) {
    const Instant seven = fromUkLocal(today, std::chrono::hours(7));
    const std::string planned =
        planDay(db, today, actors.planner, std::min(now, seven), calendar, std::move(roads), 0);
    const auto plan = db.read([&](store::Connection& c) { return store::loadPlan(c, today); });
    int done = 0;
    int failed = 0;
    for (const auto& route : plan ? plan->routes : std::vector<store::StoredPlan::Route>{}) {
        for (std::size_t s = 0; s < route.route.stops.size(); ++s) {
            const auto& stop = route.route.stops[s];
            const Instant left = fromUkLocal(today, std::chrono::seconds(stop.departureSeconds));
            if (left > now) break;
            const bool fails = (done + failed) % 12 == 11;
            try {
                db.write([&](store::Connection& c) {
                    return warehouse::recordVisitOutcome(
                        c, stop.visitId,
                        fails ? VisitOutcome::failed
                              : warehouse::doneAsPlanned(route.visits[s].kind),
                        fails ? std::optional<FailureReason>(FailureReason::no_access)
                              : std::nullopt,
                        "", actors.driver, left, calendar, warehouse::MaintenancePolicy());
                });
                ++(fails ? failed : done);
            } catch (const std::exception&) {
                // a visit its order no longer allows (cancelled meanwhile): the driver skips it
            }
        }
    }
    return "today's " + planned + "; by now " + std::to_string(done) + " done, " +
           std::to_string(failed) + " failed (nobody in)";
}

}  // namespace

void createDemoWarehouse(store::Database& db, const DemoOptions& options,
                         const WorkingDayCalendar& calendar,
                         const std::function<void(const std::string&)>& progress) {
    std::mt19937_64 random(options.seed + 4);
    const Instant now = options.now;
    const DemoActors actors = db.read([&](store::Connection& c) {
        return DemoActors{login(c, "warehouse"), login(c, "planner"), login(c, "budget"),
                          login(c, "driver")};
    });
    std::vector<std::string> overdueOnShelf;
    std::vector<std::string> onLoan = db.write([&](store::Connection& c) {
        auto assets = registerAssets(c, random, now, overdueOnShelf);
        createFleet(c);
        store::setSupplier(c, "KCE-BED-001", "Drive DeVilbiss Healthcare", 21);
        store::setSupplier(c, "KCE-HST-001", "Arjo UK", 28);
        return assets;
    });
    progress(std::to_string(onLoan.size()) +
             " assets in homes registered, every unit with an illustrative maker's lot and date "
             "of manufacture; 8 vans with crews");

    std::shuffle(onLoan.begin(), onLoan.end(), random);
    LoanedAssets loaned(std::move(onLoan));
    const auto moved = db.write(
        [&](store::Connection& c) { return moveAlongRecycling(c, loaned, actors.warehouse, now); });
    const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now));
    const auto tomorrow = calendar.nextWorkingDay(today);
    db.write([&](store::Connection& c) { bookVisits(c, loaned, tomorrow, actors.planner, now); });
    const int picked =
        db.write([&](store::Connection& c) { return pickForOrders(c, actors.warehouse, now); });
    db.write([&](store::Connection& c) { moveSpecialsAlong(c, actors, now); });
    std::string states;
    for (const auto& [state, count] : moved) {
        states += (states.empty() ? "" : ", ") + state + " " + std::to_string(count);
    }
    progress("recycling path: " + states + "; " + std::to_string(picked) + " assets picked; " +
             std::to_string(overdueOnShelf.size()) + " on the shelf overdue for inspection");
    if (calendar.isWorkingDay(today)) {
        progress(runToday(db, today, actors, now, calendar, options.roads));
    }
    progress(planDay(db, tomorrow, actors.planner, now, calendar, options.roads));
}

}  // namespace ces::demo
