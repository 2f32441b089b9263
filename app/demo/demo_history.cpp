#include "app/demo/demo_history.h"

#include <fstream>
#include <random>
#include <set>

#include "app/demo/demand_profile.h"
#include "core/store/admin/accounts.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/collections/collections.h"
#include "core/store/dispatch/delivery_slots.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/dispatch/route_changes.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/store/reports/reports.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"
#include "core/uk_time.h"
#include "warehouse/dispatch.h"
#include "warehouse/order_delivery.h"
#include "warehouse/recycling.h"

namespace ces::demo {

namespace {

namespace chr = std::chrono;

int pick(Random& random, int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
}

struct People {
    std::vector<Actor> prescribers;
    std::optional<Actor> budget;
    Actor planner;
    Actor warehouse;
    Actor driver;
};

std::optional<Actor> signIn(store::Connection& c, const std::string& username) {
    auto signIn = store::authenticate(c, username, "demo-" + username);
    if (!signIn) return std::nullopt;
    return std::move(signIn->actor);
}

constexpr CollectionReason kReasons[] = {CollectionReason::no_longer_needed,
                                         CollectionReason::no_longer_needed,
                                         CollectionReason::no_longer_needed,
                                         CollectionReason::moved,
                                         CollectionReason::deceased,
                                         CollectionReason::care_home,
                                         CollectionReason::faulty};
constexpr const char* kConditions[] = {"good", "good", "good", "worn", "damaged"};

void loadReferenceData(store::Database& db, const std::string& dataDir,
                       const std::function<void(const std::string&)>& progress) {
    std::ifstream points(dataDir + "/collection_points.csv");
    std::ifstream population(dataDir + "/district_population.csv");
    if (!points || !population) {
        progress("history: collection points or district populations not found in " + dataDir);
        return;
    }
    db.write([&](store::Connection& c) {
        store::importCollectionPoints(c, points);
        store::importDistrictPopulation(c, population);
    });
}

// A visit made at `at` as drivers record it: planned that day and done; about one in fifteen
// found nobody in the working day before (the prescriber was told; the message went out) and
// was made on the retry.
void makeVisit(store::Connection& c, VisitId visit, VisitKind kind, const People& people,
               Instant since, Instant at, const WorkingDayCalendar& calendar, Random& random) {
    const auto planOn = [&](VisitId v, Instant when) {
        const auto day = toUkLocal(when).date;
        store::markVisitPlanned(c, v, day, std::nullopt);
        if (kind != VisitKind::delivery) return;
        const auto visitJob = store::findVisit(c, v);
        const auto order = store::findOrderRow(c, *visitJob->orderReference);
        if (order.status == OrderStatus::allocated || order.status == OrderStatus::failed_visit) {
            warehouse::progressOrder(c, order.reference, OrderStatus::scheduled, people.planner,
                                     std::max(since + chr::minutes(30), when - chr::hours(20)),
                                     "planned for " + formatDate(day));
        }
    };
    if (pick(random, 0, 14) == 0 && at - chr::hours(48) > since) {
        const Instant failedAt = at - chr::hours(24);
        planOn(visit, failedAt);
        const auto receipt = warehouse::recordVisitOutcome(
            c, visit, VisitOutcome::failed, FailureReason::no_access, "", people.driver, failedAt,
            calendar, warehouse::MaintenancePolicy());
        if (receipt.messageId) {
            store::markMessageSent(c, *receipt.messageId, failedAt + chr::minutes(20));
        }
        visit = *receipt.rescheduledVisitId;
    }
    planOn(visit, at);
    warehouse::recordVisitOutcome(c, visit, warehouse::doneAsPlanned(kind), std::nullopt, "",
                                  people.driver, at, calendar, warehouse::MaintenancePolicy());
}

// Returns what a collection asked for: barcodes are returned, cleaned and inspected (most pass
// and earn a credit), counted items are returned, cleaned and passed back to stock.
void bringBack(store::Connection& c, const store::Collection& collection, const People& people,
               Instant at, const WorkingDayCalendar& calendar, Random& random) {
    const char* condition = kConditions[pick(random, 0, 4)];
    // The van's visits first (a unit is returned when it is collected), then the depot's work.
    std::set<VisitId> visited;
    for (const auto& item : collection.items) {
        if (item.visitId && visited.insert(*item.visitId).second) {
            makeVisit(c, *item.visitId, VisitKind::collection, people, collection.requestedAt, at,
                      calendar, random);
        }
    }
    for (const auto& item : collection.items) {
        if (item.barcode) {
            if (!item.visitId) {
                warehouse::returnAsset(c, *item.barcode, "", condition, people.warehouse, at);
            }
            warehouse::decontaminateAsset(c, *item.barcode, true, "", people.warehouse,
                                          at + chr::hours(20));
            const bool scrap = std::string(condition) == "damaged" && pick(random, 0, 1) == 0;
            warehouse::inspectAsset(
                c, *item.barcode, scrap ? InspectionResult::scrap : InspectionResult::pass,
                scrap ? "frame cracked: beyond economic repair" : "",
                warehouse::MaintenancePolicy(), people.warehouse, at + chr::hours(26));
        } else {
            const auto back =
                warehouse::returnCountedItems(c, item.orderReference, item.itemCode, item.quantity,
                                              "", condition, people.warehouse, at);
            warehouse::processCountedItems(c, back.depotCode, item.itemCode, item.quantity,
                                           AssetStep::finish_decontamination, "", people.warehouse,
                                           at + chr::hours(20));
            warehouse::processCountedItems(c, back.depotCode, item.itemCode, item.quantity,
                                           AssetStep::pass_inspection, "", people.warehouse,
                                           at + chr::hours(26));
        }
    }
}

// The demo's people, found by signing in as them; nullopt when the county has none of them.
std::optional<People> signInPeople(store::Database& db) {
    People people = db.read([&](store::Connection& c) {
        People p;
        for (const char* name : {"prescriber", "prescriber2", "physio", "paediatric"}) {
            if (auto actor = signIn(c, name)) p.prescribers.push_back(*actor);
        }
        p.budget = signIn(c, "budget");
        p.planner = signIn(c, "planner").value_or(Actor{});
        p.warehouse = signIn(c, "warehouse").value_or(Actor{});
        p.driver = signIn(c, "driver").value_or(p.planner);
        return p;
    });
    if (people.prescribers.empty() || !people.planner.id.valid() || !people.warehouse.id.valid()) {
        return std::nullopt;
    }
    return people;
}

// The returnable items of at most £3,000, drawn by how often each is issued: what the year's
// loans are of.
ItemDraw returnableItems(store::Database& db, const DemandProfile& profile) {
    const auto catalogue =
        db.read([](store::Connection& c) { return store::searchCatalogue(c, {}); });
    std::vector<std::string> items;
    for (const auto& entry : catalogue) {
        if (entry.item.pricePence <= 300000 && entry.item.returnable)
            items.push_back(entry.item.code);
    }
    return ItemDraw(items, profile);
}

// The last prescriber (in the demo's order) whose team serves the resident.
std::optional<Actor> prescriberFor(store::Connection& c, const People& people,
                                   ResidentId resident) {
    std::optional<Actor> prescriber;
    for (const auto& p : people.prescribers) {
        if (p.team && store::teamServesResident(c, *p.team, resident)) prescriber = p;
    }
    return prescriber;
}

// An order for the resident, approved if it needs to be and delivered, mostly by its due time;
// its reference, or "" when no demo prescriber or budget holder could place it.
std::string deliverOrder(store::Connection& c, const People& people, const ItemDraw& items,
                         ResidentId resident, Instant created, const WorkingDayCalendar& calendar,
                         Random& random) {
    const std::optional<Actor> prescriber = prescriberFor(c, people, resident);
    if (!prescriber) return "";
    store::NewOrder order;
    order.resident = resident;
    order.speed = allSpeeds[static_cast<std::size_t>(pick(random, 1, 3))];
    const int lines = pick(random, 1, 2);
    for (int l = 0; l < lines; ++l) {
        const std::string& code = items(random);
        if (order.lines.empty() || order.lines.front().itemCode != code) {
            order.lines.push_back({code, 1});
        }
    }
    auto outcome = store::createOrder(c, order, *prescriber, created, calendar);
    if (outcome.status == OrderStatus::awaiting_approval) {
        if (!people.budget || people.budget->team != prescriber->team) return "";
        outcome = store::approveOrder(c, outcome.reference, *people.budget, created + chr::hours(2),
                                      calendar);
    }
    if (outcome.status != OrderStatus::allocated || !outcome.dueBy) return "";
    // Most arrive by their due time; about one in eight is a day or two late.
    const Instant due = *outcome.dueBy;
    const Instant at = pick(random, 0, 7) == 0 ? due + chr::hours(pick(random, 20, 50))
                                               : due - chr::hours(pick(random, 1, 20));
    const Instant when = std::max(at, created + chr::hours(3));
    const auto orderId = store::findOrderRow(c, outcome.reference).id;
    const auto prospect = store::prospectiveDeliveryVisit(c, orderId);
    if (!prospect) return "";
    const VisitId id = store::createVisit(c,
                                          {.order = orderId,
                                           .resident = resident,
                                           .depot = prospect->depot,
                                           .dueDate = toUkLocal(due).date},
                                          created + chr::hours(3));
    makeVisit(c, id, VisitKind::delivery, people, created, when, calendar, random);
    return outcome.reference;
}

// A collection of the order asked for at `asked` by its prescriber, the resident or the
// warehouse, and (mostly) brought back before `now`; true when it came back.
bool collect(store::Connection& c, const People& people, ResidentId resident,
             const std::string& reference, Instant asked, Instant now,
             const WorkingDayCalendar& calendar, Random& random) {
    const int who = pick(random, 0, 9);
    store::CollectionCaller caller;
    if (who < 6) {
        caller = {CollectionRequester::prescriber, std::nullopt, std::nullopt};
        caller.actor = prescriberFor(c, people, resident);
    } else if (who < 8) {
        caller = {CollectionRequester::resident, std::nullopt, reference};
    } else {
        caller = {CollectionRequester::warehouse, people.warehouse, std::nullopt};
    }
    store::CollectionRequest request;
    request.orderReference = reference;
    request.reason = caller.kind == CollectionRequester::warehouse ? CollectionReason::end_of_loan
                                                                   : kReasons[pick(random, 0, 6)];
    request.urgent = request.reason == CollectionReason::faulty;
    const auto collection =
        store::requestCollection(c, request, caller, asked, calendar, CollectionRules());
    // Most come back within the 5 working days, some a few days late; only those asked for
    // this past week may still be waiting.
    const int roll = pick(random, 0, 19);
    const auto due = collection.dueBy;
    const Instant back = roll < 4 ? due + chr::hours(pick(random, 20, 120))
                                  : asked + chr::hours(pick(random, 20, 90));
    if (back >= now - chr::hours(2) || (roll == 0 && asked > now - chr::days(7))) return false;
    bringBack(c, collection, people, std::min(back, due + chr::days(10)), calendar, random);
    return true;
}

// The year's in-home inspections: every asset in a home whose inspection fell due before the
// last few days was inspected on a working day near its due date (planned and recorded, as
// `makeVisit` does), so nothing in a home is months overdue; a 6-monthly LOLER item on loan all
// year has had two. Answers how many were made.
int inspectInHomes(store::Database& db, const People& people, Instant now,
                   const WorkingDayCalendar& calendar, Random& random) {
    int made = 0;
    for (int round = 0; round < 4; ++round) {
        const auto due = db.read([&](store::Connection& c) {
            return store::inspectionsWithoutVisit(c, now - chr::days(3));
        });
        if (due.empty()) break;
        for (const auto& inspection : due) {
            // On or a little before the due date, on a working day, in working hours.
            auto day = toUkLocal(inspection.due - chr::days(pick(random, 0, 6))).date;
            while (!calendar.isWorkingDay(day)) day = std::chrono::sys_days(day) - chr::days(1);
            const Instant at = fromUkLocal(
                day, chr::hours(pick(random, 9, 15)) + chr::minutes(pick(random, 0, 59)));
            if (at >= now - chr::hours(2)) continue;
            try {
                db.write([&](store::Connection& c) {
                    store::NewVisit visit;
                    visit.kind = VisitKind::inspection;
                    visit.assetId = inspection.assetId;
                    visit.resident = inspection.resident;
                    visit.depot = inspection.depot;
                    visit.dueDate = toUkLocal(inspection.due).date;
                    visit.notes = "planned inspection";
                    const VisitId id = store::createVisit(c, visit, at - chr::days(14));
                    makeVisit(c, id, VisitKind::inspection, people, at - chr::days(14), at,
                              calendar, random);
                });
                ++made;
            } catch (const Conflict&) {
                // The asset came back or changed state meanwhile: nothing to inspect.
            } catch (const ValidationError&) {
            }
        }
    }
    return made;
}

}  // namespace

void createDemoHistory(store::Database& db, const DemoOptions& options,
                       const DemandProfile& profile, const WorkingDayCalendar& calendar,
                       const std::function<void(const std::string&)>& progress) {
    Random random(options.seed + 5);
    loadReferenceData(db, options.dataDir, progress);
    const std::optional<People> people = signInPeople(db);
    if (!people) {
        progress("history: demo users missing; no history added");
        return;
    }
    const ItemDraw items = returnableItems(db, profile);
    // Orders over the year before the 60 days the county already has, oldest first.
    const int orders = std::max(50, options.orders * 2);
    int delivered = 0;
    int collected = 0;
    for (int i = 0; i < orders; ++i) {
        const int daysAgo = 365 - (i * 300) / orders;
        const Instant created = options.now - chr::days(daysAgo) + chr::hours(pick(random, 8, 15));
        const ResidentId resident(pick(random, 1, options.residents));
        try {
            const auto reference = db.write([&](store::Connection& c) {
                return deliverOrder(c, *people, items, resident, created, calendar, random);
            });
            if (reference.empty()) continue;
            ++delivered;
            // About two in three loans come back within the year.
            if (pick(random, 0, 2) == 0) continue;
            const Instant asked =
                options.now - chr::days(daysAgo) + chr::days(pick(random, 20, 200));
            if (asked > options.now - chr::days(3)) continue;
            db.write([&](store::Connection& c) {
                if (collect(c, *people, resident, reference, asked, options.now, calendar, random))
                    ++collected;
            });
        } catch (const Conflict&) {
            // Stock ran short or no barcoded item was free that day: the demo skips the order.
        } catch (const ValidationError&) {
        } catch (const NotFound&) {
        }
    }
    const int inspected = inspectInHomes(db, *people, options.now, calendar, random);
    const auto checks = db.write([&](store::Connection& c) {
        return store::stillNeededChecks(c, options.now, 182, 90, 25, true);
    });
    progress("history: " + std::to_string(delivered) + " orders delivered over the past year, " +
             std::to_string(collected) + " collections returned, " + std::to_string(inspected) +
             " inspections made in homes, " + std::to_string(checks.size()) +
             " still-needed check-ins queued");
}

}  // namespace ces::demo
