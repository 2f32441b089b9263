#include "web/service_metrics.h"

#include "core/store/jobs/jobs.h"
#include "core/store/messages/outbox.h"
#include "web/app.h"

namespace ces::web {

namespace {

void writeHistograms(MetricsText& text, const std::string& name, const std::string& help,
                     const HistogramFamily& family) {
    text.family(name, "histogram", help);
    for (const auto& [labels, snapshot] : family.snapshots()) {
        text.histogram(name, labels, snapshot);
    }
}

void writeCounters(MetricsText& text, const std::string& name, const std::string& help,
                   const CounterFamily& family) {
    text.family(name, "counter", help);
    for (const auto& [labels, value] : family.values()) text.sample(name, labels, value);
}

void writeStore(MetricsText& text, store::Database& db) {
    text.family("ces_store_batch_writes", "histogram",
                "Writes carried by each group-commit transaction.");
    text.histogram("ces_store_batch_writes", {}, db.writeQueue().batchSizes().snapshot());
    text.family("ces_store_commit_seconds", "histogram",
                "Time each group commit's COMMIT took (the durable flush).");
    text.histogram("ces_store_commit_seconds", {}, db.writeQueue().commitSeconds().snapshot());
    text.family("ces_store_reader_wait_seconds", "histogram",
                "Reads that waited for a pooled connection, and how long.");
    text.histogram("ces_store_reader_wait_seconds", {}, db.readerWaits().snapshot());
}

void writeOutbox(MetricsText& text, App& app) {
    const auto depth = app.db.read([](store::Connection& c) { return store::outboxDepth(c); });
    text.family("ces_outbox_waiting", "gauge", "Messages waiting to be sent.");
    text.sample("ces_outbox_waiting", {}, static_cast<double>(depth.waiting));
    text.family("ces_outbox_failed", "gauge", "Messages given up on (the admin may retry).");
    text.sample("ces_outbox_failed", {}, static_cast<double>(depth.failed));
    text.family("ces_outbox_oldest_waiting_seconds", "gauge",
                "Age of the oldest waiting message (0 when none waits).");
    const double age =
        depth.oldestWaiting ? static_cast<double>((app.now() - *depth.oldestWaiting).count()) : 0;
    text.sample("ces_outbox_oldest_waiting_seconds", {}, age);
}

// From the job table, so every instance reports the same figures for the whole service.
void writeJobs(MetricsText& text, App& app) {
    const auto jobs = app.db.read([](store::Connection& c) { return store::listJobs(c); });
    text.family("ces_job_runs_total", "counter", "Background job runs, on any instance.");
    for (const auto& job : jobs) {
        text.sample("ces_job_runs_total", {{"job", job.name}}, static_cast<double>(job.runs));
    }
    text.family("ces_job_failures_total", "counter", "Background job runs that failed.");
    for (const auto& job : jobs) {
        text.sample("ces_job_failures_total", {{"job", job.name}},
                    static_cast<double>(job.failures));
    }
    text.family("ces_job_last_duration_seconds", "gauge", "How long each job's last run took.");
    for (const auto& job : jobs) {
        if (!job.lastDurationMs) continue;
        text.sample("ces_job_last_duration_seconds", {{"job", job.name}},
                    static_cast<double>(*job.lastDurationMs) / 1000.0);
    }
}

}  // namespace

void ServiceMetrics::recordRequest(const Request& request, int status,
                                   std::chrono::nanoseconds took) {
    // Unmatched paths share one label, so a scan of made-up paths cannot grow the series.
    const std::string route = request.route.empty() ? "unmatched" : request.route;
    const std::string method = request.route.empty() ? "other" : request.method;
    requests.add({{"method", method}, {"route", route}, {"status", std::to_string(status)}});
    requestSeconds.observe({{"method", method}, {"route", route}},
                           std::chrono::duration<double>(took).count());
}

std::string metricsText(App& app) {
    MetricsText text;
    const ServiceMetrics& metrics = *app.metrics;
    writeCounters(text, "ces_http_requests_total", "Requests answered, by route and status.",
                  metrics.requests);
    writeHistograms(text, "ces_http_request_duration_seconds",
                    "Time to answer a request, by route.", metrics.requestSeconds);
    writeStore(text, app.db);
    writeOutbox(text, app);
    writeJobs(text, app);
    writeCounters(text, "ces_solver_runs_total", "Route solver runs, by kind and outcome.",
                  metrics.solverRuns);
    writeHistograms(text, "ces_solver_duration_seconds", "Time of each route solver run.",
                    metrics.solverSeconds);
    return text.text();
}

}  // namespace ces::web
