// The OpenAPI document the server serves describes exactly the API routes it registers (read
// from the source), each with its roles, path parameters and the error shape.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <doctest/doctest.h>

#include <cctype>
#include <regex>
#include <set>
#include <string>

#include "harness.h"
#include "route_scan.h"

using namespace ces::integration;

namespace {

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// The {names} in a route such as /api/v1/orders/{ref}/slot.
std::set<std::string> placeholders(const std::string& path) {
    static const std::regex placeholder(R"(\{([^}]+)\})");
    std::set<std::string> names;
    for (std::sregex_iterator it(path.begin(), path.end(), placeholder), end; it != end; ++it) {
        names.insert((*it)[1].str());
    }
    return names;
}

// The path parameters an operation declares.
std::set<std::string> declaredPathParameters(const Poco::JSON::Object::Ptr& operation) {
    std::set<std::string> names;
    const auto parameters = operation->getArray("parameters");
    if (!parameters) return names;
    for (std::size_t i = 0; i < parameters->size(); ++i) {
        const auto parameter = parameters->getObject(static_cast<unsigned>(i));
        if (parameter->getValue<std::string>("in") == "path") {
            CHECK(parameter->getValue<bool>("required"));
            names.insert(parameter->getValue<std::string>("name"));
        }
    }
    return names;
}

}  // namespace

TEST_CASE("GET /api/v1/openapi.json lists exactly the registered API routes, each described") {
    const auto registered = registeredApiRoutes();
    REQUIRE(registered.size() >= 50);  // the scan found the route files

    DemoCounty county;
    HttpClient anyone = county.anonymous();
    const Response answer = anyone.get("/api/v1/openapi.json");
    INFO(answer.describe().substr(0, 300));
    REQUIRE(answer.status == 200);
    const auto document = answer.object();
    CHECK(document->getValue<std::string>("openapi").rfind("3.", 0) == 0);
    const auto paths = document->getObject("paths");
    REQUIRE(paths);

    std::set<std::string> documented;
    for (const auto& [path, item] : *paths) {
        const auto operations = item.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [method, value] : *operations) {
            const std::string route = upper(method) + " " + path;
            CAPTURE(route);
            documented.insert(route);
            const auto operation = value.extract<Poco::JSON::Object::Ptr>();
            CHECK(!operation->optValue<std::string>("summary", "").empty());
            const auto roles = operation->getArray("x-roles");
            CHECK((roles && roles->size() > 0));
            CHECK(declaredPathParameters(operation) == placeholders(path));
            const auto responses = operation->getObject("responses");
            REQUIRE(responses);
            for (const std::string code : {"400", "401", "403", "404", "422"}) {
                CAPTURE(code);
                const auto error = responses->getObject(code);
                REQUIRE(error);
                CHECK(error->optValue<std::string>("$ref", "") == "#/components/responses/Error");
            }
        }
    }
    for (const auto& route : registered) {
        CHECK_MESSAGE(documented.count(route) == 1, "not in openapi.json: " << route);
    }
    for (const auto& route : documented) {
        CHECK_MESSAGE(registered.count(route) == 1, "in openapi.json, not registered: " << route);
    }
}
