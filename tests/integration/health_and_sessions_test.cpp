// Health, signing in and out, and the server's life cycle (SIGTERM, `ces check`).
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

struct OversizedAnswer {
    int status = 0;
    std::string raw;  // status line, headers and body as received
};

// Sends a POST like a browser or curl does: the body goes out in pieces and sending stops as
// soon as the server answers (a server may refuse a large body before reading it all).
OversizedAnswer postWithEarlyAnswer(int port, const std::string& path, const std::string& token,
                                    const std::string& body) {
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string head =
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer " + token +
        "\r\n" +
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    constexpr std::size_t kPiece = 16 * 1024;
    try {
        for (std::size_t sent = 0; sent < body.size(); sent += kPiece) {
            if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) break;
            const std::size_t piece = std::min(kPiece, body.size() - sent);
            socket.sendBytes(body.data() + sent, static_cast<int>(piece));
        }
    } catch (const Poco::Exception&) {
        // the server stopped reading; its answer is what matters
    }
    OversizedAnswer answer;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
            answer.raw.append(buffer, static_cast<std::size_t>(n));
            if (answer.raw.find("\r\n\r\n") != std::string::npos &&
                answer.raw.find("}") != std::string::npos) {
                break;
            }
        }
    } catch (const Poco::Exception&) {
        // a reset after the answer still leaves the answer
    }
    if (answer.raw.rfind("HTTP/1.1 ", 0) == 0) answer.status = std::stoi(answer.raw.substr(9, 3));
    return answer;
}

}  // namespace

TEST_CASE("health answers anyone with status ok and the database kind") {
    DemoCounty county;
    HttpClient client = county.anonymous();
    const Response response = client.get("/api/v1/health");
    INFO(response.describe());
    REQUIRE(response.status == 200);
    CHECK(response.content_type.find("application/json") == 0);
    const auto body = response.object();
    CHECK(body->getValue<std::string>("status") == "ok");
    CHECK(body->getValue<std::string>("db") == storeName());
}

TEST_CASE("signing in with the right password gives a bearer token that works") {
    DemoCounty county;
    HttpClient client = county.anonymous();
    const Response login =
        client.post("/api/v1/sessions",
                    jsonObject({{"username", "prescriber"}, {"password", "demo-prescriber"}}));
    INFO(login.describe());
    REQUIRE(login.status == 201);
    const auto body = login.object();
    const std::string token = body->getValue<std::string>("token");
    CHECK(token.size() >= 16);
    CHECK(body->getValue<std::string>("role") == "prescriber");
    const auto user = body->getObject("user");
    REQUIRE(user);
    CHECK(user->getValue<std::string>("username") == "prescriber");
    CHECK(user->has("id"));
    CHECK(user->has("team"));

    client.setToken(token);
    const Response orders = client.get("/api/v1/orders");
    INFO(orders.describe());
    CHECK(orders.status == 200);
}

TEST_CASE("signing in with a wrong password or an unknown user is refused with 401") {
    DemoCounty county;
    HttpClient client = county.anonymous();
    const Response wrong_password = client.post(
        "/api/v1/sessions", jsonObject({{"username", "prescriber"}, {"password", "demo-budget"}}));
    checkError(wrong_password, 401, "unauthenticated");
    CHECK(wrong_password.body.find("token") == std::string::npos);

    const Response unknown_user = client.post(
        "/api/v1/sessions", jsonObject({{"username", "nobody"}, {"password", "demo-nobody"}}));
    checkError(unknown_user, 401, "unauthenticated");
    // No hint whether the user exists.
    CHECK(unknown_user.object()->getObject("error")->getValue<std::string>("message") ==
          wrong_password.object()->getObject("error")->getValue<std::string>("message"));

    const Response missing_password =
        client.post("/api/v1/sessions", jsonObject({{"username", "prescriber"}}));
    checkError(missing_password, 400, "bad_request", "password");
}

