// The server in-process on port 0: the catch-all turns a handler's database failure into a 500
// that names the request, a malformed request into a 400, and a wrong method into a 405.
#include "web/http/server.h"

#include <Poco/Data/DataException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>

#include <filesystem>

#include "core/credentials.h"
#include "core/errors.h"
#include "core/store/infrastructure/database.h"
#include "standard_error.h"
#include "web/app.h"
#include "web/pages/site.h"

using namespace ces;
using namespace ces::web;
using ces::web::test::standardError;

namespace {

struct Answer {
    int status = 0;
    std::string body;
    std::string allow;
};

Answer ask(unsigned short port, const std::string& method, const std::string& uri) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentLength(0);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    auto& in = session.receiveResponse(response);
    Answer answer;
    answer.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, answer.body);
    answer.allow = response.get("Allow", "");
    return answer;
}

std::string errorField(const std::string& body, const std::string& name) {
    Poco::JSON::Parser parser;
    auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    return object->getObject("error")->getValue<std::string>(name);
}

}  // namespace

TEST_CASE("server - a handler's database failure is a 500 with the request id, not the message") {
    Router router;
    router.add("GET", "/api/v1/visits/{id}", [](Request&) -> Response {
        throw Poco::Data::DataException("SQLITE_BUSY on table visits");
    });
    router.add("POST", "/api/v1/plans", [](Request&) -> Response {
        throw std::runtime_error("constraint failed: plans.day");
    });
    Server server(router, {.port = 0, .threads = 4});
    server.start();

    Answer busy;
    const std::string log =
        standardError([&] { busy = ask(server.port(), "GET", "/api/v1/visits/3"); });
    CHECK(busy.status == 500);
    CHECK(errorField(busy.body, "code") == "internal");
    const std::string message = errorField(busy.body, "message");
    CHECK(message.starts_with("Something went wrong on our side (request "));
    CHECK(busy.body.find("SQLITE") == std::string::npos);
    const std::string id = message.substr(message.find("request ") + 8, 12);
    CHECK(log.find(id) != std::string::npos);
    CHECK(log.find("GET /api/v1/visits/{id}") != std::string::npos);  // never the path itself
    CHECK(log.find("SQLITE_BUSY on table visits") != std::string::npos);

    Answer failed;
    standardError([&] { failed = ask(server.port(), "POST", "/api/v1/plans"); });
    CHECK(failed.status == 500);
    CHECK(failed.body.find("constraint") == std::string::npos);
    CHECK(errorField(failed.body, "message") != message);  // each request has its own id
    server.stop();
}

TEST_CASE("server - a malformed request is 400, an unknown path 404, a wrong method 405") {
    Router router;
    router.add("GET", "/api/v1/health", [](Request&) { return Response{}; });
    Server server(router, {.port = 0, .threads = 4});
    server.start();
    const Answer malformed = ask(server.port(), "GET", "/api/v1/health?x=%zz");
    CHECK(malformed.status == 400);
    CHECK(errorField(malformed.body, "code") == "bad_request");
    CHECK(ask(server.port(), "GET", "/api/v1/nothing").status == 404);
    const Answer method = ask(server.port(), "DELETE", "/api/v1/health");
    CHECK(method.status == 405);
    CHECK(errorField(method.body, "code") == "method_not_allowed");
    CHECK(method.allow == "GET");
    server.stop();
}

TEST_CASE("pages - an unexpected failure is an error page with the request id, not the message") {
    const auto dir = std::filesystem::temp_directory_path() / ("ces-web-test-" + randomHex(6));
    std::filesystem::create_directories(dir);
    {
        store::Database db((dir / "ces.db").string(), 1);
        App app{db, [] { return Instant{}; }, RateLimiter(5, std::chrono::minutes(15)), {}, {}};
        Site site(app, templatesDirectory(), "secret");
        Router router;
        site.get(router, "/plan", [](Request&) -> Response {
            throw Poco::Data::DataException("no such column: visits.window");
        });
        Request request;
        request.method = "GET";
        request.path = "/plan";
        request.id = "0123456789ab";
        Response page;
        const std::string log = standardError([&] { page = router.dispatch(request); });
        CHECK(page.status == 500);
        CHECK(page.contentType.starts_with("text/html"));
        CHECK(page.body.find("quote request 0123456789ab") != std::string::npos);
        CHECK(page.body.find("visits.window") == std::string::npos);
        CHECK(log.find("0123456789ab (GET /plan)") != std::string::npos);
        CHECK(log.find("no such column: visits.window") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}
