// Code 128 set B against the standard's table, worked out by hand: a label that scans wrong
// sends a hoist to the wrong home.
#include "web/pages/code128.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace ces::web;

TEST_CASE("the checksum is the start value plus each value times its position, mod 103") {
    // "AB": start B 104, A = 33, B = 34; 104 + 1*33 + 2*34 = 205 = 103 + 102.
    CHECK(code128Symbols("AB") == std::vector<int>{104, 33, 34, 102, 106});
    // "CES-000001": C 35, E 37, S 51, - 13, 0 16 (five times), 1 17; the weighted sum is 1148,
    // 11 * 103 = 1133, so the checksum is 15.
    const auto symbols = code128Symbols("CES-000001");
    REQUIRE(symbols.size() == 13);
    CHECK(symbols[11] == 15);
    CHECK(code128Checksum({104, 35, 37, 51, 13, 16, 16, 16, 16, 16, 17}) == 15);
}

TEST_CASE("a string's modules are start B, its characters, the checksum and the stop") {
    // Start B 211214, A 111323, B 131123, checksum 102 411131, stop 2331112.
    CHECK(code128Widths("AB") ==
          "211214"
          "111323"
          "131123"
          "411131"
          "2331112");
    // "CES-000001" from the table: C (35) 131321, E (37) 132113, S (51)
    // 213113, - (13) 122132, 0 (16) 123122, 1 (17) 123221, checksum 15 113222.
    CHECK(code128Widths("CES-000001") ==
          "211214"
          "131321"
          "132113"
          "213113"
          "122132"
          "123122"
          "123122"
          "123122"
          "123122"
          "123122"
          "123221"
          "113222"
          "2331112");
    // Every symbol is 11 modules and the stop 13: 11 * 12 + 13.
    int modules = 0;
    for (const char w : code128Widths("CES-000001")) modules += w - '0';
    CHECK(modules == 11 * 12 + 13);
}

TEST_CASE("the SVG draws one rect per bar inside 10-module quiet zones") {
    const std::string svg = code128Svg("AB", 30);
    // Start, two characters and the checksum have 3 bars each, the stop 4: 16 bars and the
    // white background. Width: 11 * 4 + 13 modules + 2 * 10.
    std::size_t rects = 0;
    for (auto at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1))
        ++rects;
    CHECK(rects == 16 + 1);
    CHECK(svg.find("viewBox=\"0 0 77 30\"") != std::string::npos);
    CHECK(svg.find("<rect x=\"10\" y=\"0\" width=\"2\" height=\"30\"/>") != std::string::npos);
    CHECK(svg.find("aria-label=\"Barcode AB\"") != std::string::npos);
    CHECK(code128Svg("<&>").find("aria-label=\"Barcode &lt;&amp;&gt;\"") != std::string::npos);
}

TEST_CASE("characters outside code set B are refused") {
    CHECK_THROWS_AS(code128Symbols(""), std::invalid_argument);
    CHECK_THROWS_AS(code128Symbols("caf\xc3\xa9"), std::invalid_argument);
    CHECK_THROWS_AS(code128Symbols("tab\there"), std::invalid_argument);
}
