// What an operator relies on: health for the balancer, /metrics in the Prometheus text format,
// one JSON log line per request with its id, a graceful stop on SIGTERM, and (on PostgreSQL)
// limits that hold across instances on one database.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <future>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

struct RawAnswer {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
};

RawAnswer getWithHeaders(int port, const std::string& path, const Headers& headers = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    RawAnswer answer;
    answer.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, answer.body);
    for (const auto& [name, value] : response) answer.headers[name] = value;
    return answer;
}

// A sample line of the text format: name, optional {labels}, value.
const std::regex kSample(
    R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? ([-+]?[0-9.eE+-]+|\+Inf|-Inf|NaN)$)");

// Parses /metrics as Prometheus does (text format 0.0.4): every sample belongs to a family
// declared by # TYPE before it. Answers each sample line's value by its name and labels.
std::map<std::string, double> parseMetrics(const std::string& text) {
    std::map<std::string, double> samples;
    std::map<std::string, std::string> types;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        if (line.rfind("# TYPE ", 0) == 0) {
            std::istringstream words(line.substr(7));
            std::string name, type;
            words >> name >> type;
            CHECK((type == "counter" || type == "gauge" || type == "histogram"));
            types[name] = type;
            continue;
        }
        if (line.rfind("# HELP ", 0) == 0) continue;
        std::smatch match;
        INFO(line);
        REQUIRE(std::regex_match(line, match, kSample));
        std::string family = match[1];
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const std::string end = suffix;
            if (!types.count(family) && family.size() > end.size() &&
                family.compare(family.size() - end.size(), end.size(), end) == 0) {
                family.resize(family.size() - end.size());
            }
        }
        CHECK(types.count(family) == 1);
        samples[line.substr(0, line.rfind(' '))] = std::stod(match[5]);
    }
    return samples;
}

double sampleOr(const std::map<std::string, double>& samples, const std::string& key) {
    const auto found = samples.find(key);
    return found == samples.end() ? 0 : found->second;
}

}  // namespace

TEST_CASE("the balancer's health checks: live, and ready once the database answers") {
    DemoCounty county;
    const RawAnswer live = getWithHeaders(county.port(), "/health/live");
    CHECK(live.status == 200);
    const RawAnswer ready = getWithHeaders(county.port(), "/health/ready");
    INFO(ready.body);
    CHECK(ready.status == 200);
    CHECK(ready.body.find("\"status\":\"ready\"") != std::string::npos);
}

TEST_CASE("every answer names its request id, a balancer's own when it sent a plain one") {
    DemoCounty county;
    const RawAnswer ours = getWithHeaders(county.port(), "/health/live");
    REQUIRE(ours.headers.count("X-Request-Id") == 1);
    CHECK(ours.headers.at("X-Request-Id").size() == 12);
    const RawAnswer given =
        getWithHeaders(county.port(), "/health/live", {{"X-Request-Id", "lb-7f3a.91"}});
    CHECK(given.headers.at("X-Request-Id") == "lb-7f3a.91");
    const RawAnswer strange =
        getWithHeaders(county.port(), "/health/live", {{"X-Request-Id", "a b<script>"}});
    CHECK(strange.headers.at("X-Request-Id") != "a b<script>");
}

TEST_CASE("/metrics parses as the Prometheus text format and its counters follow the traffic") {
    DemoCounty county;
    const std::string key =
        R"(ces_http_requests_total{method="GET",route="/api/v1/catalogue",status="200"})";
    HttpClient prescriber = county.signIn("prescriber");
    const RawAnswer before = getWithHeaders(county.port(), "/metrics");
    REQUIRE(before.status == 200);
    CHECK(before.headers.at("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    const auto first = parseMetrics(before.body);
    for (int i = 0; i < 3; ++i) REQUIRE(prescriber.get("/api/v1/catalogue?q=bed").status == 200);
    HttpClient planner = county.signIn("planner");
    planner.get("/api/v1/nothing-here/12345");
    const auto second = parseMetrics(getWithHeaders(county.port(), "/metrics").body);
    CHECK(sampleOr(second, key) == sampleOr(first, key) + 3);
    // A made-up path counts as unmatched: scanning cannot grow the series.
    CHECK(sampleOr(second,
                   R"(ces_http_requests_total{method="other",route="unmatched",status="404"})") >=
          1);
    CHECK(before.body.find("12345") == std::string::npos);
    const std::string latency =
        R"(ces_http_request_duration_seconds_count{method="GET",route="/api/v1/catalogue"})";
    CHECK(sampleOr(second, latency) == sampleOr(first, latency) + 3);
    CHECK(
        sampleOr(
            second,
            R"(ces_http_request_duration_seconds_bucket{method="GET",route="/api/v1/catalogue",le="+Inf"})") ==
        sampleOr(second, latency));
    // Sign-ins wrote sessions through the group commit; the outbox's depth is read when scraped.
    CHECK(sampleOr(second, "ces_store_batch_writes_count") >= 2);
    CHECK(second.count("ces_outbox_waiting") == 1);
    CHECK(second.count("ces_outbox_oldest_waiting_seconds") == 1);
    // The jobs every instance shares: the specials watch runs as the service starts.
    CHECK(second.count(R"(ces_job_runs_total{job="late-specials-watch"})") == 1);
}

TEST_CASE("/metrics answers only the operators' network") {
    DemoCounty county({.extraArgs = {"--metrics-allow", "10.0.0.0/8"}});
    const RawAnswer refused = getWithHeaders(county.port(), "/metrics");
    CHECK(refused.status == 403);
    CHECK(refused.body.find("ces_http_requests_total") == std::string::npos);
}

TEST_CASE("a wrong --metrics-allow network stops the server from starting, naming the option") {
    DemoDatabase database;
    const CommandResult run = runCes(
        {"serve", "--db", database.location(), "--port", "0", "--metrics-allow", "10.0.0.0/33"});
    CHECK(run.exit_code != 0);
    CHECK(run.output.find("--metrics-allow") != std::string::npos);
}

TEST_CASE("each request is one JSON log line with its route and user, never the path's token") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    const std::string token = "a5f1c0ffee0123456789abcdef0123456789abcd";
    county.anonymous().get("/api/v1/track/" + token);
    prescriber.get("/api/v1/catalogue?q=hoist");
    // A request's line is written once its answer has gone, so it may trail the answer a little.
    std::string log = county.serverLog();
    for (int tries = 0; tries < 50 && log.find("\"/api/v1/catalogue\"") == std::string::npos;
         ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        log = county.serverLog();
    }
    CHECK(log.find(token) == std::string::npos);
    bool trackLine = false;
    bool userLine = false;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() != '{') continue;
        INFO(line);
        const auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
        for (const char* field :
             {"time", "request_id", "method", "route", "status", "duration_ms"}) {
            CHECK(object->has(field));
        }
        if (object->optValue<std::string>("route", "") == "/api/v1/track/{token}") {
            trackLine = object->getValue<int>("status") == 404 && object->isNull("user_id");
        }
        if (object->optValue<std::string>("route", "") == "/api/v1/catalogue") {
            userLine = !object->isNull("user_id");
        }
    }
    CHECK(trackLine);
    CHECK(userLine);
}

