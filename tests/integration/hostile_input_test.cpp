// Hostile input over HTTP: malformed JSON, wrong types, oversized bodies, unknown fields, bad
// NHS numbers, postcodes and dates, SQL and script injection in every text field of resident
// and order creation; tracking rate limits per reference and per client address; token
// strength; security headers; the password hashing cost.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "../../core/credentials.h"
#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

// OWASP's minimum for Argon2id: 19 MiB of memory and 2 passes.
static_assert(ces::kPasswordMemoryBytes >= 19 * 1024 * 1024 && ces::kPasswordPasses >= 2);

namespace {

const std::vector<std::string> kInjections = {"Robert'); DROP TABLE residents;--", "' OR '1'='1",
                                              "<script>alert(1)</script>",
                                              "\"><img src=x onerror=alert(1)>"};

// Rows of an exported table (the admin's open export: one JSON object per line).
std::size_t rowCount(HttpClient& admin, const std::string& table) {
    const Response json = admin.get("/api/v1/export/" + table + ".json");
    INFO(json.describe().substr(0, 300));
    REQUIRE(json.status == 200);
    return static_cast<std::size_t>(std::count(json.body.begin(), json.body.end(), '\n')) - 1;
}

// The residents and orders tables, counted before and after the hostile requests.
struct Counts {
    std::size_t residents = 0;
    std::size_t orders = 0;
    bool operator==(const Counts&) const = default;
};

Counts counts(HttpClient& admin) {
    return {rowCount(admin, "residents"), rowCount(admin, "orders")};
}

struct RawAnswer {
    int status = 0;
    std::string body;
    Poco::Net::HTTPResponse headers;
};

// One request on a new connection, optionally from another loopback address (127.0.0.N), so
// the server sees a different client.
RawAnswer raw(int port, const std::string& method, const std::string& path,
              const std::string& body = "", const std::string& from = "127.0.0.1") {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
    socket.impl()->bind(Poco::Net::SocketAddress(from, 0), false);
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    Poco::Net::HTTPClientSession session(socket);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost("127.0.0.1", static_cast<Poco::UInt16>(port));
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    RawAnswer answer;
    std::istream& in = session.receiveResponse(answer.headers);
    Poco::StreamCopier::copyToString(in, answer.body);
    answer.status = static_cast<int>(answer.headers.getStatus());
    return answer;
}

// Sends a POST of `body` as the bytes a client would write (with Content-Length, or chunked),
// stopping as soon as the server answers: a server refuses a large body before reading it all.
Response sendOversized(int port, const std::string& path, const std::string& token,
                       const std::string& body, bool chunked) {
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.empty()) head += "Authorization: Bearer " + token + "\r\n";
    head += "Content-Type: application/json\r\n";
    head += chunked ? std::string("Transfer-Encoding: chunked\r\n\r\n")
                    : "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    constexpr std::size_t kPiece = 16 * 1024;
    try {
        for (std::size_t sent = 0; sent < body.size(); sent += kPiece) {
            if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) break;
            const std::size_t size = std::min(kPiece, body.size() - sent);
            std::string piece = body.substr(sent, size);
            if (chunked) {
                std::ostringstream framed;
                framed << std::hex << size << "\r\n" << piece << "\r\n";
                piece = framed.str();
            }
            socket.sendBytes(piece.data(), static_cast<int>(piece.size()));
        }
        if (chunked) socket.sendBytes("0\r\n\r\n", 5);
    } catch (const Poco::Exception&) {
        // the server stopped reading; its answer is what matters
    }
    std::string raw;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) {
            raw.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (const Poco::Exception&) {
        // a reset after the answer still leaves the answer
    }
    Response response;
    response.method = chunked ? "POST (chunked)" : "POST";
    response.path = path;
    response.request_body = "(" + std::to_string(body.size()) + " bytes)";
    if (raw.rfind("HTTP/1.1 ", 0) == 0) response.status = std::stoi(raw.substr(9, 3));
    if (const auto split = raw.find("\r\n\r\n"); split != std::string::npos) {
        response.body = raw.substr(split + 4);
    }
    return response;
}

Response asResponse(const RawAnswer& answer, const std::string& method, const std::string& path,
                    const std::string& body) {
    Response response;
    response.method = method;
    response.path = path;
    response.request_body = body;
    response.status = answer.status;
    response.body = answer.body;
    return response;
}

// A county with a prescriber, the admin (to count rows) and a resident to order for.
struct HostileFixture {
    DemoCounty county;
    NhsNumbers numbers;
    HttpClient prescriber = county.signIn("prescriber");
    HttpClient admin = county.signIn("admin");
    CreatedResident resident;

