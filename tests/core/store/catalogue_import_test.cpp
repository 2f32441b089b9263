#include "core/store/catalogue/catalogue_import.h"

#include <doctest/doctest.h>

#include <sstream>

#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

const char* const kHeader =
    "item_code,name,category,sadl_or_cadl,unit_price_gbp,serialised,inspection_regime,notes\n";

store::CatalogueImportReport importText(test::SmallCounty& county, const std::string& text,
                                        bool dryRun) {
    return county.db->write([&](store::Connection& c) {
        std::istringstream in(text);
        return store::importCatalogue(c, in, dryRun, county.warehouse.id, county.now);
    });
}

std::optional<CatalogueItem> itemNamed(test::SmallCounty& county, const std::string& code) {
    return county.db->read([&](store::Connection& c) { return store::findItem(c, code); });
}

}  // namespace

TEST_CASE("catalogue import - creates new items, updates changed ones, counts unchanged") {
    test::SmallCounty county;
    const std::string file = std::string(kHeader) +
                             "NEW-001,\"Grab rail, 45cm\",Bathing,SADL,12.50,n,none,x\n"
                             "NEW-002,Hoist,Hoists,CADL,1200,y,LOLER,y\n";
    const auto dry = importText(county, file, true);
    CHECK(dry.created == 2);
    CHECK(dry.errors.empty());
    CHECK_FALSE(itemNamed(county, "NEW-001"));  // a dry run writes nothing

    const auto first = importText(county, file, false);
    CHECK(first.created == 2);
    const auto rail = itemNamed(county, "NEW-001");
    REQUIRE(rail);
    CHECK(rail->name == "Grab rail, 45cm");
    CHECK(rail->pricePence == 1250);
    CHECK_FALSE(rail->serialised);
    CHECK(itemNamed(county, "NEW-002")->serialised);

    const auto again = importText(county,
                                  std::string(kHeader) +
                                      "NEW-001,\"Grab rail, 45cm\",Bathing,,12.50,n,none,\n"
                                      "NEW-002,Ceiling hoist,Hoists,,1200,y,LOLER,\n",
                                  false);
    CHECK(again.unchanged == 1);
    CHECK(again.updated == 1);
    CHECK(itemNamed(county, "NEW-002")->name == "Ceiling hoist");
}

TEST_CASE("catalogue import - columns are found by name and the side files' columns are read") {
    test::SmallCounty county;
    const auto report = importText(
        county,
        "serialised,maintenance_regime,unit_price_gbp,two_person,name,item_code,category,retired\n"
        "y,loler,900,y,Bath lift,NEW-003,Bathing,n\n",
        false);
    REQUIRE(report.errors.empty());
    const auto item = itemNamed(county, "NEW-003");
    REQUIRE(item);
    CHECK(item->twoPerson);
    CHECK(std::string(toString(item->maintenance.regime)) == "loler");
    CHECK(std::string(toString(item->maintenance.skill)) == "lifting_engineer");
}

TEST_CASE("catalogue import - any bad row is reported with its line and field, nothing written") {
    test::SmallCounty county;
    const auto report = importText(county,
                                   std::string(kHeader) +
                                       "NEW-004,Good,Mobility,,10,n,,\n"
                                       "NEW-005,,Mobility,,10,n,,\n"
                                       "NEW-006,Frame,Mobility,,ten,n,,\n"
                                       "NEW-004,Again,Mobility,,10,maybe,,\n",
                                   false);
    REQUIRE(report.errors.size() == 3);
    CHECK(report.errors[0].line == 3);
    CHECK(report.errors[0].field == "name");
    CHECK(report.errors[1].line == 4);
    CHECK(report.errors[1].field == "unit_price_gbp");
    CHECK(report.errors[2].line == 5);
    CHECK(report.errors[2].field == "item_code");
    CHECK_FALSE(itemNamed(county, "NEW-004"));

    const auto missing = importText(county, "item_code,name\nA,B\n", false);
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].line == 2);
    CHECK(missing.errors[0].field == "category");
    const auto reserved =
        importText(county, std::string(kHeader) + "import,Frame,Mobility,,10,n,,\n", false);
    REQUIRE(reserved.errors.size() == 1);
    CHECK(reserved.errors[0].field == "item_code");
    CHECK(reserved.errors[0].message.find("a word the pages use") != std::string::npos);
    const auto noCode = importText(county, "code,name\nA,B\n", false);
    REQUIRE(noCode.errors.size() == 1);
    CHECK(noCode.errors[0].line == 1);
    CHECK(noCode.errors[0].field == "item_code");
}

