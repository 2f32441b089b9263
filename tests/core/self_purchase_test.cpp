// Self-purchase rules: a retail alternative is all four facts or none, a clinical reason comes
// with "not appropriate", and the share is self-purchases among every offer.
#include "core/self_purchase.h"

#include <doctest/doctest.h>

#include "core/errors.h"

using namespace ces;

namespace {

std::string refused(std::string_view product, std::string_view price, std::string_view where,
                    std::string_view note) {
    try {
        retailAlternativeFrom(product, price, where, note);
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("a retail alternative is all four facts or none") {
    CHECK_FALSE(retailAlternativeFrom("", "", " ", "").has_value());
    const auto seat =
        retailAlternativeFrom("Raised seat", "19.99", "Pharmacies", "Check the height");
    REQUIRE(seat);
    CHECK(seat->typicalPricePence == 1999);
    CHECK(refused("", "19.99", "Pharmacies", "x") == "retail_product");
    CHECK(refused("Seat", "", "Pharmacies", "x") == "retail_price_gbp");
    CHECK(refused("Seat", "0", "Pharmacies", "x") == "retail_price_gbp");
    CHECK(refused("Seat", "10000.01", "Pharmacies", "x") == "retail_price_gbp");
    CHECK(refused("Seat", "cheap", "Pharmacies", "x") == "retail_price_gbp");
    CHECK(refused("Seat", "20", "", "x") == "retail_where");
    CHECK(refused("Seat", "20", "Shops", "") == "retail_note");
    CHECK(refused(std::string(201, 'x'), "20", "Shops", "x") == "retail_product");
}

TEST_CASE("not appropriate needs the clinical reason") {
    CHECK_NOTHROW(checkSelfPurchaseReason(SelfPurchaseOutcome::self_purchase, "", "c[0]"));
    CHECK_NOTHROW(checkSelfPurchaseReason(SelfPurchaseOutcome::declined, "", "c[0]"));
    try {
        checkSelfPurchaseReason(SelfPurchaseOutcome::not_appropriate, " ", "choices[2]");
        FAIL("a blank reason was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "choices[2].reason");
    }
    CHECK_NOTHROW(
        checkSelfPurchaseReason(SelfPurchaseOutcome::not_appropriate, "cognitive risk", "c[0]"));
    CHECK_THROWS_AS(
        checkSelfPurchaseReason(SelfPurchaseOutcome::declined, std::string(501, 'x'), "c[0]"),
        ValidationError);
    for (const auto outcome : {SelfPurchaseOutcome::self_purchase, SelfPurchaseOutcome::declined,
                               SelfPurchaseOutcome::not_appropriate}) {
        CHECK((parseSelfPurchaseOutcome(toString(outcome)) == outcome));
    }
    CHECK_FALSE(parseSelfPurchaseOutcome("maybe").has_value());
}

TEST_CASE("the share is self-purchases among every offer") {
    SelfPurchaseTally none;
    CHECK_FALSE(none.sharePercent().has_value());
    const SelfPurchaseTally tally{3, 6, 3, 4500};
    CHECK(tally.offered() == 12);
    CHECK(*tally.sharePercent() == doctest::Approx(25.0));
}
