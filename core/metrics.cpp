#include "core/metrics.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace ces {

namespace {

std::string number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

std::string labelText(const MetricLabels& labels) {
    if (labels.empty()) return "";
    std::string text = "{";
    for (const auto& [name, value] : labels) {
        if (text.size() > 1) text += ',';
        text += name + "=\"" + escapeLabelValue(value) + "\"";
    }
    return text + "}";
}

}  // namespace

Histogram::Histogram(std::vector<double> upperBounds)
    : upperBounds_(std::move(upperBounds)), counts_(upperBounds_.size() + 1, 0) {}

void Histogram::observe(double value) {
    std::size_t bucket = 0;
    while (bucket < upperBounds_.size() && value > upperBounds_[bucket]) ++bucket;
    std::lock_guard lock(mutex_);
    ++counts_[bucket];
    sum_ += value;
}

Histogram::Snapshot Histogram::snapshot() const {
    Snapshot snapshot;
    snapshot.upperBounds = upperBounds_;
    std::lock_guard lock(mutex_);
    std::uint64_t running = 0;
    for (const auto count : counts_) {
        running += count;
        snapshot.cumulative.push_back(running);
    }
    snapshot.sum = sum_;
    snapshot.count = running;
    return snapshot;
}

void CounterFamily::add(const MetricLabels& labels, double amount) {
    std::lock_guard lock(mutex_);
    values_[labels] += amount;
}

std::vector<std::pair<MetricLabels, double>> CounterFamily::values() const {
    std::lock_guard lock(mutex_);
    return {values_.begin(), values_.end()};
}

void HistogramFamily::observe(const MetricLabels& labels, double value) {
    Histogram* histogram = nullptr;
    {
        std::lock_guard lock(mutex_);
        auto& slot = histograms_[labels];
        if (!slot) slot = std::make_unique<Histogram>(upperBounds_);
        histogram = slot.get();
    }
    histogram->observe(value);  // never removed, so safe to use unlocked
}

std::vector<std::pair<MetricLabels, Histogram::Snapshot>> HistogramFamily::snapshots() const {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<MetricLabels, Histogram::Snapshot>> all;
    for (const auto& [labels, histogram] : histograms_) {
        all.emplace_back(labels, histogram->snapshot());
    }
    return all;
}

std::vector<double> secondsBuckets() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

std::vector<double> countBuckets() { return {1, 2, 4, 8, 16, 32, 64, 128, 256}; }

std::string escapeLabelValue(const std::string& value) {
    std::string escaped;
    for (const char ch : value) {
        if (ch == '\\')
            escaped += "\\\\";
        else if (ch == '"')
            escaped += "\\\"";
        else if (ch == '\n')
            escaped += "\\n";
        else
            escaped += ch;
    }
    return escaped;
}

void MetricsText::family(const std::string& name, const std::string& type,
                         const std::string& help) {
    text_ += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void MetricsText::sample(const std::string& name, const MetricLabels& labels, double value) {
    text_ += name + labelText(labels) + " " + number(value) + "\n";
}

void MetricsText::histogram(const std::string& name, const MetricLabels& labels,
                            const Histogram::Snapshot& snapshot) {
    for (std::size_t i = 0; i < snapshot.cumulative.size(); ++i) {
        MetricLabels withBound = labels;
        const double bound = i < snapshot.upperBounds.size()
                                 ? snapshot.upperBounds[i]
                                 : std::numeric_limits<double>::infinity();
        withBound.emplace_back("le", number(bound));
        sample(name + "_bucket", withBound, static_cast<double>(snapshot.cumulative[i]));
    }
    sample(name + "_sum", labels, snapshot.sum);
    sample(name + "_count", labels, static_cast<double>(snapshot.count));
}

}  // namespace ces
