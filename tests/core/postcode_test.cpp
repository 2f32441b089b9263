#include "core/postcode.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using ces::normalisePostcode;

TEST_CASE("normalisePostcode trims, upper-cases and puts one space before the inward code") {
    CHECK(normalisePostcode(" me14 1xx ") == "ME14 1XX");
    CHECK(normalisePostcode("ct11ab") == "CT1 1AB");
    CHECK(normalisePostcode("CT1 1AB") == "CT1 1AB");
    CHECK(normalisePostcode("c t 1 1 a b") == "CT1 1AB");
    CHECK(normalisePostcode("\tTN23  1AB\n") == "TN23 1AB");
}

TEST_CASE("every outward shape is accepted") {
    CHECK(normalisePostcode("m1 1aa") == "M1 1AA");      // A9
    CHECK(normalisePostcode("m60 1nw") == "M60 1NW");    // A99
    CHECK(normalisePostcode("cr2 6xh") == "CR2 6XH");    // AA9
    CHECK(normalisePostcode("dn55 1pt") == "DN55 1PT");  // AA99
    CHECK(normalisePostcode("w1a 1hq") == "W1A 1HQ");    // A9A
    CHECK(normalisePostcode("ec1a1bb") == "EC1A 1BB");   // AA9A
    CHECK(normalisePostcode("gir0aa") == "GIR 0AA");     // special
    CHECK(normalisePostcode(" GIR 0AA ") == "GIR 0AA");
}

TEST_CASE("anything not shaped like a UK postcode is refused") {
    for (const char* bad : {"",
                            "   ",
                            "ME14",
                            "1XX",
                            "ME141X",
                            "ME14 XX1",
                            "ME14 11X",
                            "ME145 1XX",
                            "ABC1 1AB",
                            "1E14 1XX",
                            "M 1AA",
                            "MEE 1AA",
                            "ME1AA 1XX",
                            "A1AA 1AA",
                            "GIR 0AB",
                            "ME14-1XX",
                            "ME14 1XX!",
                            "ME14 1XXX",
                            "ME14\xC2\xA0"
                            "1XX",
                            "12345"}) {
        CAPTURE(bad);
        CHECK(normalisePostcode(bad) == std::nullopt);
    }
}