    HostileFixture() {
        HttpClient warehouse = county.signIn("warehouse");
        adjustStock(warehouse, "WKD", "KCE-MOB-002", 10);
        resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    }

    Poco::JSON::Object::Ptr residentBody() { return residentJson(residentAt("ME14 1AD", numbers)); }
    Poco::JSON::Object::Ptr orderBody() {
        return orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}});
    }
};

}  // namespace

TEST_CASE("malformed JSON and wrong types answer 400 naming the field and write nothing") {
    HostileFixture f;
    const Counts before = counts(f.admin);
    for (const std::string path : {"/api/v1/residents", "/api/v1/orders"}) {
        CAPTURE(path);
        for (const std::string body : {"", "{", "{\"a\":}", "{}x", "null", "\"text\"", "42", "[]",
                                       "{\"name\": \"\\ud800\"", "\xff\xfe{}"}) {
            const Response response = f.prescriber.post(path, body);
            INFO(response.describe());
            CHECK(response.status == 400);
            CHECK(response.errorCode() == "bad_request");
        }
        // Nesting deep enough to exhaust a recursive parser's stack.
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const Response nested = f.prescriber.post(path, deep);
        CHECK(nested.status == 400);
    }
    auto resident = f.residentBody();
    resident->set("nhs_number", 9434765919LL);
    checkError(f.prescriber.post("/api/v1/residents", resident), 400, "bad_request", "nhs_number");
    resident = f.residentBody();
    resident->set("date_of_birth", jsonArray({"1950-01-01"}));
    checkError(f.prescriber.post("/api/v1/residents", resident), 400, "bad_request",
               "date_of_birth");
    resident = f.residentBody();
    resident->set("access_notes", jsonObject({{"text", "x"}}));
    checkError(f.prescriber.post("/api/v1/residents", resident), 400, "bad_request",
               "access_notes");

    auto order = f.orderBody();
    order->set("resident_id", f.resident.id.toString());
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "resident_id");
    order = f.orderBody();
    order->getArray("lines")->getObject(0)->set("quantity", 1.5);
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "lines[0].quantity");
    order = f.orderBody();
    order->set("speed", 5);
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "speed");
    order = f.orderBody();
    order->set("lines", jsonObject({{"item_code", "KCE-MOB-002"}}));
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "lines");
    order = f.orderBody();
    order->set("notes", true);
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "notes");
    CHECK(counts(f.admin) == before);
}

TEST_CASE("unknown fields and oversized bodies are refused and write nothing") {
    HostileFixture f;
    const Counts before = counts(f.admin);
    auto resident = f.residentBody();
    resident->set("is_admin", true);
    checkError(f.prescriber.post("/api/v1/residents", resident), 400, "bad_request", "is_admin");
    auto order = f.orderBody();
    order->set("total_pence", 0);
    checkError(f.prescriber.post("/api/v1/orders", order), 400, "bad_request", "total_pence");
    order = f.orderBody();
    order->getArray("lines")->getObject(0)->set("unit_price_pence", 1);
    const Response line_field = f.prescriber.post("/api/v1/orders", order);
    INFO(line_field.describe());
    CHECK(line_field.status == 400);
    CHECK(line_field.errorField().value_or("").find("unit_price_pence") != std::string::npos);

    // Over the 1 MiB limit, declared or streamed: refused, whatever the endpoint.
    auto big = f.orderBody();
    big->set("notes", std::string(1100 * 1024, 'x'));
    const std::string oversized = toJson(big);
    for (const bool chunked : {false, true}) {
        CAPTURE(chunked);
        for (const std::string path : {"/api/v1/residents", "/api/v1/orders", "/api/v1/track"}) {
            checkError(
                sendOversized(f.county.port(), path, f.prescriber.token(), oversized, chunked), 413,
                "too_large");
        }
    }
    CHECK(counts(f.admin) == before);
}

