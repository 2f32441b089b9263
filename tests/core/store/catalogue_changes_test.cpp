#include "core/store/catalogue/catalogue_changes.h"

#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/store/catalogue/catalogue.h"
#include "tests/core/store/fixture.h"

using namespace ces;

namespace {

CatalogueItem stool() {
    CatalogueItem item;
    item.code = "STOOL";
    item.name = "Perching stool";
    item.category = "Kitchen";
    item.pricePence = 4500;
    return item;
}

template <typename Work>
void change(test::SmallCounty& county, Work work) {
    county.db->write([&](store::Connection& c) {
        work(c, store::CatalogueChange{county.warehouse.id, county.now});
        return 0;
    });
}

std::vector<std::string> equivalents(test::SmallCounty& county, const std::string& code) {
    return county.db->read([&](store::Connection& c) { return store::equivalentsOf(c, code); });
}

}  // namespace

TEST_CASE("catalogue changes - an item is added once and refused by the import's rules") {
    test::SmallCounty county;
    change(county, [](auto& c, const auto& by) { store::addItem(c, stool(), by); });
    CHECK_THROWS_AS(change(county, [](auto& c, const auto& by) { store::addItem(c, stool(), by); }),
                    Conflict);
    CHECK(county.db->read([](store::Connection& c) {
        return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.item.add'")
            .integer(0, 0);
    }) == 1);
    auto bad = stool();
    bad.code = "BAD";
    bad.pricePence = -1;
    try {
        change(county, [&](auto& c, const auto& by) { store::addItem(c, bad, by); });
        FAIL("a negative price was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "price_pence");
    }
    bad = stool();
    bad.code = "A B";
    try {
        change(county, [&](auto& c, const auto& by) { store::addItem(c, bad, by); });
        FAIL("a code with a space was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "code");
    }
}

TEST_CASE("catalogue changes - a change to an unknown item is NotFound - retiring keeps the rest") {
    test::SmallCounty county;
    auto frame = county.db->read([](auto& c) { return store::findItem(c, "FRAME"); });
    REQUIRE(frame);
    frame->retired = true;
    change(county, [&](auto& c, const auto& by) { store::changeItem(c, *frame, by); });
    const auto retired = county.db->read([](auto& c) { return store::findItem(c, "FRAME"); });
    CHECK(retired->retired);
    CHECK(retired->name == frame->name);
    auto unknown = stool();
    unknown.code = "NOPE";
    CHECK_THROWS_AS(
        change(county, [&](auto& c, const auto& by) { store::changeItem(c, unknown, by); }),
        NotFound);
}

TEST_CASE("catalogue changes - equivalents are replaced both ways round, unknown codes refused") {
    test::SmallCounty county;
    CHECK(equivalents(county, "FRAME") == std::vector<std::string>{"FRAME-W"});
    change(county, [](auto& c, const auto& by) {
        store::replaceEquivalents(c, "FRAME", {"BED", "HOIST"}, by);
    });
    CHECK(equivalents(county, "FRAME") == std::vector<std::string>{"BED", "HOIST"});
    CHECK(equivalents(county, "BED") == std::vector<std::string>{"FRAME"});
    CHECK(equivalents(county, "FRAME-W").empty());
    for (const std::vector<std::string>& refused :
         {std::vector<std::string>{"BED", "NOPE"}, std::vector<std::string>{"BED", "FRAME"},
          std::vector<std::string>{"BED", "BED"}}) {
        try {
            change(county, [&](auto& c, const auto& by) {
                store::replaceEquivalents(c, "FRAME", refused, by);
            });
            FAIL("refused equivalents were accepted");
        } catch (const ValidationError& e) {
            CHECK(e.field() == "codes[1]");
        }
    }
    CHECK_THROWS_AS(
        change(county,
               [](auto& c, const auto& by) { store::replaceEquivalents(c, "NOPE", {}, by); }),
        NotFound);
    CHECK(equivalents(county, "FRAME") == std::vector<std::string>{"BED", "HOIST"});
}
