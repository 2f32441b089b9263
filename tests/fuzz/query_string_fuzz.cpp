// A request target ("/api/v1/orders/R-1?status=x&limit=5") as the server reads it: the path and
// query parameters (Poco::URI, as in http/server.cpp), then routing to a handler.
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.h"
#include "web/http/json_body.h"
#include "web/http/router.h"

namespace {

const ces::web::Router& router() {
    static const ces::web::Router routes = [] {
        ces::web::Router r;
        auto echo = [](ces::web::Request& request) {
            ces::web::Response response;
            for (const auto& [name, value] : request.pathParams) response.body += name + value;
            response.body += request.queryValue("status") + request.queryValue("limit", "50");
            return response;
        };
        r.add("GET", "/api/v1/orders", echo);
        r.add("GET", "/api/v1/orders/{ref}", echo);
        r.add("POST", "/api/v1/orders/{ref}/approve", echo);
        r.add("GET", "/api/v1/residents/{id}/orders/{ref}", echo);
        r.add("GET", "/", echo);
        return r;
    }();
    return routes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string target(reinterpret_cast<const char*>(data + 1), size - 1);
    ces::web::Request request;
    request.method = (data[0] & 1) ? "GET" : "POST";
    try {
        Poco::URI uri(target);
        request.path = uri.getPath();
        for (const auto& [name, value] : uri.getQueryParameters()) request.query[name] = value;
    } catch (const Poco::Exception&) {
        return 0;  // the server answers 400 for a target it cannot parse
    }
    try {
        (void)router().dispatch(request);
    } catch (const ces::NotFound&) {
    } catch (const ces::web::BadRequest&) {
    } catch (const ces::web::MethodNotAllowed&) {
    } catch (const ces::ValidationError&) {
    } catch (const ces::Conflict&) {
    }
    return 0;
}
