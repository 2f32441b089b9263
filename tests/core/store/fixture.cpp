#include "tests/core/store/fixture.h"

#include <random>
#include <sstream>

#include "core/store/admin/accounts.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/stock.h"

namespace ces::test {

namespace {

const char* const kPostcodes =
    "postcode,lat,lon,easting,northing,pqi,district_code,district_name,county_or_ua,kcc_area,"
    "lsoa11,lsoa_method,imd2019_rank,imd2019_decile\n"
    "ME14 1AD,51.2766,0.5218,0,0,10,E07000110,Maidstone,Kent,1,E01024370,x,9000,3\n"
    "CT9 1AA,51.3891,1.3862,0,0,10,E07000114,Thanet,Kent,1,E01024670,x,100,1\n"
    "ME20 7AD,51.3013,0.4912,0,0,10,E07000115,Tonbridge and Malling,Kent,1,,,,\n"
    "TN24 0AA,51.1580,0.8820,0,0,10,E07000105,Ashford,Kent,1,,,,\n"
    "ME1 1AA,51.3861,0.5074,0,0,10,E06000035,Medway,Medway,0,,,,\n";

CatalogueItem item(const std::string& code, const std::string& name, Pence price) {
    CatalogueItem i;
    i.code = code;
    i.name = name;
    i.category = "Test";
    i.pricePence = price;
    i.inspectionRegime = "none";
    return i;
}

}  // namespace

SmallCounty::SmallCounty() {
    std::random_device random;
    directory = std::filesystem::temp_directory_path() /
                ("ces-store-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(directory);
    db = std::make_unique<store::Database>((directory / "test.db").string(), 4);
    now = std::chrono::sys_days(std::chrono::year(2026) / 3 / 2) + std::chrono::hours(10);
    std::istringstream postcodes(kPostcodes);
    db->write([&](store::Connection& c) { store::importPostcodes(c, postcodes); });
    db->write([&](store::Connection& c) {
        const FunderId council = store::createFunder(c, "KCC", "Council");
        const FunderId nhs = store::createFunder(c, "NHS", "NHS");
        const TeamId teamA = store::createTeam(c, "Team A", council, 200000, "01000 000001");
        const TeamId teamB = store::createTeam(c, "Team B", nhs, 200000, "01000 000002");
        auto make = [&](const char* name, Role role, std::optional<TeamId> team) {
            return Actor{store::createUser(c, name, name, role, team, "pw", now), name, name, role,
                         team};
        };
        prescriber = make("p", Role::prescriber, teamA);
        otherPrescriber = make("p2", Role::prescriber, teamB);
        budgetHolder = make("b", Role::budget_holder, teamA);
        warehouse = make("w", Role::warehouse, std::nullopt);
        planner = make("pl", Role::planner, std::nullopt);

        store::upsertItem(c, item("BED", "Bed", 40000));
        store::upsertItem(c, item("FRAME", "Walking frame", 2000));
        store::upsertItem(c, item("FRAME-W", "Wheeled frame", 1700));
        store::upsertItem(c, item("HOIST", "Ceiling hoist", 1114814));
        store::addEquivalents(c, "FRAME", "FRAME-W");
        const auto west = store::findPostcode(c, "ME20 7AD");
        const auto east = store::findPostcode(c, "TN24 0AA");
        const DepotId wkd =
            store::createDepot(c, {DepotId(), "WKD", "West", west->postcode, west->lat, west->lon});
        const DepotId ekd =
            store::createDepot(c, {DepotId(), "EKD", "East", east->postcode, east->lat, east->lon});
        store::assignDistrictToDepot(c, "Maidstone", wkd);
        store::assignDistrictToDepot(c, "Thanet", ekd);
        for (const char* code : {"BED", "FRAME", "FRAME-W", "HOIST"}) {
            store::setStock(c, wkd, code, 10, 2);
            store::setStock(c, ekd, code, 10, 2);
        }
        NewResident r{"9434765919", "Ada Lovelace", "1940-02-03",   "1 High St",
                      "Maidstone",  "ME14 1AD",     "01622 000000", "Key safe"};
        resident = store::registerResident(c, r, prescriber, now).id;
    });
}

SmallCounty::~SmallCounty() {
    db.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
}

}  // namespace ces::test
