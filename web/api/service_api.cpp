#include "core/errors.h"
#include "core/store/infrastructure/migrations.h"
#include "web/api/routes.h"
#include "web/openapi_document.h"
#include "web/service_metrics.h"

namespace ces::web {

namespace {

Response plainJson(int status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

// Ready to take traffic: not stopping, the database answers and has every migration this
// build knows (a balancer's health check; 503 otherwise, saying why).
Response readiness(App& app) {
    if (app.draining.load()) return plainJson(503, R"({"status":"draining"})");
    int applied = 0;
    try {
        applied = app.db.read([](store::Connection& c) { return store::appliedMigration(c); });
    } catch (const std::exception&) {
        return plainJson(503, R"({"status":"database_unavailable"})");
    }
    if (applied < store::latestMigration()) {
        return plainJson(503,
                         R"({"status":"migrations_pending","applied":)" + std::to_string(applied) +
                             ",\"expected\":" + std::to_string(store::latestMigration()) + "}");
    }
    return plainJson(200, R"({"status":"ready","migration":)" + std::to_string(applied) + "}");
}

Response metrics(App& app, const Request& request) {
    if (!app.metricsAllow.contains(request.clientAddress)) {
        throw Forbidden("the metrics are for the operators' network (--metrics-allow)");
    }
    Response response;
    response.contentType = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metricsText(app);
    return response;
}

}  // namespace

void addServiceRoutes(Router& router, App& app) {
    // A constant answer: the process is up and serving (also the peer for read benchmarks).
    const std::string health =
        std::string("{\"status\":\"ok\",\"db\":\"") + app.db.kindName() + "\"}";
    router.add("GET", "/api/v1/health", [health](Request&) { return plainJson(200, health); });
    router.add("GET", "/health/live",
               [](Request&) { return plainJson(200, R"({"status":"live"})"); });
    router.add("GET", "/health/ready", [&app](Request&) { return readiness(app); });
    router.add("GET", "/metrics", [&app](Request& r) { return metrics(app, r); });
    router.add("GET", "/api/v1/openapi.json", [](Request&) {
        Response response;
        response.body = std::string(kOpenApiDocument);
        return response;
    });
}

}  // namespace ces::web
