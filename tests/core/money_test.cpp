#include "core/money.h"

#include <doctest/doctest.h>

#include <limits>

#include "core/errors.h"

using ces::formatPounds;
using ces::parsePoundsToPence;

TEST_CASE("parsePoundsToPence reads whole pounds, one and two decimal places") {
    CHECK(parsePoundsToPence("5453.25", "price") == 545325);
    CHECK(parsePoundsToPence("20.0", "price") == 2000);
    CHECK(parsePoundsToPence("20.5", "price") == 2050);
    CHECK(parsePoundsToPence("400", "price") == 40000);
    CHECK(parsePoundsToPence("0.07", "price") == 7);
    CHECK(parsePoundsToPence("0", "price") == 0);
    CHECK(parsePoundsToPence("007.10", "price") == 710);
    CHECK(parsePoundsToPence(" 12.34 ", "price") == 1234);
}

TEST_CASE("parsePoundsToPence refuses negatives, garbage and extra decimals, naming the field") {
    for (const char* bad : {"-1", "-0.01", "+5", "", " ", "abc", "12a", "1.2.3", "1.234", "1.",
                            ".5", "£5", "1,234.00", "1 000", "1e3", "0x10", "12.3 4"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parsePoundsToPence(bad, "lines[0].price"), ces::ValidationError);
    }
    try {
        parsePoundsToPence("1.234", "lines[0].price");
        FAIL("expected ValidationError");
    } catch (const ces::ValidationError& error) {
        CHECK(error.field() == "lines[0].price");
        CHECK(std::string(error.what()).find("1.234") != std::string::npos);
    }
}

TEST_CASE("parsePoundsToPence refuses amounts that would overflow pence") {
    CHECK_THROWS_AS(parsePoundsToPence("99999999999999999999", "price"), ces::ValidationError);
    CHECK(parsePoundsToPence("1000000000000", "price") == 100000000000000);
}

TEST_CASE("formatPounds groups thousands and always shows pence") {
    CHECK(formatPounds(123456) == "£1,234.56");
    CHECK(formatPounds(0) == "£0.00");
    CHECK(formatPounds(5) == "£0.05");
    CHECK(formatPounds(2000) == "£20.00");
    CHECK(formatPounds(99999) == "£999.99");
    CHECK(formatPounds(100000) == "£1,000.00");
    CHECK(formatPounds(545325) == "£5,453.25");
    CHECK(formatPounds(123456789012) == "£1,234,567,890.12");
    CHECK(formatPounds(-123456) == "-£1,234.56");
    CHECK(formatPounds(std::numeric_limits<ces::Pence>::min()) == "-£92,233,720,368,547,758.08");
}

TEST_CASE("formatPounds and parsePoundsToPence round-trip") {
    for (ces::Pence pence : {0LL, 1LL, 99LL, 100LL, 545325LL, 1000000LL}) {
        std::string text = formatPounds(pence).substr(2);  // drop "£" (two bytes in UTF-8)
        std::erase(text, ',');
        CHECK(parsePoundsToPence(text, "amount") == pence);
    }
}
