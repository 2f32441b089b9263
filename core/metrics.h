#pragma once
// Figures an operator scrapes (the Prometheus text format, version 0.0.4): counters and
// histograms that many threads add to at once, and the text that names them. The service's
// parts keep their own figures; /metrics writes them all out.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ces {

/// A metric's labels, written in this order: {{"route", "/api/v1/orders"}, {"status", "200"}}.
using MetricLabels = std::vector<std::pair<std::string, std::string>>;

/// Observations counted into fixed buckets (upper bounds, ascending), with their sum.
class Histogram {
  public:
    explicit Histogram(std::vector<double> upperBounds);
    void observe(double value);

    struct Snapshot {
        std::vector<double> upperBounds;
        std::vector<std::uint64_t> cumulative;  ///< Per bound, then +Inf last.
        double sum = 0;
        std::uint64_t count = 0;
    };
    Snapshot snapshot() const;

  private:
    std::vector<double> upperBounds_;
    mutable std::mutex mutex_;
    std::vector<std::uint64_t> counts_;  ///< Per bucket (not cumulative), +Inf last.
    double sum_ = 0;
};

/// Counters told apart by their labels, created on first use.
class CounterFamily {
  public:
    void add(const MetricLabels& labels, double amount = 1);
    std::vector<std::pair<MetricLabels, double>> values() const;

  private:
    mutable std::mutex mutex_;
    std::map<MetricLabels, double> values_;
};

/// Histograms told apart by their labels, all with the same bounds, created on first use.
class HistogramFamily {
  public:
    explicit HistogramFamily(std::vector<double> upperBounds)
        : upperBounds_(std::move(upperBounds)) {}
    void observe(const MetricLabels& labels, double value);
    std::vector<std::pair<MetricLabels, Histogram::Snapshot>> snapshots() const;

  private:
    std::vector<double> upperBounds_;
    mutable std::mutex mutex_;
    std::map<MetricLabels, std::unique_ptr<Histogram>> histograms_;
};

/// Bounds in seconds from 1 ms to 10 s, for request and commit times.
std::vector<double> secondsBuckets();
/// Bounds for a count (1, 2, 4 … 256), for group-commit batch sizes.
std::vector<double> countBuckets();

/// Writes metrics in the text format, one family at a time.
class MetricsText {
  public:
    /// `type` is counter, gauge or histogram.
    void family(const std::string& name, const std::string& type, const std::string& help);
    void sample(const std::string& name, const MetricLabels& labels, double value);
    /// The histogram's _bucket, _sum and _count samples (after its family line).
    void histogram(const std::string& name, const MetricLabels& labels,
                   const Histogram::Snapshot& snapshot);
    const std::string& text() const { return text_; }

  private:
    std::string text_;
};

/// A label value escaped for the text format (backslash, double quote, new line).
std::string escapeLabelValue(const std::string& value);

}  // namespace ces