TEST_CASE("bad NHS numbers, postcodes, dates, phones, lengths, quantities, prices answer 422") {
    HostileFixture f;
    const Counts before = counts(f.admin);
    const auto refuse = [&](const std::string& field, const std::string& value) {
        auto body = f.residentBody();
        body->set(field, value);
        CAPTURE(value);
        checkError(f.prescriber.post("/api/v1/residents", body), 422, "validation", field);
    };
    for (const std::string nhs : {"943 476 5918", "94347659190", "ABCDEFGHIJ", "0000000001",
                                  "943476591", "9434765919; --", "", "   "}) {
        const Response response = [&] {
            auto body = f.residentBody();
            body->set("nhs_number", nhs);
            return f.prescriber.post("/api/v1/residents", body);
        }();
        INFO(response.describe());
        CHECK((response.status == 422 || response.status == 400));
        CHECK(response.errorField() == std::optional<std::string>("nhs_number"));
    }
    for (const std::string postcode : {"ME1 1AA", "ZZ99 9ZZ", "SW1A 1AA", "not a postcode",
                                       "ME14' OR '1'='1", "<b>ME14 1AD</b>"}) {
        refuse("postcode", postcode);
    }
    for (const std::string date : {"2026-02-30", "1950-13-01", "01/02/1950", "1800-01-01",
                                   "2999-01-01", "1950-1-1", "yesterday", "1950-01-01T00:00:00Z"}) {
        refuse("date_of_birth", date);
    }
    for (const long long quantity : {0LL, -1LL, -2147483649LL, 1000000000000LL}) {
        CAPTURE(quantity);
        auto order = f.orderBody();
        order->getArray("lines")->getObject(0)->set("quantity", quantity);
        checkError(f.prescriber.post("/api/v1/orders", order), 422, "validation",
                   "lines[0].quantity");
    }
    for (const std::string phone :
         {"phone me", "01622 123456 ext 2", "+1 212 555 0100", "1622 123456", "0162212",
          "01622 123456 789", "07700 900123 07700 900123", "(01622) 123456"}) {
        refuse("phone", phone);
    }
    // Never cut short: one character over a field's maximum is refused, naming the field.
    refuse("name", std::string(201, 'n'));
    refuse("address_line1", std::string(201, 'a'));
    refuse("town", std::string(101, 't'));
    refuse("access_notes", std::string(1001, 'x'));
    auto longNotes = f.orderBody();
    longNotes->set("notes", std::string(2001, 'x'));
    checkError(f.prescriber.post("/api/v1/orders", longNotes), 422, "validation", "notes");
    for (const long long price : {0LL, -1LL, -100LL}) {
        CAPTURE(price);
        auto order = f.orderBody();
        order->set("specials", jsonArray({jsonObject({{"description", "bespoke chair"},
                                                      {"estimated_price_pence", price}})}));
        checkError(f.prescriber.post("/api/v1/orders", order), 422, "validation",
                   "specials[0].estimated_price_pence");
    }
    CHECK(counts(f.admin) == before);
}

TEST_CASE("text at its maximum length and a +44 phone are stored whole") {
    HostileFixture f;
    auto body = f.residentBody();
    body->set("name", std::string(200, 'n'));
    body->set("access_notes", std::string(1000, 'x'));
    body->set("phone", "  +44 7700   900123 ");
    const Response created = f.prescriber.post("/api/v1/residents", body);
    INFO(created.describe());
    REQUIRE(created.status == 201);
    const Response stored =
        f.prescriber.get("/api/v1/residents/" + created.object()->get("id").toString());
    REQUIRE(stored.status == 200);
    CHECK(stored.object()->getValue<std::string>("name") == std::string(200, 'n'));
    CHECK(stored.object()->getValue<std::string>("access_notes") == std::string(1000, 'x'));
    CHECK(stored.object()->getValue<std::string>("phone") == "+44 7700 900123");
}

