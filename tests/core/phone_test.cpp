#include "core/phone.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using ces::normaliseUkPhone;

TEST_CASE("UK phone numbers are accepted, trimmed, with single spaces") {
    CHECK(normaliseUkPhone("01622 123456") == "01622 123456");
    CHECK(normaliseUkPhone("  07700   900123 ") == "07700 900123");
    CHECK(normaliseUkPhone("\t07700900123") == "07700900123");
    CHECK(normaliseUkPhone("+44 7700 900123") == "+44 7700 900123");
    CHECK(normaliseUkPhone("+447700900123") == "+447700900123");
    CHECK(normaliseUkPhone("016977 4567") == "016977 4567");  // 10 digits: a few areas
    CHECK(normaliseUkPhone("0800 123 456") == "0800 123 456");
}

TEST_CASE("anything but a UK number's digits, spaces and +44 is refused") {
    for (const char* bad :
         {"", "   ", "phone me", "01622-123456", "(01622) 123456", "01622 123456 ext 2",
          "+1 212 555 0100", "+44 07700 900123", "44 7700 900123", "1622 123456", "016221234",
          "016221234567", "+44 7700 9001", "+44 7700 90012345", "07700 900123; DROP TABLE",
          "<script>alert(1)</script>", "０７７００ ９００１２３", "+", "0"}) {
        const std::string text = bad;
        CAPTURE(text);
        CHECK(normaliseUkPhone(text) == std::nullopt);
    }
}

TEST_CASE("a number longer than 20 characters as typed is refused, not cut") {
    CHECK(normaliseUkPhone("0 1 6 2 2 1 2 3 4 5") == "0 1 6 2 2 1 2 3 4 5");  // 19 characters
    CHECK(normaliseUkPhone(" 0 1 6 2 2 1 2 3 4 5 ") == "0 1 6 2 2 1 2 3 4 5");
    CHECK(normaliseUkPhone("0 7 7 0 0 9 0 0 1 2 3") == std::nullopt);  // 21 characters
    CHECK(normaliseUkPhone("07700  900  123  4567") == std::nullopt);
}
