#include "web/api/routes.h"
#include "web/openapi_document.h"

namespace ces::web {

void addServiceRoutes(Router& router, App& app) {
    // A constant answer: the process is up and serving (also the peer for read benchmarks).
    const std::string health =
        std::string("{\"status\":\"ok\",\"db\":\"") + app.db.kindName() + "\"}";
    router.add("GET", "/api/v1/health", [health](Request&) {
        Response response;
        response.body = health;
        return response;
    });
    router.add("GET", "/api/v1/openapi.json", [](Request&) {
        Response response;
        response.body = std::string(kOpenApiDocument);
        return response;
    });
}

}  // namespace ces::web