TEST_CASE("injection strings in resident and order text fields are refused or stored inert") {
    HostileFixture f;
    // Fields with a format refuse them, naming the field; free text (a name such as O'Brien, an
    // access note) is kept exactly as typed and only ever used as a bound parameter and escaped
    // output.
    const std::set<std::string> formatted = {"nhs_number", "date_of_birth", "postcode"};
    for (const std::string field : {"nhs_number", "name", "date_of_birth", "address_line1", "town",
                                    "postcode", "phone", "access_notes"}) {
        for (const auto& injection : kInjections) {
            CAPTURE(field);
            CAPTURE(injection);
            const Counts before = counts(f.admin);
            auto body = f.residentBody();
            body->set(field, injection);
            const Response response = f.prescriber.post("/api/v1/residents", body);
            INFO(response.describe());
            if (formatted.count(field) == 1 || response.status >= 400) {
                CHECK((response.status == 400 || response.status == 422));
                CHECK(response.errorField() == std::optional<std::string>(field));
                CHECK(counts(f.admin) == before);
                continue;
            }
            REQUIRE(response.status == 201);
            const Response stored =
                f.prescriber.get("/api/v1/residents/" + response.object()->get("id").toString());
            REQUIRE(stored.status == 200);
            CHECK(stored.object()->getValue<std::string>(field) == injection);
            CHECK(stored.content_type.find("application/json") == 0);
            const Counts after = counts(f.admin);
            CHECK(after.residents == before.residents + 1);
            CHECK(after.orders == before.orders);
        }
    }
    for (const auto& injection : kInjections) {
        CAPTURE(injection);
        const Counts before = counts(f.admin);
        auto order = f.orderBody();
        order->set("speed", injection);
        checkError(f.prescriber.post("/api/v1/orders", order), 422, "validation", "speed");
        order = f.orderBody();
        order->getArray("lines")->getObject(0)->set("item_code", injection);
        checkError(f.prescriber.post("/api/v1/orders", order), 422, "validation",
                   "lines[0].item_code");
        CHECK(counts(f.admin) == before);

        order = f.orderBody();
        order->set("notes", injection);
        const Response noted = f.prescriber.post("/api/v1/orders", order);
        INFO(noted.describe());
        REQUIRE(noted.status == 201);
        const Response read = f.prescriber.get("/api/v1/orders/" +
                                               noted.object()->getValue<std::string>("reference"));
        REQUIRE(read.status == 200);
        CHECK(read.object()->getValue<std::string>("notes") == injection);
        CHECK(counts(f.admin).orders == before.orders + 1);
    }
    // The tables are all still there and answer.
    CHECK(counts(f.admin).residents > 0);
    CHECK(listOrders(f.prescriber).size() > 0);

    // A page showing a script-like name and note escapes them.
    ResidentDetails scripted = residentAt("ME14 1AD", f.numbers);
    scripted.name = "<script>alert(1)</script>";
    const CreatedResident resident = createResident(f.prescriber, scripted);
    auto order = orderJson(resident.id, "5_day", {{"KCE-MOB-002", 1}});
    order->set("notes", "<img src=x onerror=alert(2)>");
    const Response placed = f.prescriber.post("/api/v1/orders", order);
    REQUIRE(placed.status == 201);
    const std::string path = "/orders/" + placed.object()->getValue<std::string>("reference");
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(f.county.port()));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Cookie", "ces_session=" + f.prescriber.token());
    session.sendRequest(request);
    Poco::Net::HTTPResponse answer;
    std::string html;
    Poco::StreamCopier::copyToString(session.receiveResponse(answer), html);
    INFO(path << " -> " << answer.getStatus());
    REQUIRE(answer.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    CHECK(html.find("<script>alert(1)") == std::string::npos);
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)") != std::string::npos);
}

TEST_CASE("more than five wrong tracking tries per reference or per client address answer 429") {
    HostileFixture f;
    const ResidentDetails details = residentAt("CT1 2AA", f.numbers);
    const CreatedResident created = createResident(f.prescriber, details);
    HttpClient warehouse = f.county.signIn("warehouse");
    adjustStock(warehouse, "EKD", "KCE-MOB-002", 5);
    const CreatedOrder order = createOrder(f.prescriber, created.id, {{"KCE-MOB-002", 1}});
    const int port = f.county.port();
    const auto track = [&](const std::string& reference, const std::string& postcode,
                           const std::string& from) {
        const std::string body = toJson(jsonObject({{"reference", reference},
                                                    {"postcode", postcode},
                                                    {"date_of_birth", details.date_of_birth}}));
        return asResponse(raw(port, "POST", "/api/v1/track", body, from), "POST",
                          "/api/v1/track from " + from, body);
    };

    SUBCASE("per reference, from five different addresses") {
        for (int n = 2; n <= 6; ++n) {
            checkError(track(order.reference, "CT9 1AA", "127.0.0." + std::to_string(n)), 404,
                       "not_found");
        }
        // A sixth address, even with the right details: the reference is locked.
        const RawAnswer locked = raw(port, "POST", "/api/v1/track",
                                     toJson(jsonObject({{"reference", order.reference},
                                                        {"postcode", details.postcode},
                                                        {"date_of_birth", details.date_of_birth}})),
                                     "127.0.0.7");
        checkError(asResponse(locked, "POST", "/api/v1/track", ""), 429, "rate_limited");
        CHECK(!locked.headers.get("Retry-After", "").empty());
    }
    SUBCASE("per address, over five different references") {
        const std::string prefix = order.reference.substr(0, 9);
        for (int n = 1; n <= 5; ++n) {
            checkError(track(prefix + "99999" + std::to_string(n), "CT1 2AA", "127.0.0.8"), 404,
                       "not_found");
        }
        checkError(track(order.reference, details.postcode, "127.0.0.8"), 429, "rate_limited");
        // Another address with the right details is not held up.
        const Response other = track(order.reference, details.postcode, "127.0.0.9");
        INFO(other.describe());
        CHECK(other.status == 200);
    }
    SUBCASE("guessing tracking links from one address") {
        for (int n = 1; n <= 5; ++n) {
            const std::string guess = std::string(32, static_cast<char>('a' + n));
            checkError(asResponse(raw(port, "GET", "/api/v1/track/" + guess, "", "127.0.0.10"),
                                  "GET", "/api/v1/track/" + guess, ""),
                       404, "not_found");
        }
        checkError(
            asResponse(raw(port, "GET", "/api/v1/track/" + order.tracking_token, "", "127.0.0.10"),
                       "GET", "/api/v1/track/(real token)", ""),
            429, "rate_limited");
    }
}