TEST_CASE("staff endpoints refuse requests without a valid token with 401") {
    DemoCounty county;
    const std::vector<std::pair<std::string, std::string>> endpoints = {
        {"GET", "/api/v1/catalogue"},
        {"POST", "/api/v1/residents"},
        {"GET", "/api/v1/residents?nhs_number=9434765919"},
        {"GET", "/api/v1/residents/1"},
        {"POST", "/api/v1/orders"},
        {"GET", "/api/v1/orders"},
        {"GET", "/api/v1/orders/ORD-2026-000001"},
        {"POST", "/api/v1/orders/ORD-2026-000001/approve"},
        {"POST", "/api/v1/orders/ORD-2026-000001/cancel"},
        {"GET", "/api/v1/stock"},
        {"POST", "/api/v1/stock/adjustments"},
    };
    for (const std::string token : {"", "not-a-real-token"}) {
        HttpClient client = county.anonymous();
        client.setToken(token);
        for (const auto& [method, path] : endpoints) {
            CAPTURE(token);
            const std::optional<std::string> body =
                method == "POST" ? std::optional<std::string>("{}") : std::nullopt;
            checkError(client.send(method, path, body, {}), 401, "unauthenticated");
        }
    }
}

TEST_CASE("signing out ends the token") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    const Response before = prescriber.get("/api/v1/orders");
    INFO(before.describe());
    REQUIRE(before.status == 200);
    const Response sign_out = prescriber.del("/api/v1/sessions");
    INFO(sign_out.describe());
    CHECK((sign_out.status == 200 || sign_out.status == 204));
    checkError(prescriber.get("/api/v1/orders"), 401, "unauthenticated");
}

TEST_CASE("an unknown path answers 404 with the error body") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    checkError(prescriber.get("/api/v1/no-such-thing"), 404, "not_found");
    checkError(prescriber.get("/api/v1/orders/ORD-1999-999999"), 404, "not_found");
}

TEST_CASE("a body over 1 MiB is refused with 413") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    ResidentDetails resident = residentAt("ME14 1AD", numbers);
    resident.access_notes = std::string(1100 * 1024, 'x');
    const OversizedAnswer answer = postWithEarlyAnswer(
        county.port(), "/api/v1/residents", prescriber.token(), toJson(residentJson(resident)));
    INFO(answer.raw.substr(0, 600));
    CHECK(answer.status == 413);
    CHECK(answer.raw.find("\"too_large\"") != std::string::npos);

    HttpClient check = county.signIn("prescriber");
    const Response search = check.get("/api/v1/residents?nhs_number=" + resident.nhs_number);
    INFO(search.describe());
    CHECK(objectsIn(search.object(), "residents").empty());
}

TEST_CASE("serve exits cleanly on SIGTERM and leaves a database that checks ok") {
    DemoCounty county;
    HttpClient prescriber = county.signIn("prescriber");
    NhsNumbers numbers;
    createResident(prescriber, residentAt("ME14 1AD", numbers));

    const auto exit_code = county.server().stop(SIGTERM, 10'000);
    REQUIRE(exit_code.has_value());
    CHECK(*exit_code == 0);

    CHECK(checkDatabase(county.dbPath()) == "ok");
}

TEST_CASE("check reports a damaged database and exits 1") {
    if (testStore() != Store::sqlite) {
        MESSAGE("skipped on PostgreSQL: the test damages the pages of a SQLite file");
        return;
    }
    TempDir dir;
    const std::string db = copyDemoDatabase(dir);
    const std::string damaged = dir.file("damaged.db");
    std::filesystem::copy_file(db, damaged);
    const auto size = std::filesystem::file_size(damaged);
    REQUIRE(size > 8192);
    {
        // Keep the header page; overwrite every page after it.
        std::fstream file(damaged, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(4096);
        const std::string garbage(size - 4096, '\xA5');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    const CommandResult check = runCes({"check", "--db", damaged});
    INFO(check.output);
    CHECK(check.exit_code == 1);
    CHECK(lastNonEmptyLine(check.output) != "ok");
}
