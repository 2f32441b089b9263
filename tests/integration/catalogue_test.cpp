// The catalogue: search, category filter, live availability and close technical equivalents.
#include <doctest/doctest.h>

#include <algorithm>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

std::vector<Poco::JSON::Object::Ptr> catalogue(HttpClient& client, const std::string& query) {
    const Response response = client.get("/api/v1/catalogue" + query);
    INFO(response.describe());
    REQUIRE(response.status == 200);
    return objectsIn(response.object(), "items");
}

Poco::JSON::Object::Ptr itemWithCode(const std::vector<Poco::JSON::Object::Ptr>& items,
                                     const std::string& code) {
    for (const auto& item : items) {
        if (item->getValue<std::string>("code") == code) return item;
    }
    return nullptr;
}

std::vector<std::string> equivalentsOf(const Poco::JSON::Object::Ptr& item) {
    std::vector<std::string> codes;
    const auto array = item->getArray("equivalents");
    for (std::size_t i = 0; array && i < array->size(); ++i) {
        codes.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
    }
    return codes;
}

long availableEverywhere(HttpClient& warehouse, const std::string& item_code) {
    long total = 0;
    for (const auto& [depot, items] : readStock(warehouse)) {
        const auto found = items.find(item_code);
        if (found != items.end()) total += found->second.available;
    }
    return total;
}

}  // namespace

TEST_CASE("searching the catalogue finds items with prices in pence and their equivalents") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    const auto found = catalogue(prescriber, "?q=walking%20frame");
    const auto frame = itemWithCode(found, "KCE-MOB-001");
    REQUIRE(frame);
    CHECK(frame->getValue<std::string>("category") == "Mobility");
    CHECK(frame->getValue<long>("price_pence") == 2000);
    CHECK(frame->getValue<bool>("serialised") == false);
    const auto equivalents = equivalentsOf(frame);
    CHECK(std::count(equivalents.begin(), equivalents.end(), "KCE-MOB-002") == 1);
    CHECK(std::count(equivalents.begin(), equivalents.end(), "KCE-MOB-003") == 1);
    CHECK_FALSE(itemWithCode(found, "KCE-BED-001"));

    const auto hoists = catalogue(prescriber, "?q=ceiling%20tracking%20hoist");
    const auto hoist = itemWithCode(hoists, "KCE-HST-005");
    REQUIRE(hoist);
    CHECK(hoist->getValue<long>("price_pence") == 1114814);
    CHECK(hoist->getValue<bool>("serialised") == true);
}

TEST_CASE("the category filter and in_stock follow the stock levels") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient warehouse = county.signIn("warehouse");

    const auto mobility = catalogue(prescriber, "?category=Mobility");
    REQUIRE(!mobility.empty());
    for (const auto& item : mobility) CHECK(item->getValue<std::string>("category") == "Mobility");
    REQUIRE(itemWithCode(mobility, "KCE-MOB-002"));
    CHECK(itemWithCode(mobility, "KCE-MOB-002")->getValue<long>("available") ==
          availableEverywhere(warehouse, "KCE-MOB-002"));

    for (const auto& [depot, items] : readStock(warehouse)) {
        setAvailable(warehouse, depot, "KCE-MOB-001", 0);
    }
    const auto in_stock = catalogue(prescriber, "?category=Mobility&in_stock=true");
    CHECK_FALSE(itemWithCode(in_stock, "KCE-MOB-001"));
    for (const auto& item : in_stock) CHECK(item->getValue<long>("available") > 0);
    const auto all = catalogue(prescriber, "?category=Mobility");
    REQUIRE(itemWithCode(all, "KCE-MOB-001"));
    CHECK(itemWithCode(all, "KCE-MOB-001")->getValue<long>("available") == 0);

    adjustStock(warehouse, "EKD", "KCE-MOB-001", 3);
    const auto restocked = catalogue(prescriber, "?category=Mobility&in_stock=true");
    REQUIRE(itemWithCode(restocked, "KCE-MOB-001"));
    CHECK(itemWithCode(restocked, "KCE-MOB-001")->getValue<long>("available") == 3);
}