TEST_CASE("SIGTERM lets the request in flight finish, then exits 0 and takes no more") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    const ResidentDetails resident = residentAt("ME14 1AD", numbers);
    const std::string body = toJson(residentJson(resident));
    // A slow client: the request is in flight, its body half sent, when the signal comes.
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(county.port())));
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string head =
        "POST /api/v1/residents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Authorization: Bearer " +
        prescriber.token() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body.substr(0, body.size() / 2);
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const int port = county.port();
    auto stopping =
        std::async(std::launch::async, [&] { return county.server().stop(SIGTERM, 60'000); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_THROWS(getWithHeaders(port, "/health/live"));  // no new connection is taken
    const std::string rest = body.substr(body.size() / 2);
    socket.sendBytes(rest.data(), static_cast<int>(rest.size()));
    std::string answer;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
            answer.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (const Poco::Exception&) {
        // the instance closed the connection after answering
    }
    INFO(answer);
    INFO(county.serverLog());
    CHECK(answer.rfind("HTTP/1.1 201", 0) == 0);
    const auto exitCode = stopping.get();
    REQUIRE(exitCode.has_value());
    CHECK(*exitCode == 0);
    CHECK(county.serverLog().find("ces: stopped") != std::string::npos);
    // The answered write is there: the drain finished its group commit.
    CHECK(firstSqlValue(county.dbPath(), "SELECT COUNT(*) FROM residents WHERE nhs_number = '" +
                                             resident.nhs_number + "'") == "1");
    CHECK(checkDatabase(county.dbPath()) == "ok");
}

namespace {

// Five failed tries of `path` spread over two instances on one PostgreSQL database, each
// refused with `status` and `code`; then `next` (even a right one) is refused 429 by both.
void failOverTwoInstances(const std::string& path, const Poco::JSON::Object::Ptr& wrong, int status,
                          const std::string& code, const Poco::JSON::Object::Ptr& next) {
    DemoCounty county;
    CesServer second(county.dbPath());
    HttpClient one = county.anonymous();
    HttpClient two(second.port());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        CAPTURE(attempt);
        checkError((attempt % 2 ? one : two).post(path, wrong), status, code);
    }
    checkError(two.post(path, next), 429, "rate_limited");
    checkError(one.post(path, next), 429, "rate_limited");
}

}  // namespace

TEST_CASE("two instances on one PostgreSQL database enforce one tracking limit") {
    if (testStore() != Store::postgresql) {
        MESSAGE("skipped on SQLite: one process, whose limits live in its memory");
        return;
    }
    const auto guess = jsonObject({{"reference", "ORD-2026-999991"},
                                   {"postcode", "CT1 2AA"},
                                   {"date_of_birth", "1940-01-01"}});
    failOverTwoInstances("/api/v1/track", guess, 404, "not_found", guess);
}

TEST_CASE("two instances on one PostgreSQL database lock a user name together") {
    if (testStore() != Store::postgresql) {
        MESSAGE("skipped on SQLite: one process, whose limits live in its memory");
        return;
    }
    failOverTwoInstances("/api/v1/sessions",
                         jsonObject({{"username", "planner"}, {"password", "not-the-password"}}),
                         401, "unauthenticated",
                         jsonObject({{"username", "planner"}, {"password", "demo-planner"}}));
}
