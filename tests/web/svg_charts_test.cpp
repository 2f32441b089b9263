// The dashboard's chart geometry (web/pages/svg_charts): values must land where the axis says.
#include "web/pages/svg_charts.h"

#include <doctest/doctest.h>

using namespace ces::web;

TEST_CASE("niceCeiling rounds up to 1, 2, 2.5 or 5 times a power of ten") {
    CHECK(niceCeiling(0) == doctest::Approx(1));
    CHECK(niceCeiling(-3) == doctest::Approx(1));
    CHECK(niceCeiling(1) == doctest::Approx(1));
    CHECK(niceCeiling(1.2) == doctest::Approx(2));
    CHECK(niceCeiling(2.1) == doctest::Approx(2.5));
    CHECK(niceCeiling(73) == doctest::Approx(100));
    CHECK(niceCeiling(42) == doctest::Approx(50));
    CHECK(niceCeiling(0.03) == doctest::Approx(0.05));
    CHECK(niceCeiling(100) == doctest::Approx(100));
}

TEST_CASE("scaleToAxis maps the range onto the length and clamps outside it") {
    CHECK(scaleToAxis(0, 0, 100, 400) == doctest::Approx(0));
    CHECK(scaleToAxis(25, 0, 100, 400) == doctest::Approx(100));
    CHECK(scaleToAxis(100, 0, 100, 400) == doctest::Approx(400));
    CHECK(scaleToAxis(150, 0, 100, 400) == doctest::Approx(400));
    CHECK(scaleToAxis(-10, 0, 100, 400) == doctest::Approx(0));
    CHECK(scaleToAxis(0, -50, 50, 200) == doctest::Approx(100));
    CHECK(scaleToAxis(5, 3, 3, 200) == doctest::Approx(0));
}

TEST_CASE("horizontal bars are as long as their values on a round-numbered axis") {
    ChartData data{{"Next day", "5 days"}, {{"On time", "#1d70b8", {80, 40}}}, "%"};
    const ChartLayout chart = horizontalBarChart(data);
    REQUIRE(chart.bars.size() == 2);
    // The axis runs 0 to 100, so 80 is twice as long as 40 and both start at the zero line.
    CHECK(chart.bars[0].width == doctest::Approx(2 * chart.bars[1].width));
    CHECK(chart.bars[0].x == doctest::Approx(chart.axisX1));
    CHECK(chart.bars[0].valueText == "80%");
    REQUIRE(chart.ticks.size() == 6);  // 0, 20, ... 100.
    CHECK(chart.ticks[1].text == "20%");
    CHECK(chart.ticks.back().text == "100%");
    CHECK(chart.bars[0].x + chart.bars[0].width ==
          doctest::Approx(chart.ticks[0].x1 + 0.8 * (chart.ticks.back().x1 - chart.ticks[0].x1)));
    CHECK(chart.bars[1].y > chart.bars[0].y);
    CHECK(chart.bars[0].x + chart.bars[0].width <= chart.width);
    CHECK(chart.labels[0].text == "Next day");
}

TEST_CASE("columns stand on the zero line and negative ones hang below it") {
    ChartData data{{"2026-04", "2026-05", "2026-06"}, {{"Net", "#d4351c", {10, -5, 20}}}, ""};
    const ChartLayout chart = columnChart(data);
    REQUIRE(chart.bars.size() == 3);
    const double zero = chart.axisY1;
    CHECK(chart.bars[0].y + chart.bars[0].height == doctest::Approx(zero));
    CHECK(chart.bars[1].y == doctest::Approx(zero));
    CHECK(chart.bars[2].height == doctest::Approx(2 * chart.bars[0].height));
    CHECK(chart.bars[2].height > chart.bars[1].height);
    CHECK(chart.bars[0].x < chart.bars[1].x);
    for (const auto& bar : chart.bars) {
        CHECK(bar.y >= 0);
        CHECK(bar.y + bar.height <= chart.height);
    }
    REQUIRE(chart.ticks.size() == 6);  // -5 to 20 in fives.
    CHECK(chart.ticks.front().text == "-5");
    CHECK(chart.ticks[1].text == "0");
    CHECK(chart.ticks.back().text == "20");
}

TEST_CASE("several series sit side by side within a category") {
    ChartData data{{"KCC"}, {{"Issues", "#1d70b8", {100}}, {"Credits", "#00703c", {50}}}, ""};
    const ChartLayout chart = horizontalBarChart(data);
    REQUIRE(chart.bars.size() == 2);
    CHECK(chart.bars[1].y > chart.bars[0].y);
    CHECK(chart.bars[1].width == doctest::Approx(chart.bars[0].width / 2));
    CHECK(chart.bars[1].colour == "#00703c");
    CHECK(chartNumber(12.34, " kg") == "12.3 kg");
    CHECK(chartNumber(12.0, "") == "12");
}