TEST_CASE("session and tracking tokens carry at least 128 random bits and do not repeat") {
    HostileFixture f;
    const auto hexOfAtLeast128Bits = [](const std::string& token) {
        return token.size() >= 32 &&
               token.find_first_not_of("0123456789abcdef") == std::string::npos;
    };
    std::set<std::string> sessions;
    for (int n = 0; n < 20; ++n) {
        const HttpClient client = f.county.signIn("prescriber");
        CHECK(hexOfAtLeast128Bits(client.token()));
        sessions.insert(client.token());
    }
    CHECK(sessions.size() == 20);

    // Every order's tracking token (the demo's history plus new ones, 1,000 at least).
    HttpClient warehouse = f.county.signIn("warehouse");
    adjustStock(warehouse, "WKD", "KCE-MOB-002", 1000);
    const auto tokens = [&] {
        const Response orders = f.admin.get("/api/v1/export/orders.json");
        REQUIRE(orders.status == 200);
        std::vector<std::string> found;
        const auto array = orders.json().extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i) {
            found.push_back(array->getObject(static_cast<unsigned>(i))
                                ->getValue<std::string>("tracking_token"));
        }
        return found;
    };
    std::vector<std::string> issued = tokens();
    while (issued.size() < 1000) {
        for (std::size_t n = issued.size(); n < 1000; ++n) {
            createOrder(f.prescriber, f.resident.id, {{"KCE-MOB-002", 1}});
        }
        issued = tokens();
    }
    CHECK(issued.size() >= 1000);
    CHECK(std::all_of(issued.begin(), issued.end(), hexOfAtLeast128Bits));
    CHECK(std::set<std::string>(issued.begin(), issued.end()).size() == issued.size());
}

TEST_CASE("API and page answers carry the security headers") {
    HostileFixture f;
    const int port = f.county.port();
    for (const std::string path : {"/api/v1/health", "/api/v1/orders", "/api/v1/no-such-thing",
                                   "/track", "/sign-in", "/orders"}) {
        const RawAnswer answer = raw(port, "GET", path);
        INFO(path << " -> " << answer.status);
        const std::string csp = answer.headers.get("Content-Security-Policy", "");
        CHECK(!csp.empty());
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(csp.find("unsafe-eval") == std::string::npos);
        CHECK((csp.find("script-src 'self'") != std::string::npos ||
               csp.find("default-src 'self'") != std::string::npos));
        CHECK(answer.headers.get("X-Content-Type-Options", "") == "nosniff");
        CHECK(!answer.headers.get("Referrer-Policy", "").empty());
    }
}

TEST_CASE("every password is stored as Argon2id with at least 19 MiB and 2 passes") {
    HostileFixture f;
    const Response users = f.admin.get("/api/v1/export/users.json");
    REQUIRE(users.status == 200);
    const auto array = users.json().extract<Poco::JSON::Array::Ptr>();
    REQUIRE(array->size() >= 10);
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string hash =
            array->getObject(static_cast<unsigned>(i))->getValue<std::string>("password_hash");
        CAPTURE(hash.substr(0, 24));
        REQUIRE(hash.starts_with("$argon2id$v=19$m="));
        const std::string memory_kib = hash.substr(17, hash.find(',') - 17);
        CHECK(std::atol(memory_kib.c_str()) >= 19 * 1024);
        const std::size_t passes = hash.find(",t=");
        REQUIRE(passes != std::string::npos);
        CHECK(std::atol(hash.c_str() + passes + 3) >= 2);
    }
}