TEST_CASE("catalogue import - a side file of a few columns updates the items it names") {
    test::SmallCounty county;
    REQUIRE(importText(county, std::string(kHeader) + "NEW-007,Bath lift,Bathing,,900,y,,\n", false)
                .errors.empty());
    const auto side = importText(county,
                                 "item_code,maintenance_regime\n"
                                 "NEW-007,loler\n",
                                 false);
    REQUIRE(side.errors.empty());
    CHECK(side.updated == 1);
    const auto item = itemNamed(county, "NEW-007");
    REQUIRE(item);
    CHECK(item->name == "Bath lift");
    CHECK(item->pricePence == 90000);
    CHECK(item->serialised);
    CHECK(std::string(toString(item->maintenance.regime)) == "loler");
}

TEST_CASE("catalogue import - a retired item is hidden from search but kept for the admin") {
    test::SmallCounty county;
    importText(county,
               "item_code,name,category,unit_price_gbp,serialised,retired\n"
               "OLD-001,Old frame,Mobility,10,n,y\n",
               false);
    const auto [prescribers, admins] = county.db->read([](store::Connection& c) {
        store::CatalogueQuery query;
        query.text = "old-001";
        auto hidden = store::searchCatalogue(c, query);
        query.includeRetired = true;
        return std::make_pair(hidden, store::searchCatalogue(c, query));
    });
    CHECK(prescribers.empty());
    REQUIRE(admins.size() == 1);
    CHECK(admins[0].item.retired);
}

TEST_CASE("catalogue import - retail alternatives come with the four retail columns") {
    test::SmallCounty county;
    const std::string header =
        "item_code,name,category,unit_price_gbp,serialised,retail_product,retail_price_gbp,"
        "retail_where,retail_note\n";
    const auto first = importText(
        county,
        header +
            "SEAT-1,Raised toilet seat,Toileting,15,n,\"Raised seat, 4 inch\",19.99,"
            "Pharmacies,Buy the height advised\nSEAT-2,Toilet frame,Toileting,25,n,,,,\n",
        false);
    CHECK(first.errors.empty());
    const auto alternative = county.db->read(
        [&](store::Connection& c) { return store::retailAlternative(c, "SEAT-1"); });
    REQUIRE(alternative);
    CHECK(alternative->product == "Raised seat, 4 inch");
    CHECK(alternative->typicalPricePence == 1999);
    CHECK_FALSE(county.db->read(
        [&](store::Connection& c) { return store::retailAlternative(c, "SEAT-2"); }));

    // Only the retail cells changed: the item is updated; empty cells remove the alternative.
    const auto sideFile = "item_code,retail_product,retail_price_gbp,retail_where,retail_note\n";
    CHECK(
        importText(county, std::string(sideFile) + "SEAT-1,Seat,21,Shops,Check it clamps\n", false)
            .updated == 1);
    CHECK(
        importText(county, std::string(sideFile) + "SEAT-1,Seat,21,Shops,Check it clamps\n", false)
            .unchanged == 1);
    CHECK(importText(county, std::string(sideFile) + "SEAT-1,,,,\n", false).updated == 1);
    CHECK_FALSE(county.db->read(
        [&](store::Connection& c) { return store::retailAlternative(c, "SEAT-1"); }));

    // A partial alternative, a bad price or a missing column is refused by name, nothing written.
    const auto partial =
        importText(county, std::string(sideFile) + "SEAT-1,Seat,,Shops,x\n", false);
    REQUIRE(partial.errors.size() == 1);
    CHECK(partial.errors[0].field == "retail_price_gbp");
    const auto price =
        importText(county, std::string(sideFile) + "SEAT-1,Seat,lots,Shops,x\n", false);
    REQUIRE(price.errors.size() == 1);
    CHECK(price.errors[0].field == "retail_price_gbp");
    const auto column = importText(county, "item_code,retail_product\nSEAT-1,Seat\n", false);
    REQUIRE(column.errors.size() == 1);
    CHECK(column.errors[0].field == "retail_price_gbp");
}
