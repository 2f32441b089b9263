// Ids and counts from the path, query and form: only plain decimals pass.
#include "web/http/request_numbers.h"

#include <doctest/doctest.h>

#include <limits>

#include "core/errors.h"

using namespace ces;
using namespace ces::web;

TEST_CASE("plainDecimal - digits only, and within int64") {
    CHECK(plainDecimal("0") == 0);
    CHECK(plainDecimal("12") == 12);
    CHECK(plainDecimal("007") == 7);
    CHECK(plainDecimal("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
    for (const char* text : {"", "12abc", "-1", "+1", " 1", "1 ", "1e3", "1.0", "0x10",
                             "9223372036854775808", "99999999999999999999"}) {
        CAPTURE(text);
        CHECK_FALSE(plainDecimal(text).has_value());
    }
}

TEST_CASE("parsePathId - a plain positive decimal, NotFound (404) for anything else") {
    CHECK(parsePathId("12", "no such visit") == 12);
    CHECK(parsePathId("9223372036854775807", "no such visit") ==
          std::numeric_limits<std::int64_t>::max());
    for (const char* text : {"12abc", "-1", "0", "", "1e3", "99999999999999999999", "%31"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH_AS(parsePathId(text, "no such visit"), "no such visit", NotFound);
    }
}

TEST_CASE(
    "parseFieldNumber - a whole number in range, otherwise a ValidationError naming the field") {
    CHECK(parseFieldNumber("within_days", "30", 0, 366, "days") == 30);
    CHECK(parseFieldNumber("within_days", "0", 0, 366, "days") == 0);
    for (const char* text : {"367", "-1", "3x", "", "1e2", "99999999999999999999"}) {
        CAPTURE(text);
        try {
            parseFieldNumber("within_days", text, 0, 366, "from 0 to 366 days");
            FAIL("expected a ValidationError");
        } catch (const ValidationError& e) {
            CHECK(e.field() == "within_days");
            CHECK(std::string(e.what()) == "from 0 to 366 days");
        }
    }
}
