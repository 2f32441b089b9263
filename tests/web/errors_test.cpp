// The one mapping from exceptions to HTTP answers: each typed error to its status, code and
// field; anything else to a 500 that names the request but never the real message.
#include "web/http/errors.h"

#include <Poco/Data/DataException.h>
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/types.h"
#include "standard_error.h"
#include "web/http/json_body.h"

using namespace ces;
using namespace ces::web;
using ces::web::test::standardError;

namespace {

Request requestNamed(const std::string& id) {
    Request request;
    request.method = "POST";
    request.path = "/api/v1/visits/12/outcome";
    request.route = "/api/v1/visits/{id}/outcome";
    request.id = id;
    return request;
}

template <class Error>
Response answerTo(const Error& error, const Request& request = requestNamed("r1")) {
    return errorResponse(std::make_exception_ptr(error), request);
}

}  // namespace

TEST_CASE("error mapping - each typed error has its status, code and field") {
    struct Case {
        Response response;
        int status;
        std::string body;
    };
    const std::vector<Case> cases{
        {answerTo(BadRequest("lines[0].code", "lines[0].code is required")), 400,
         R"({"error":{"code":"bad_request","message":"lines[0].code is required",)"
         R"("field":"lines[0].code"}})"},
        {answerTo(ValidationError("postcode", "not a postcode")), 422,
         R"({"error":{"code":"validation","message":"not a postcode","field":"postcode"}})"},
        {answerTo(Unauthenticated("please sign in")), 401,
         R"({"error":{"code":"unauthenticated","message":"please sign in","field":null}})"},
        {answerTo(Forbidden("not for you")), 403,
         R"({"error":{"code":"forbidden","message":"not for you","field":null}})"},
        {answerTo(NotFound("no such order")), 404,
         R"({"error":{"code":"not_found","message":"no such order","field":null}})"},
        {answerTo(Conflict("already_cancelled", "the order is cancelled")), 409,
         R"({"error":{"code":"already_cancelled","message":"the order is cancelled",)"
         R"("field":null}})"},
        {answerTo(OutOfStock("lines[0].code", "none left", {{"A2", "Frame", 3}})), 409,
         R"({"error":{"code":"out_of_stock","message":"none left","field":"lines[0].code"},)"
         R"("equivalents":[{"code":"A2","name":"Frame","available":3}]})"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.body);
        CHECK(c.response.status == c.status);
        CHECK(c.response.body == c.body);
        CHECK(c.response.contentType == "application/json");
        CHECK(c.response.headers.empty());
    }
}

TEST_CASE("error mapping - 429 says when to try again and 405 which methods are allowed") {
    const Response limited = answerTo(RateLimited("too many tries", 42));
    CHECK(limited.status == 429);
    CHECK(limited.body.find(R"("code":"rate_limited")") != std::string::npos);
    REQUIRE(limited.headers.size() == 1);
    CHECK(limited.headers[0] == std::pair<std::string, std::string>("Retry-After", "42"));

    const Response method = answerTo(MethodNotAllowed("PUT is not allowed", "GET, POST"));
    CHECK(method.status == 405);
    CHECK(method.body ==
          R"({"error":{"code":"method_not_allowed","message":"PUT is not allowed","field":null}})");
    REQUIRE(method.headers.size() == 1);
    CHECK(method.headers[0] == std::pair<std::string, std::string>("Allow", "GET, POST"));
}

TEST_CASE(
    "error mapping - a database or other failure is a 500 naming the request, not the cause") {
    const std::vector<std::exception_ptr> failures{
        std::make_exception_ptr(Poco::Data::DataException("disk I/O error in ces.db table visits")),
        std::make_exception_ptr(std::runtime_error("disk I/O error in ces.db table visits")),
        std::make_exception_ptr(42),
    };
    for (const auto& failure : failures) {
        const Request request = requestNamed("a1b2c3d4e5f6");
        Response response;
        const std::string log = standardError([&] { response = errorResponse(failure, request); });
        CHECK(response.status == 500);
        CHECK(response.body ==
              R"x({"error":{"code":"internal","message":"Something went wrong on our side )x"
              R"x((request a1b2c3d4e5f6)","field":null}})x");
        CHECK(response.body.find("disk") == std::string::npos);
        CHECK(log.find("a1b2c3d4e5f6") != std::string::npos);
        CHECK(log.find("POST /api/v1/visits/{id}/outcome") != std::string::npos);
    }
    const std::string log = standardError([&] {
        errorResponse(std::make_exception_ptr(Poco::Data::DataException("table visits is locked")),
                      requestNamed("r9"));
    });
    CHECK(log.find("table visits is locked") != std::string::npos);  // the real message is logged
}
