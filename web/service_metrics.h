#pragma once
// The service's own figures for GET /metrics: requests by route and status, their latency, and
// the route solver's runs. The store's and the outbox's figures are read when scraped.
#include <chrono>
#include <string>

#include "core/metrics.h"
#include "web/http/exchange.h"

namespace ces::web {

struct App;

struct ServiceMetrics {
    CounterFamily requests;                            ///< method, route, status
    HistogramFamily requestSeconds{secondsBuckets()};  ///< method, route
    CounterFamily solverRuns;                          ///< kind, outcome (ok or refused)
    HistogramFamily solverSeconds{{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}};  ///< kind

    void recordRequest(const Request& request, int status, std::chrono::nanoseconds took);
};

/// Runs a solver entry point (`kind`: day, horizon, capacity, insert), counting and timing it.
template <class Work>
auto timedSolver(ServiceMetrics& metrics, const char* kind, Work&& work) {
    const auto started = std::chrono::steady_clock::now();
    try {
        auto result = work();
        metrics.solverRuns.add({{"kind", kind}, {"outcome", "ok"}});
        metrics.solverSeconds.observe(
            {{"kind", kind}},
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        return result;
    } catch (...) {
        metrics.solverRuns.add({{"kind", kind}, {"outcome", "refused"}});
        throw;
    }
}

/// Everything /metrics says, in the Prometheus text format; reads the outbox's depth now.
std::string metricsText(App& app);

}  // namespace ces::web
