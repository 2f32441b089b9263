// Credits for counted items (domain.md's credit model): units of a credit-eligible item tracked
// by count that pass inspection back into stock credit the funder of the order they were lent
// on, quantity x 85% x catalogue price, one ledger row per settled return.
#include <doctest/doctest.h>

#include "core/store/catalogue/catalogue.h"
#include "core/store/ledger/ledger.h"
#include "core/store/warehouse/stock.h"
#include "tests/warehouse/fixture.h"
#include "warehouse/recycling.h"

using namespace ces;
using namespace ces::warehouse;

namespace {

struct CountedCounty : test::WarehouseCounty {
    // One counted item per category of the demo catalogue that has credit-eligible counted
    // items, plus one that earns nothing.
    CountedCounty() {
        db->write([&](store::Connection& c) {
            for (const auto& [code, category] : kItems) add(c, code, category, true);
            add(c, "SOCK", "Dressing", false);
        });
    }

    void add(store::Connection& c, const std::string& code, const std::string& category,
             bool creditEligible) {
        CatalogueItem item;
        item.code = code;
        item.name = code;
        item.category = category;
        item.pricePence = 4000;
        item.creditEligible = creditEligible;
        item.inspectionRegime = "none";
        store::upsertItem(c, item);
        store::setStock(c, west, code, 20, 2);
    }

    // Returns `quantity` units of an order's item to WKD and walks them to awaiting inspection.
    void bringBack(const std::string& order, const std::string& item, std::int64_t quantity) {
        db->write([&](store::Connection& c) {
            returnCountedItems(c, order, item, quantity, "WKD", "good", warehouse, now);
            processCountedItems(c, "WKD", item, quantity, AssetStep::finish_decontamination, "",
                                warehouse, now);
        });
    }

    void inspect(const std::string& item, std::int64_t quantity, AssetStep result,
                 const std::string& notes = "") {
        db->write([&](store::Connection& c) {
            processCountedItems(c, "WKD", item, quantity, result, notes, warehouse, now);
        });
    }

    std::vector<store::LedgerEntry> credits() {
        std::vector<store::LedgerEntry> found;
        for (const auto& e :
             db->read([](store::Connection& c) { return store::ledgerEntries(c, {}); })) {
            if (e.kind == LedgerKind::credit) found.push_back(e);
        }
        return found;
    }

    static inline const std::vector<std::pair<std::string, std::string>> kItems = {
        {"BATHBOARD", "Bathing"},
        {"BEDRAIL", "Beds"},
        {"TROLLEY", "Kitchen"},
        {"ZIMMER", "Mobility"},
        {"SPARES", "Moving & handling spares"},
        {"CUSHION", "Pressure care"},
        {"COMMODE", "Toileting"}};
};

}  // namespace

TEST_CASE("counted units passing inspection credit their funder, in every category") {
    CountedCounty county;
    for (const auto& [code, category] : CountedCounty::kItems) {
        CAPTURE(category);
        const std::string order = county.deliver({{code, 3}});
        county.bringBack(order, code, 3);
        county.inspect(code, 3, AssetStep::pass_inspection);
        const auto credits = county.credits();
        REQUIRE_FALSE(credits.empty());
        const auto& credit = credits.back();
        CHECK(credit.itemCode == code);
        CHECK(credit.category == category);
        CHECK(credit.orderReference == order);
        CHECK(credit.funderCode == "KCC");
        CHECK(credit.quantity == 3);
        CHECK(credit.rate == 8500);
        CHECK(credit.amount == -3 * 3400);
        CHECK_FALSE(credit.assetId.has_value());
        CHECK(credit.note.find("condition: good") != std::string::npos);
    }
    CHECK(county.credits().size() == CountedCounty::kItems.size());
}

TEST_CASE("counted units that are not credit-eligible, scrapped or awaiting repair earn nothing") {
    CountedCounty county;
    const std::string socks = county.deliver({{"SOCK", 2}});
    county.bringBack(socks, "SOCK", 2);
    county.inspect("SOCK", 2, AssetStep::pass_inspection);
    CHECK(county.credits().empty());

    const std::string frames = county.deliver({{"ZIMMER", 4}});
    county.bringBack(frames, "ZIMMER", 4);
    county.inspect("ZIMMER", 1, AssetStep::scrap, "cracked leg");
    county.inspect("ZIMMER", 1, AssetStep::fail_inspection, "loose ferrule");
    CHECK(county.credits().empty());
    county.inspect("ZIMMER", 2, AssetStep::pass_inspection);
    REQUIRE(county.credits().size() == 1);
    CHECK(county.credits()[0].quantity == 2);
    // The repaired unit passes later and is credited then: the return's last unit.
    county.inspect("ZIMMER", 1, AssetStep::finish_repair);
    county.inspect("ZIMMER", 1, AssetStep::pass_inspection);
    REQUIRE(county.credits().size() == 2);
    CHECK(county.credits()[1].quantity == 1);
    CHECK(county.credits()[1].orderReference == frames);
}

TEST_CASE("units passing inspection settle the oldest returns first, one row per return") {
    CountedCounty county;
    const std::string first = county.deliver({{"COMMODE", 2}});
    const std::string second = county.deliver({{"COMMODE", 2}});
    county.bringBack(first, "COMMODE", 2);
    county.bringBack(second, "COMMODE", 2);
    county.inspect("COMMODE", 3, AssetStep::pass_inspection);
    const auto credits = county.credits();
    REQUIRE(credits.size() == 2);
    CHECK(credits[0].orderReference == first);
    CHECK(credits[0].quantity == 2);
    CHECK(credits[1].orderReference == second);
    CHECK(credits[1].quantity == 1);
}
