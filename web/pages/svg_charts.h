#pragma once
// The geometry of the dashboard's server-side SVG charts: values scaled into a fixed viewBox,
// bars or columns per series, axis ticks at round numbers. No markup here: the dashboard
// template draws the shapes from these numbers (the CSP forbids inline style, so colours are
// presentation attributes the template writes out).
#include <string>
#include <vector>

namespace ces::web {

/// One series of values, one per category, drawn in one colour.
struct ChartSeries {
    std::string name;
    std::string colour;  ///< e.g. "#1d70b8"; every colour used is >= 3:1 against white.
    std::vector<double> values;
};

/// A chart's data: category labels and one or more series of the same length.
struct ChartData {
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::string unit;  ///< Appended to value labels ("%", " kg"); "" for plain numbers.
};

/// One drawn bar or column, in viewBox units, with its value's label.
struct ChartBar {
    double x = 0, y = 0, width = 0, height = 0;
    std::string colour;
    std::string valueText;
    double textX = 0, textY = 0;
};

/// A category's label position.
struct ChartLabel {
    std::string text;
    double x = 0, y = 0;
};

/// A gridline of the value axis at a round number.
struct ChartTick {
    std::string text;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  ///< The gridline.
    double textX = 0, textY = 0;
};

/// Everything the template needs to draw a chart.
struct ChartLayout {
    double width = 0, height = 0;  ///< The viewBox.
    std::vector<ChartBar> bars;
    std::vector<ChartLabel> labels;
    std::vector<ChartTick> ticks;
    double axisX1 = 0, axisY1 = 0, axisX2 = 0, axisY2 = 0;  ///< The zero line.
};

/// The smallest of 1, 2, 2.5, 5 x 10^n at or above `value` (the axis end); 1 for 0 or less.
double niceCeiling(double value);

/// Where `value` falls on an axis running from `low` to `high` drawn over `length` units
/// (0 at low). Values outside the range are clamped to it.
double scaleToAxis(double value, double low, double high, double length);

/// A value as a chart label: whole numbers without decimals, others to one decimal, then unit.
std::string chartNumber(double value, const std::string& unit);

/// Horizontal bars: categories down the left, values along the bottom (one row of bars per
/// category, series side by side). Negative values grow left of the zero line.
ChartLayout horizontalBarChart(const ChartData& data);

/// Columns: categories (e.g. months) along the bottom, values up the side.
ChartLayout columnChart(const ChartData& data);

}  // namespace ces::web
