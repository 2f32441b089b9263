#include "app/demo/demo_county.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <tuple>

#include "app/demo/demand_profile.h"
#include "app/demo/demo_history.h"
#include "app/demo/demo_self_purchase.h"
#include "app/demo/demo_warehouse.h"
#include "core/csv.h"
#include "core/nhs_number.h"
#include "core/settings.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/competences.h"
#include "core/store/admin/geography.h"
#include "core/store/admin/organisation.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/messages/outbox.h"
#include "core/store/orders/order_queries.h"
#include "core/store/orders/orders.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/stock.h"
#include "core/uk_time.h"
#include "warehouse/maintenance.h"
#include "warehouse/order_cancellation.h"
#include "warehouse/order_delivery.h"

namespace ces::demo {

namespace {

std::ifstream openFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return in;
}

int pick(Random& random, int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
}

template <class T, std::size_t N>
const T& pickFrom(Random& random, const std::array<T, N>& values) {
    return values[static_cast<std::size_t>(pick(random, 0, static_cast<int>(N) - 1))];
}

std::string nhsNumber(Random& random) {
    for (;;) {
        std::string digits;
        for (int i = 0; i < 9; ++i)
            digits += static_cast<char>('0' + pick(random, i == 0 ? 4 : 0, 9));
        if (const auto check = nhsCheckDigit(digits))
            return digits + static_cast<char>('0' + *check);
    }
}

void loadCatalogue(store::Connection& c, const std::string& dataDir, Instant now) {
    std::map<std::string, std::map<std::string, std::string>> handling;
    auto handlingFile = openFile(dataDir + "/catalogue_handling.csv");
    CsvTable handlingTable(handlingFile);
    while (handlingTable.next()) {
        auto& row = handling[handlingTable.field("item_code")];
        for (const char* column : {"returnable", "credit_eligible", "van_space", "needs_fitting",
                                   "two_person", "competence"}) {
            row[column] = handlingTable.field(column);
        }
    }
    // Each item's maintenance regime, mapped item by item from the catalogue's regime words;
    // its interval and skill are the regime's standard (LOLER: 6 months, a lifting engineer).
    const warehouse::MaintenancePolicy maintenance;
    std::map<std::string, ItemMaintenance> maintenanceOf;
    auto maintenanceFile = openFile(dataDir + "/catalogue_maintenance.csv");
    CsvTable maintenanceTable(maintenanceFile);
    while (maintenanceTable.next()) {
        const std::string word = maintenanceTable.field("maintenance_regime");
        const auto regime = parseMaintenanceRegime(word);
        if (!regime) throw std::runtime_error("unknown maintenance regime: " + word);
        maintenanceOf[maintenanceTable.field("item_code")] = maintenance.standard(*regime);
    }
    auto catalogueFile = openFile(dataDir + "/catalogue.csv");
    CsvTable catalogue(catalogueFile);
    while (catalogue.next()) {
        CatalogueItem item;
        item.code = catalogue.field("item_code");
        item.name = catalogue.field("name");
        item.category = catalogue.field("category");
        item.pricePence = parsePoundsToPence(catalogue.field("unit_price_gbp"), "unit_price_gbp");
        item.serialised = catalogue.field("serialised") == "y";
        item.inspectionRegime = catalogue.field("inspection_regime");
        item.maintenance = maintenanceOf.at(item.code);
        const auto& h = handling.at(item.code);
        item.returnable = h.at("returnable") == "y";
        item.creditEligible = h.at("credit_eligible") == "y";
        item.vanSpace = std::stoi(h.at("van_space"));
        item.needsFitting = h.at("needs_fitting") == "y";
        item.competence = h.at("competence");
        item.twoPerson = h.at("two_person") == "y";
        store::upsertItem(c, item);
    }
    auto equivalentsFile = openFile(dataDir + "/equivalents.csv");
    CsvTable equivalents(equivalentsFile);
    while (equivalents.next()) {
        store::addEquivalents(c, equivalents.field("item_code"),
                              equivalents.field("equivalent_code"));
    }
    // Retail alternatives (illustrative) come in as a side file of the catalogue import.
    auto retailFile = openFile(dataDir + "/catalogue_retail.csv");
    const auto report = store::importCatalogue(c, retailFile, false, std::nullopt, now);
    if (!report.errors.empty()) {
        throw std::runtime_error("catalogue_retail.csv line " +
                                 std::to_string(report.errors.front().line) + ": " +
                                 report.errors.front().message);
    }
}

void loadDepots(store::Connection& c, const std::string& dataDir) {
    auto depotsFile = openFile(dataDir + "/depots.csv");
    CsvTable depots(depotsFile);
    while (depots.next()) {
        const auto place = store::findPostcode(c, depots.field("postcode"));
        if (!place) throw std::runtime_error("depot postcode unknown: " + depots.field("postcode"));
        const DepotId id =
            store::createDepot(c, {DepotId(), depots.field("code"), depots.field("name"),
                                   place->postcode, place->lat, place->lon});
        std::stringstream districts(depots.field("districts"));
        for (std::string district; std::getline(districts, district, ';');) {
            store::assignDistrictToDepot(c, district, id);
        }
    }
}

// Each depot stocked for what its districts will have on loan and be issued (the four weeks'
// orders take three units each on average, the year's loans still out about two more), as much
// again to spare, and at least two of every item (one of the costliest): the items issued most
// have the most on the shelf.
void stockDepots(store::Connection& c, const DemandProfile& profile, int orders, Random& random) {
    const auto shares = profile.districtShares();
    double itemTotal = 0;
    for (const auto& [code, weight] : profile.itemWeight) itemTotal += weight;
    constexpr double kUnitsPerOrder = 5;
    constexpr double kCover = 2;
    std::map<std::string, double> depotShares;
    for (const auto& entry : store::listDepotEntries(c)) {
        for (const auto& district : entry.districts) {
            const auto share = shares.find(district);
            if (share != shares.end()) depotShares[entry.code] += share->second;
        }
    }
    for (const auto& depot : store::listDepots(c)) {
        const double depotShare = depotShares[depot.code];
        for (const auto& entry : store::searchCatalogue(c, {})) {
            const auto weight = profile.itemWeight.find(entry.item.code);
            const double issued =
                weight == profile.itemWeight.end() || itemTotal <= 0
                    ? 0
                    : orders * kUnitsPerOrder * depotShare * weight->second / itemTotal;
            const double noise = std::uniform_real_distribution<double>(0.8, 1.2)(random);
            const int least = entry.item.pricePence >= 300000 ? 1 : 2;
            const int level = least + static_cast<int>(std::ceil(issued * kCover * noise));
            store::setStock(c, depot.id, entry.item.code, level, std::max(1, level / 4));
        }
    }
}

// The codes of the catalogue's items.
std::vector<std::string> codesOf(const std::vector<CatalogueEntry>& catalogue) {
    std::vector<std::string> codes;
    for (const auto& entry : catalogue) codes.push_back(entry.item.code);
    return codes;
}

constexpr std::array<const char*, 24> kFirstNames{
    "Margaret", "John",  "Patricia", "David",   "Jean",   "Peter",   "Sheila", "Michael",
    "Doreen",   "Brian", "Joan",     "Roy",     "Eileen", "Kenneth", "Sylvia", "Derek",
    "Pauline",  "Alan",  "Valerie",  "Raymond", "Irene",  "Keith",   "Aisha",  "Tomasz"};
constexpr std::array<const char*, 20> kLastNames{
    "Smith",  "Jones",  "Taylor",   "Brown", "Williams", "Wilson", "Johnson",
    "Davies", "Patel",  "Wright",   "Green", "Hall",     "Wood",   "Clarke",
    "Hughes", "Turner", "Kowalski", "Ahmed", "Baker",    "Cooper"};
constexpr std::array<const char*, 10> kStreets{
    "Church Road", "Station Road", "High Street", "Mill Lane",     "The Street",
    "London Road", "Park Avenue",  "Queens Road", "Victoria Road", "Orchard Close"};
constexpr std::array<const char*, 6> kAccessNotes{
    "",
    "Key safe by the front door; code from the care agency.",
    "Ground floor flat, ramp at rear.",
    "Narrow stairs: check bed dimensions.",
    "Dog in the house; please knock loudly.",
    "Daughter present weekday mornings."};

struct DemoPeople {
    std::vector<Actor> prescribers;
    Actor budgetHolder;
    Actor planner;
};

// What each demo prescriber is trained for (illustrative): the assistant holds only basic, so a
// hoist they order waits for Priya's countersignature; Tom's moving and handling runs out soon.
void grantDemoCompetences(store::Connection& c,
                          const std::vector<std::pair<UserId, std::string>>& staff,
                          const Actor& admin, Instant now) {
    const auto today = std::chrono::sys_days(ukDateOf(now));
    const auto inDays = [&](int days) {
        return std::chrono::year_month_day(today + std::chrono::days(days));
    };
    const std::vector<std::tuple<const char*, const char*, int>> grants = {
        {"prescriber", "moving_handling", 400},    {"prescriber", "pressure_care", 300},
        {"prescriber", "specialist_seating", 500}, {"prescriber2", "pressure_care", 600},
        {"prescriber2", "moving_handling", 12},    {"prescriber2", "specialist_seating", 380},
        {"physio", "moving_handling", 350},        {"physio", "pressure_care", 90},
        {"physio", "specialist_seating", 200},     {"paediatric", "paediatric", 700},
        {"paediatric", "moving_handling", 250},    {"paediatric", "specialist_seating", 25},
        {"paediatric", "pressure_care", 450}};
    for (const auto& [username, competence, days] : grants) {
        for (const auto& [id, name] : staff) {
            if (name == username)
                store::grantCompetence(c, id, competence, inDays(days), admin, now);
        }
    }
}

DemoPeople createPeople(store::Connection& c, Instant now) {
    const FunderId asc = store::createFunder(c, "KCC-ASC", "Kent County Council adult social care");
    const FunderId children =
        store::createFunder(c, "KCC-CS", "Kent County Council children's services");
    const FunderId nhs =
        store::createFunder(c, "NHS-KM-ICB", "NHS Kent and Medway integrated care board");
    const TeamId ot =
        store::createTeam(c, "Maidstone Adult Social Care OT", asc, 200000, "03000 41 61 61");
    const TeamId nursing =
        store::createTeam(c, "East Kent Community Nursing", nhs, 200000, "0300 123 1807");
    const TeamId physio =
        store::createTeam(c, "Thanet Community Physiotherapy", nhs, 200000, "0300 123 1808");
    const TeamId paediatric =
        store::createTeam(c, "Kent Children's OT", children, 200000, "03000 41 11 11");
    struct Person {
        const char* username;
        const char* name;
        Role role;
        std::optional<TeamId> team;
    };
    const Person people[] = {
        {"prescriber", "Priya Shah, occupational therapist", Role::prescriber, ot},
        {"prescriber2", "Tom Okafor, district nurse", Role::prescriber, nursing},
        {"physio", "Hannah Reid, physiotherapist", Role::prescriber, physio},
        {"paediatric", "Grace Lee, children's occupational therapist", Role::prescriber,
         paediatric},
        {"assistant", "Ben Harris, occupational therapy assistant", Role::prescriber, ot},
        {"budget", "Sam Carter", Role::budget_holder, ot},
        {"warehouse", "Dan Moss", Role::warehouse, std::nullopt},
        {"planner", "Lucy Hart", Role::planner, std::nullopt},
        {"driver", "Mo Ali, driver and technician", Role::driver, std::nullopt},
        {"commissioner", "Ruth Evans", Role::commissioner, std::nullopt},
        {"admin", "Service administrator", Role::admin, std::nullopt},
    };
    DemoPeople result;
    std::vector<std::pair<UserId, std::string>> staff;
    UserId admin;
    for (const auto& p : people) {
        const UserId id = store::createUser(c, p.username, p.name, p.role, p.team,
                                            std::string("demo-") + p.username, now);
        staff.emplace_back(id, p.username);
        if (p.role == Role::admin) admin = id;
        Actor actor{id, p.username, p.name, p.role, p.team};
        // The assistant orders daily living equipment only; the county's orders are the others'.
        if (p.role == Role::prescriber && std::string(p.username) != "assistant") {
            result.prescribers.push_back(actor);
        }
        if (p.role == Role::budget_holder) result.budgetHolder = actor;
        if (p.role == Role::planner) result.planner = actor;
    }
    grantDemoCompetences(c, staff, Actor{admin, "admin", "Service administrator", Role::admin, {}},
                         now);
    // Staff hear of failed visits and emergencies by e-mail.
    for (const auto& [id, username] : staff) {
        store::UserChange email;
        email.email = std::optional<std::string>(username + "@kent-ces.example");
        store::changeUser(c, id, email, admin, now);
    }
    return result;
}

const std::vector<std::string> kDistricts = {
    "Ashford",   "Canterbury", "Dartford", "Dover",  "Folkestone and Hythe",  "Gravesham",
    "Maidstone", "Sevenoaks",  "Swale",    "Thanet", "Tonbridge and Malling", "Tunbridge Wells"};

/// A resident and the index of the prescriber who registered them.
using RegisteredResident = std::pair<ResidentId, std::size_t>;

// How a demo resident hears from us, drawn from their own NHS number (so the rest of the county
// is what it was before residents had contact details): most by text, some by e-mail, a few by
// letter or not at all; one in ten through a carer; a few in Nepali, Polish or Romanian.
ContactPreferences demoContact(const NewResident& resident) {
    Random random(static_cast<unsigned>(std::stoull(resident.nhsNumber) % 4294967291ULL));
    ContactPreferences contact;
    const int way = pick(random, 1, 100);
    const std::string first = resident.name.substr(0, resident.name.find(' '));
    if (pick(random, 1, 10) == 1) {
        contact.contactName = std::string(pickFrom(random, kFirstNames)) +
                              resident.name.substr(resident.name.find(' '));
        contact.contactRelationship = way % 2 ? "daughter" : "son";
    }
    if (way <= 55) {
        contact.channel = ContactChannel::text;
        contact.mobile = "07700 900" + std::to_string(pick(random, 100, 999));
    } else if (way <= 75) {
        contact.channel = ContactChannel::email;
        std::string mailbox = first + "." + std::to_string(pick(random, 10, 99));
        std::transform(mailbox.begin(), mailbox.end(), mailbox.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        contact.email = mailbox + "@example.org";
    } else if (way <= 85) {
        contact.channel = ContactChannel::letter;
    } else if (way <= 92) {
        contact.channel = ContactChannel::phone;
    }
    const int language = pick(random, 1, 100);
    contact.language = language <= 2   ? Language::ne
                       : language <= 4 ? Language::pl
                       : language <= 5 ? Language::ro
                                       : Language::en;
    return contact;
}

NewResident demoResident(Random& random, const std::string& district, const PostcodeInfo& place,
                         bool child) {
    NewResident r;
    r.nhsNumber = nhsNumber(random);
    r.name = std::string(pickFrom(random, kFirstNames)) + " " + pickFrom(random, kLastNames);
    const int year = child ? pick(random, 2010, 2022) : pick(random, 1928, 1975);
    r.dateOfBirth = formatDate(std::chrono::year_month_day{
        std::chrono::year(year), std::chrono::month(static_cast<unsigned>(pick(random, 1, 12))),
        std::chrono::day(static_cast<unsigned>(pick(random, 1, 28)))});
    r.addressLine1 = std::to_string(pick(random, 1, 180)) + " " + pickFrom(random, kStreets);
    r.town = district;
    r.postcode = place.postcode;
    r.phone = "07700 9" + std::to_string(pick(random, 10000, 99999));
    r.accessNotes = pickFrom(random, kAccessNotes);
    r.contact = demoContact(r);
    return r;
}

// Residents, each registered by a prescriber (and so served by that prescriber's team): their
// districts drawn by population and need, their postcodes within a district weighted to its more
// deprived areas (need for equipment follows deprivation).
std::vector<RegisteredResident> registerResidents(store::Database& db, const DemoOptions& options,
                                                  const DemoPeople& people,
                                                  const DemandProfile& profile, Random& random) {
    std::map<std::string, std::vector<PostcodeInfo>> postcodes;
    std::map<std::string, std::vector<double>> postcodeWeights;
    std::vector<std::string> districts;
    std::vector<double> districtWeights;
    db.read([&](store::Connection& c) {
        for (const auto& d : kDistricts) {
            postcodes[d] = store::postcodesInDistrict(c, d);
            for (const auto& place : postcodes[d]) {
                postcodeWeights[d].push_back(11.0 - place.imdDecile.value_or(5));
            }
            const auto weight = profile.districtWeight.find(d);
            if (postcodes[d].empty() || weight == profile.districtWeight.end()) continue;
            districts.push_back(d);
            districtWeights.push_back(weight->second);
        }
    });
    if (districts.empty()) throw std::runtime_error("no district has postcodes and a population");
    std::vector<RegisteredResident> residents;
    db.write([&](store::Connection& c) {
        for (int i = 0; i < options.residents; ++i) {
            const auto& district = districts[weightedPick(random, districtWeights)];
            const auto& place =
                postcodes[district][weightedPick(random, postcodeWeights[district])];
            const std::size_t prescriber = static_cast<std::size_t>(
                pick(random, 0, static_cast<int>(people.prescribers.size()) - 1));
            const bool child = people.prescribers[prescriber].username == "paediatric";
            const auto registered =
                store::registerResident(c, demoResident(random, district, place, child),
                                        people.prescribers[prescriber], options.now);
            residents.emplace_back(registered.id, prescriber);
        }
    });
    return residents;
}

// One to three catalogue lines, drawn by how often each item is issued, and now and then a
// special.
store::NewOrder demoOrder(Random& random, ResidentId resident, const ItemDraw& items) {
    store::NewOrder order;
    order.resident = resident;
    order.speed = allSpeeds[static_cast<std::size_t>(pick(random, 0, 3))];
    const int lineCount = pick(random, 1, 3);
    for (int l = 0; l < lineCount && !items.empty(); ++l) {
        const std::string& code = items(random);
        bool duplicate = false;
        for (const auto& line : order.lines) duplicate |= line.itemCode == code;
        if (!duplicate) order.lines.push_back({code, pick(random, 1, 2)});
    }
    if (pick(random, 0, 40) == 0)
        order.specials.push_back({"Made-to-measure bariatric chair", 180000});
    return order;
}

// One step of an order's lifecycle and when it was taken.
struct DemoStep {
    OrderStatus to;
    Instant at;
};

// The steps an allocated order has taken by `now`, as a Monday morning would find it: an order
// whose due time has passed was delivered, mostly on time (a few late, a few visits failed), and
// a few are cancelled; one not yet due is waiting or scheduled, so no order is weeks overdue.
std::vector<DemoStep> stepsByNow(Random& random, Instant created, Instant due, Instant now) {
    using std::chrono::hours;
    using std::chrono::minutes;
    const int roll = pick(random, 0, 99);
    const Instant start = created + hours(1);
    if (roll < 4) return {{OrderStatus::cancelled, std::min(start + hours(20), now - hours(1))}};
    if (due >= now) {
        if (roll < 40 || start + hours(1) >= now) return {};
        // Some of those due today are on a van already.
        if (roll < 60 && due - now < hours(8) && start + hours(2) < now) {
            return {{OrderStatus::scheduled, start},
                    {OrderStatus::out_for_delivery, now - hours(1)}};
        }
        return {{OrderStatus::scheduled, start}};
    }
    const bool late = roll < 12;
    Instant end = late ? due + hours(pick(random, 2, 30)) : due - minutes(pick(random, 20, 180));
    end = std::clamp(end, start + hours(3), std::max(start + hours(3), now - hours(1)));
    const auto third = (end - start) / 3;
    std::vector<DemoStep> steps{
        {OrderStatus::scheduled, start},
        {OrderStatus::out_for_delivery, start + 2 * third},
        {roll < 8 ? OrderStatus::failed_visit : OrderStatus::delivered, end}};
    // A failed visit is tried again the next working day; only recent failures still wait.
    if (roll < 8 && end + std::chrono::days(2) < now) {
        const Instant retry = end + std::chrono::days(1);
        steps.push_back({OrderStatus::scheduled, end + hours(1)});
        steps.push_back({OrderStatus::out_for_delivery, retry});
        steps.push_back({OrderStatus::delivered, retry + hours(2)});
    }
    return steps;
}

// Creates one order and moves it along its lifecycle up to `now`.
void placeOrder(store::Database& db, const store::NewOrder& order, const DemoPeople& people,
                const Actor& prescriber, Instant created, Instant now,
                const WorkingDayCalendar& calendar, Random& random) {
    const auto outcome = db.write([&](store::Connection& c) {
        return store::createOrder(c, order, prescriber, created, calendar);
    });
    const Instant approvedAt = created + std::chrono::hours(3);
    auto allocated = outcome;
    if (outcome.status == OrderStatus::awaiting_approval &&
        approvedAt < now - std::chrono::hours(1) && prescriber.team == people.budgetHolder.team) {
        allocated = db.write([&](store::Connection& c) {
            return store::approveOrder(c, outcome.reference, people.budgetHolder, approvedAt,
                                       calendar);
        });
    }
    std::vector<DemoStep> steps;
    if (allocated.status == OrderStatus::awaiting_approval &&
        created < now - std::chrono::days(3)) {
        // Another team's budget holder (not a demo user) would have decided by now; the demo
        // has the prescriber withdraw it instead of leaving it waiting for weeks.
        steps = {{OrderStatus::cancelled, created + std::chrono::days(2)}};
    }
    if (allocated.status == OrderStatus::allocated && allocated.dueBy) {
        const Instant from = outcome.status == OrderStatus::allocated ? created : approvedAt;
        steps = stepsByNow(random, from, *allocated.dueBy, now);
    }
    for (const auto& [to, at] : steps) {
        db.write([&](store::Connection& c) {
            if (to == OrderStatus::cancelled) {
                warehouse::cancelOrder(c, outcome.reference, prescriber, at,
                                       allocated.status == OrderStatus::awaiting_approval
                                           ? "withdrawn: a cheaper equivalent was ordered"
                                           : "no longer needed: resident admitted to hospital");
            } else {
                warehouse::progressOrder(
                    c, outcome.reference, to, people.planner, at,
                    to == OrderStatus::failed_visit ? "failed: no access" : "");
            }
        });
    }
}

// Orders over the last four weeks (the current work; the year before is the history), each moved
// along its lifecycle as far as it would be by now.
void placeOrders(store::Database& db, const DemoOptions& options,
                 const WorkingDayCalendar& calendar, const DemoPeople& people,
                 const std::vector<RegisteredResident>& residents, const ItemDraw& items,
                 Random& random) {
    for (int i = 0; i < options.orders; ++i) {
        const auto& [resident, prescriber] = residents[static_cast<std::size_t>(
            pick(random, 0, static_cast<int>(residents.size()) - 1))];
        const int age = options.orders - i;  // older orders first
        const Instant created = options.now - std::chrono::hours(age * 28 * 24 / options.orders) -
                                std::chrono::minutes(pick(random, 0, 600));
        const store::NewOrder order = demoOrder(random, resident, items);
        if (order.lines.empty() && order.specials.empty()) continue;
        try {
            placeOrder(db, order, people, people.prescribers[prescriber], created, options.now,
                       calendar, random);
        } catch (const OutOfStock&) {
            // Stock ran short for this demo order: a real prescriber would pick an equivalent.
        }
    }
}

// When a referral made on the latest working day up to now was placed: that day at 10:00, or just
// before now when now is earlier, so that next-day orders placed then are due on the next working
// day, the day the planner plans on a Monday morning.
Instant latestWorkingMorning(Instant now, const WorkingDayCalendar& calendar) {
    const UkLocalTime local = toUkLocal(now);
    std::chrono::sys_days day{local.date};
    if (!calendar.isWorkingDay(local.date)) {
        while (!calendar.isWorkingDay(std::chrono::year_month_day{day}))
            day -= std::chrono::days(1);
        return fromUkLocal(std::chrono::year_month_day{day}, std::chrono::hours(10));
    }
    const Instant morning = fromUkLocal(local.date, std::chrono::hours(10));
    const Instant startOfDay = fromUkLocal(local.date, std::chrono::minutes(1));
    return std::max(startOfDay, std::min(morning, now - std::chrono::minutes(10)));
}

// The latest working day's hospital-discharge referrals: beds and hoists for the next working day,
// which need two people or fitting, so the plan the planner opens always has such visits.
void placeDischargeReferrals(store::Database& db, const DemoOptions& options,
                             const WorkingDayCalendar& calendar, const DemoPeople& people,
                             const std::vector<RegisteredResident>& residents,
                             const DemandProfile& profile, Random& random) {
    auto catalogue = db.read([](store::Connection& c) { return store::searchCatalogue(c, {}); });
    std::erase_if(catalogue, [](const CatalogueEntry& entry) {
        return !(entry.item.twoPerson || entry.item.needsFitting) || entry.available == 0;
    });
    const ItemDraw handled(codesOf(catalogue), profile);
    std::vector<ResidentId> ofBudgetTeam;
    for (const auto& [resident, prescriber] : residents) {
        if (people.prescribers[prescriber].team == people.budgetHolder.team) {
            ofBudgetTeam.push_back(resident);
        }
    }
    const Actor* prescriber = nullptr;
    for (const auto& p : people.prescribers) {
        if (p.team == people.budgetHolder.team) prescriber = &p;
    }
    if (handled.empty() || ofBudgetTeam.empty() || prescriber == nullptr) return;
    const Instant placed = latestWorkingMorning(options.now, calendar);
    constexpr int kReferrals = 6;
    constexpr int kTries = 30;  // a resident's depot may have none of the item drawn left
    for (int placedCount = 0, tries = 0; placedCount < kReferrals && tries < kTries; ++tries) {
        store::NewOrder order;
        order.resident = ofBudgetTeam[static_cast<std::size_t>(
            pick(random, 0, static_cast<int>(ofBudgetTeam.size()) - 1))];
        order.speed = Speed::next_day;
        order.notes = "Hospital discharge: needed before the resident comes home";
        order.lines.push_back({handled(random), 1});
        try {
            db.write([&](store::Connection& c) {
                const auto placedOrder =
                    store::createOrder(c, order, *prescriber, placed, calendar);
                if (placedOrder.status == OrderStatus::awaiting_approval) {
                    store::approveOrder(c, placedOrder.reference, people.budgetHolder,
                                        placed + std::chrono::minutes(5), calendar);
                }
            });
            ++placedCount;
        } catch (const OutOfStock&) {
            // The depot serving this resident has none left: draw again.
        }
    }
}

// "allocated 12, delivered 80, ...": how many orders are in each state.
std::string ordersByState(store::Database& db, const Actor& planner) {
    std::map<OrderStatus, int> states;
    db.read([&](store::Connection& c) {
        store::PageRequest page{std::nullopt, 500};
        for (bool more = true; more;) {
            const auto orders = store::listOrders(c, planner, std::nullopt, page);
            for (const auto& summary : orders.items) ++states[summary.status];
            page.after = orders.next;
            more = orders.next.has_value();
        }
    });
    std::string counts;
    for (const auto& [status, count] : states) {
        counts += std::string(counts.empty() ? "" : ", ") + std::string(toString(status)) + " " +
                  std::to_string(count);
    }
    return counts;
}

}  // namespace

std::size_t ensurePostcodes(store::Database& db, const std::string& geoDir) {
    if (db.read([](store::Connection& c) { return store::postcodeCount(c); }) > 0) return 0;
    auto csv = openFile(geoDir + "/kent_postcodes.csv");
    return db.write([&](store::Connection& c) { return store::importPostcodes(c, csv); });
}

void createDemoCounty(store::Database& db, const DemoOptions& options,
                      const WorkingDayCalendar& calendar,
                      const std::function<void(const std::string&)>& progress) {
    Random random(options.seed);
    progress("postcodes: " + std::to_string(ensurePostcodes(db, options.geoDir)) + " loaded");
    const DemandProfile profile = readDemandProfile(options.dataDir, options.geoDir);
    DemoPeople people = db.write([&](store::Connection& c) {
        loadCatalogue(c, options.dataDir, options.now);
        loadDepots(c, options.dataDir);
        stockDepots(c, profile, options.orders, random);
        return createPeople(c, options.now);
    });
    progress(
        "catalogue (with illustrative competences and retail alternatives for self-purchase), "
        "depots, stock and 11 demo users created");
    const auto residents = registerResidents(db, options, people, profile, random);
    progress(std::to_string(residents.size()) + " residents registered across 12 districts");
    const auto catalogue =
        db.read([](store::Connection& c) { return store::searchCatalogue(c, {}); });
    placeOrders(db, options, calendar, people, residents, ItemDraw(codesOf(catalogue), profile),
                random);
    placeDischargeReferrals(db, options, calendar, people, residents, profile, random);
    progress(recordDemoSelfPurchase(db, options.now, people.prescribers, residents));
    progress("orders by state: " + ordersByState(db, people.planner));
    createDemoWarehouse(db, options, calendar, progress);
    createDemoHistory(db, options, profile, calendar, progress);
    // The story's messages went when they were written; today's wait for a channel.
    const auto sent = db.write([&](store::Connection& c) {
        return store::markMessagesSentBefore(c, fromUkLocal(ukDateOf(options.now), {}));
    });
    const auto waiting = db.read([](store::Connection& c) { return store::outboxDepth(c); });
    progress("messages: " + std::to_string(sent) + " sent in the story, " +
             std::to_string(waiting.waiting) + " waiting today");
}

}  // namespace ces::demo
