#include "core/nhs_number.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "core/errors.h"

using ces::isValidNhsNumber;
using ces::nhsCheckDigit;
using ces::normaliseNhsNumber;

TEST_CASE("known valid NHS numbers, bare and grouped") {
    for (const char* valid : {"9434765919", "943 476 5919", "943-476-5919", "4010232137",
                              "401 023 2137", " 401-023-2137 ", "9434765870"}) {
        CAPTURE(valid);
        CHECK(isValidNhsNumber(valid));
    }
    CHECK(normaliseNhsNumber("943 476 5919", "nhs_number") == "9434765919");
    CHECK(normaliseNhsNumber("401-023-2137", "nhs_number") == "4010232137");
    CHECK(normaliseNhsNumber("4010232137", "nhs_number") == "4010232137");
}

TEST_CASE("the check digit of nine digits, modulus 11") {
    CHECK(nhsCheckDigit("943476591") == 9);
    CHECK(nhsCheckDigit("401023213") == 7);
    CHECK(nhsCheckDigit("943476587") == 0);             // 11 - 0 = 11 means 0
    CHECK(nhsCheckDigit("100000001") == std::nullopt);  // 10: no valid number starts so
    CHECK_THROWS_AS(nhsCheckDigit("94347659"), std::invalid_argument);
    CHECK_THROWS_AS(nhsCheckDigit("9434765919"), std::invalid_argument);
    CHECK_THROWS_AS(nhsCheckDigit("94347659x"), std::invalid_argument);
}

TEST_CASE("invalid NHS numbers") {
    for (const char* invalid : {
             "9434765918",     // wrong check digit
             "4010232138",     // wrong check digit
             "1000000010",     // check digit would be 10: no valid number starts 100000001
             "1000000011",     //   ... whatever the last digit
             "943476591",      // 9 digits
             "94347659190",    // 11 digits
             "94347659AB",     // letters
             "943 476 591X",   // letter in the check digit
             "943 476-5919",   // mixed separators
             "9434 76 5919",   // wrong grouping
             "943  476 5919",  // doubled separator
             "943.476.5919",   // other separator
             "",               //
             "          ",     //
         }) {
        CAPTURE(invalid);
        CHECK_FALSE(isValidNhsNumber(invalid));
        CHECK_THROWS_AS(normaliseNhsNumber(invalid, "nhs_number"), ces::ValidationError);
    }
}

TEST_CASE("normaliseNhsNumber names the field and says what is wrong") {
    try {
        normaliseNhsNumber("943 476 591", "resident.nhs_number");
        FAIL("expected ValidationError");
    } catch (const ces::ValidationError& error) {
        CHECK(error.field() == "resident.nhs_number");
        CHECK(std::string(error.what()).find("10 digits") != std::string::npos);
    }
    try {
        normaliseNhsNumber("943 476 5918", "resident.nhs_number");
        FAIL("expected ValidationError");
    } catch (const ces::ValidationError& error) {
        CHECK(error.field() == "resident.nhs_number");
        CHECK(std::string(error.what()).find("check digit") != std::string::npos);
    }
}
