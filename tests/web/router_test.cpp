// The router: patterns with {params}, unknown paths and known paths with another method.
#include "web/http/router.h"

#include <doctest/doctest.h>

#include "core/errors.h"
#include "web/http/errors.h"

using namespace ces;
using namespace ces::web;

namespace {

Response answer(const std::string& text) {
    Response response;
    response.body = text;
    return response;
}

Request requestFor(const std::string& method, const std::string& path) {
    Request request;
    request.method = method;
    request.path = path;
    request.id = "r1";
    return request;
}

Router ordersRouter() {
    Router router;
    router.add("GET", "/orders/new", [](Request&) { return answer("new"); });
    router.add("GET", "/orders/{ref}", [](Request& r) { return answer(r.pathParams["ref"]); });
    router.add("POST", "/orders/{ref}/lines/{line}",
               [](Request& r) { return answer(r.pathParams["ref"] + "/" + r.pathParams["line"]); });
    router.add("DELETE", "/orders/{ref}/lines/{line}", [](Request&) { return answer("gone"); });
    return router;
}

}  // namespace

TEST_CASE("router - fills the path parameters of the matching pattern") {
    const Router router = ordersRouter();
    auto request = requestFor("POST", "/orders/ORD-2026-000123/lines/7");
    CHECK(router.dispatch(request).body == "ORD-2026-000123/7");
    CHECK(request.pathParams.at("ref") == "ORD-2026-000123");
    CHECK(request.pathParams.at("line") == "7");
}

TEST_CASE("router - the first pattern added wins when a literal and a parameter both match") {
    const Router router = ordersRouter();
    auto request = requestFor("GET", "/orders/new");
    CHECK(router.dispatch(request).body == "new");
    auto other = requestFor("GET", "/orders/ORD-1");
    CHECK(other.pathParams.empty());
    CHECK(router.dispatch(other).body == "ORD-1");
}

TEST_CASE("router - an unknown path, a missing segment or an empty parameter is NotFound") {
    const Router router = ordersRouter();
    for (const char* path :
         {"/nothing", "/orders", "/orders/", "/orders/x/lines/", "/orders/x/y"}) {
        CAPTURE(path);
        auto request = requestFor("GET", path);
        CHECK_THROWS_AS(router.dispatch(request), NotFound);
    }
}

TEST_CASE("router - a known path with another method is 405 naming the allowed methods once") {
    const Router router = ordersRouter();
    auto request = requestFor("PUT", "/orders/x/lines/1");
    try {
        router.dispatch(request);
        FAIL("expected MethodNotAllowed");
    } catch (const MethodNotAllowed& e) {
        CHECK(e.allowed() == "POST, DELETE");
    }
    // /orders/new matches two GET patterns: GET is listed once.
    auto post = requestFor("POST", "/orders/new");
    const Response response = [&] {
        try {
            router.dispatch(post);
        } catch (...) {
            return errorResponse(std::current_exception(), post);
        }
        return Response{};
    }();
    CHECK(response.status == 405);
    CHECK(response.body ==
          R"({"error":{"code":"method_not_allowed","message":"POST is not allowed on )"
          R"(/orders/new","field":null}})");
    REQUIRE(response.headers.size() == 1);
    CHECK(response.headers[0].first == "Allow");
    CHECK(response.headers[0].second == "GET");
}
