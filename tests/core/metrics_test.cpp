// The figures /metrics writes: histograms bucket and sum what they see, and the text format
// escapes label values.
#include "core/metrics.h"

#include <doctest/doctest.h>

using namespace ces;

TEST_CASE("metrics - a histogram counts each observation in its bucket, cumulatively") {
    Histogram histogram({0.1, 1});
    histogram.observe(0.05);
    histogram.observe(0.1);  // on a bound: counted in that bucket (le = less or equal)
    histogram.observe(0.5);
    histogram.observe(7);
    const auto snapshot = histogram.snapshot();
    CHECK(snapshot.cumulative == std::vector<std::uint64_t>{2, 3, 4});
    CHECK(snapshot.count == 4);
    CHECK(snapshot.sum == doctest::Approx(7.65));
}

TEST_CASE("metrics - the text format: families, labels escaped, buckets to +Inf") {
    HistogramFamily family({1});
    family.observe({{"route", "/a"}}, 0.5);
    family.observe({{"route", "/a"}}, 2);
    MetricsText text;
    text.family("ces_t", "histogram", "Time.");
    for (const auto& [labels, snapshot] : family.snapshots())
        text.histogram("ces_t", labels, snapshot);
    CHECK(text.text() ==
          "# HELP ces_t Time.\n# TYPE ces_t histogram\n"
          "ces_t_bucket{route=\"/a\",le=\"1\"} 1\n"
          "ces_t_bucket{route=\"/a\",le=\"+Inf\"} 2\n"
          "ces_t_sum{route=\"/a\"} 2.5\n"
          "ces_t_count{route=\"/a\"} 2\n");
    CHECK(escapeLabelValue("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
}

TEST_CASE("metrics - counters are told apart by their labels") {
    CounterFamily counters;
    counters.add({{"status", "200"}});
    counters.add({{"status", "200"}});
    counters.add({{"status", "404"}});
    const auto values = counters.values();
    REQUIRE(values.size() == 2);
    CHECK(values[0].second == 2);
    CHECK(values[1].second == 1);
}
