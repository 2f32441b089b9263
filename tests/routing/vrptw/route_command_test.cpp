// `ces route solve`: the printed JSON is re-read, and the plan re-checked from the printed routes.
#include "app/commands/route_command.h"

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

#include "routing/vrptw/checker.h"
#include "routing/vrptw/solomon_reader.h"
#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;

namespace ces::cli {
// The road-graph subcommands belong to another part; a stub marks that they were handed over.
int runRouteGraphCommand(const std::vector<std::string>& args) { return args.empty() ? 99 : 42; }
}  // namespace ces::cli

namespace {

struct Captured {
    int code;
    std::string out;
    std::string err;
};

Captured run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    std::streambuf* oldOut = std::cout.rdbuf(out.rdbuf());
    std::streambuf* oldErr = std::cerr.rdbuf(err.rdbuf());
    const int code = ces::cli::runRouteCommand(args);
    std::cout.rdbuf(oldOut);
    std::cerr.rdbuf(oldErr);
    return {code, out.str(), err.str()};
}

/// The text after `"key":` up to the next ',' or '}' at the same level (numbers only).
std::string field(const std::string& json, const std::string& key) {
    const std::size_t at = json.find("\"" + key + "\":");
    REQUIRE(at != std::string::npos);
    const std::size_t from = at + key.size() + 3;
    return json.substr(from, json.find_first_of(",}", from) - from);
}

std::vector<std::vector<long>> routes(const std::string& json) {
    std::size_t at = json.find("\"routes\":[");
    REQUIRE(at != std::string::npos);
    at += 10;
    std::vector<std::vector<long>> result;
    while (json[at] == '[' || json[at] == ',') {
        if (json[at] == ',') {
            ++at;
        }
        REQUIRE(json[at] == '[');
        ++at;
        std::vector<long> route;
        while (json[at] != ']') {
            std::size_t used = 0;
            route.push_back(std::stol(json.substr(at), &used));
            at += used;
            if (json[at] == ',') {
                ++at;
            }
        }
        ++at;
        result.push_back(route);
    }
    return result;
}

}  // namespace

TEST_CASE("route solve prints one JSON object whose routes re-check") {
    const std::string file = test::sharedDataDir() + "/vrptw/solomon/C101.txt";
    const Captured c = run({"solve", file, "--time-limit-ms", "1500", "--seed", "3"});
    REQUIRE(c.code == 0);
    CHECK(c.out.front() == '{');
    CHECK(c.out.find('\n') == c.out.size() - 1);
    CHECK(field(c.out, "instance") == "\"C101\"");
    CHECK(field(c.out, "unassigned") == "0");

    const SolomonInstance instance = readSolomonFile(file);
    Solution s;
    for (const std::vector<long>& customers : routes(c.out)) {
        Route route{s.routes.size(), {}};
        for (long customer : customers) {
            route.jobs.push_back(static_cast<std::size_t>(customer - 1));  // C101 numbers 1..100
            CHECK(instance.customerNumbers[route.jobs.back()] == customer);
        }
        s.routes.push_back(route);
    }
    test::requireValid(instance.problem, s);
    CHECK(std::stoul(field(c.out, "vehicles")) == s.routes.size());
    // Full double precision: the printed distance reads back as exactly the recomputed sum.
    CHECK(std::stod(field(c.out, "distance")) == totalDistance(instance.problem, s).value());
}

TEST_CASE("route solve: bad input answers a JSON error on stderr with exit code 2") {
    const Captured missing = run({"solve", "/nonexistent.txt"});
    CHECK(missing.code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.rfind("{\"error\":", 0) == 0);

    CHECK(run({"solve"}).code == 2);
    CHECK(run({"solve", "x.txt", "--threads", "0"}).code == 2);
    CHECK(run({"solve", "x.txt", "--seed", "abc"}).code == 2);
    CHECK(run({"solve", "x.txt", "--objective", "cheapest"}).code == 2);
    CHECK(run({"solve", "x.txt", "--bogus", "1"}).code == 2);
    CHECK(run({"frobnicate"}).code == 2);
    CHECK(run({}).code == 2);
}

TEST_CASE("route import, matrix and snap are handed to the road-graph command") {
    CHECK(run({"import", "a.osm.pbf"}).code == 42);
    CHECK(run({"matrix"}).code == 42);
    CHECK(run({"snap"}).code == 42);
}
