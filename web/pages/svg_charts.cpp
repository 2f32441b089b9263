#include "web/pages/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ces::web {

namespace {

constexpr double kWidth = 640;

struct Range {
    double low = 0;
    double high = 1;
};

// From 0 (or below, for negatives) to a round number at or above the largest value.
Range rangeOf(const ChartData& data) {
    double smallest = 0;
    double largest = 0;
    for (const auto& series : data.series) {
        for (double v : series.values) {
            if (!std::isfinite(v)) continue;
            smallest = std::min(smallest, v);
            largest = std::max(largest, v);
        }
    }
    Range range;
    range.high = largest > 0 ? niceCeiling(largest) : 0;
    range.low = smallest < 0 ? -niceCeiling(-smallest) : 0;
    if (range.high <= range.low) range.high = range.low + 1;
    return range;
}

double valueAt(const ChartSeries& series, std::size_t i) {
    return i < series.values.size() && std::isfinite(series.values[i]) ? series.values[i] : 0.0;
}

// Gridlines at round steps: a fifth of 1, 2.5, 5 or 10 x 10^n, a quarter of 2 x 10^n.
std::vector<double> tickValues(const Range& range) {
    const double span = std::max(range.high, -range.low);
    const double power = std::pow(10.0, std::floor(std::log10(span)));
    const double leading = span / power;
    const double step = std::abs(leading - 2) < 1e-9 ? span / 4 : power * leading / 5;
    std::vector<double> values;
    for (double v = std::ceil(range.low / step - 1e-9) * step; v <= range.high + step * 1e-9;
         v += step) {
        values.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return values;
}

std::string tickText(double value) {
    char buffer[32];
    if (std::abs(value - std::round(value)) < 1e-9) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.1f", value);
    }
    return buffer;
}

}  // namespace

double niceCeiling(double value) {
    if (!(value > 0) || !std::isfinite(value)) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * power >= value * (1 - 1e-12)) return step * power;
    }
    return 10 * power;
}

double scaleToAxis(double value, double low, double high, double length) {
    if (!(high > low)) return 0;
    const double clamped = std::clamp(value, low, high);
    return (clamped - low) / (high - low) * length;
}

std::string chartNumber(double value, const std::string& unit) {
    char buffer[48];
    if (std::abs(value - std::round(value)) < 0.05) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.1f", value);
    }
    return buffer + unit;
}

ChartLayout horizontalBarChart(const ChartData& data) {
    const double plotLeft = 210;
    const double plotWidth = kWidth - plotLeft - 70;  // Room for the last bar's value.
    const double top = 10;
    const double barHeight = 18;
    const std::size_t perRow = std::max<std::size_t>(1, data.series.size());
    const double rowHeight = static_cast<double>(perRow) * barHeight + 14;
    const double plotHeight = rowHeight * static_cast<double>(data.categories.size());
    const Range range = rangeOf(data);

    ChartLayout chart;
    chart.width = kWidth;
    chart.height = top + plotHeight + 30;
    const double zeroX = plotLeft + scaleToAxis(0, range.low, range.high, plotWidth);
    for (std::size_t row = 0; row < data.categories.size(); ++row) {
        const double rowTop = top + rowHeight * static_cast<double>(row);
        chart.labels.push_back({data.categories[row], plotLeft - 8, rowTop + rowHeight / 2 + 4});
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const double value = valueAt(data.series[s], row);
            const double end = plotLeft + scaleToAxis(value, range.low, range.high, plotWidth);
            ChartBar bar;
            bar.x = std::min(zeroX, end);
            bar.width = std::abs(end - zeroX);
            bar.y = rowTop + 7 + barHeight * static_cast<double>(s);
            bar.height = barHeight - 2;
            bar.colour = data.series[s].colour;
            bar.valueText = chartNumber(value, data.unit);
            bar.textX = std::max(zeroX, end) + 4;
            bar.textY = bar.y + barHeight / 2 + 2;
            chart.bars.push_back(bar);
        }
    }
    for (double value : tickValues(range)) {
        const double x = plotLeft + scaleToAxis(value, range.low, range.high, plotWidth);
        chart.ticks.push_back(
            {tickText(value) + data.unit, x, top, x, top + plotHeight, x, top + plotHeight + 18});
    }
    chart.axisX1 = zeroX;
    chart.axisY1 = top;
    chart.axisX2 = zeroX;
    chart.axisY2 = top + plotHeight;
    return chart;
}

ChartLayout columnChart(const ChartData& data) {
    const double plotLeft = 70;
    const double plotWidth = kWidth - plotLeft - 10;
    const double top = 20;
    const double plotHeight = 220;
    const std::size_t count = std::max<std::size_t>(1, data.categories.size());
    const std::size_t perGroup = std::max<std::size_t>(1, data.series.size());
    const double groupWidth = plotWidth / static_cast<double>(count);
    const double barWidth = groupWidth * 0.8 / static_cast<double>(perGroup);
    const Range range = rangeOf(data);
    const double bottom = top + plotHeight;

    ChartLayout chart;
    chart.width = kWidth;
    chart.height = bottom + 36;
    const double zeroY = bottom - scaleToAxis(0, range.low, range.high, plotHeight);
    for (std::size_t i = 0; i < data.categories.size(); ++i) {
        const double groupLeft = plotLeft + groupWidth * static_cast<double>(i);
        chart.labels.push_back({data.categories[i], groupLeft + groupWidth / 2, bottom + 20});
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const double value = valueAt(data.series[s], i);
            const double end = bottom - scaleToAxis(value, range.low, range.high, plotHeight);
            ChartBar bar;
            bar.x = groupLeft + groupWidth * 0.1 + barWidth * static_cast<double>(s);
            bar.width = barWidth;
            bar.y = std::min(zeroY, end);
            bar.height = std::abs(end - zeroY);
            bar.colour = data.series[s].colour;
            bar.valueText = chartNumber(value, data.unit);
            bar.textX = bar.x + barWidth / 2;
            bar.textY = bar.y - 4;
            chart.bars.push_back(bar);
        }
    }
    for (double value : tickValues(range)) {
        const double y = bottom - scaleToAxis(value, range.low, range.high, plotHeight);
        chart.ticks.push_back({tickText(value) + data.unit, plotLeft, y, plotLeft + plotWidth, y,
                               plotLeft - 6, y + 4});
    }
    chart.axisX1 = plotLeft;
    chart.axisY1 = zeroY;
    chart.axisX2 = plotLeft + plotWidth;
    chart.axisY2 = zeroY;
    return chart;
}

}  // namespace ces::web
