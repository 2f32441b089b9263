// Who may read /metrics and whose X-Forwarded-For is believed: networks written as CIDR.
#include "web/http/address_ranges.h"

#include <doctest/doctest.h>

#include <stdexcept>

#include "web/http/request_log.h"

using namespace ces::web;

TEST_CASE("address ranges - a network holds its addresses and no others") {
    const auto ranges = AddressRanges::parse("10.0.0.0/8, 192.168.4.7, ::1/128");
    CHECK(ranges.contains("10.200.3.4"));
    CHECK(ranges.contains("192.168.4.7"));
    CHECK_FALSE(ranges.contains("192.168.4.8"));
    CHECK_FALSE(ranges.contains("11.0.0.1"));
    CHECK(ranges.contains("::1"));
    CHECK_FALSE(ranges.contains("::2"));
    CHECK_FALSE(ranges.contains("not an address"));
    CHECK(AddressRanges::parse("").empty());
}

TEST_CASE("address ranges - an entry that is not a network is refused, naming it") {
    CHECK_THROWS_WITH_AS(AddressRanges::parse("10.0.0.0/33"), "not a prefix length: 10.0.0.0/33",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(AddressRanges::parse("127.0.0.1, localhost"),
                         "not a network address: localhost", std::invalid_argument);
    CHECK_THROWS_AS(AddressRanges::parse("10.0.0.0/x"), std::invalid_argument);
}

TEST_CASE("request log - one JSON line with the route, never the path") {
    Request request;
    request.id = "c0ffee123456";
    request.method = "GET";
    request.path = "/api/v1/track/a5f1c0ffee";
    request.route = "/api/v1/track/{token}";
    request.userId = 42;
    const std::string line = requestLogLine(request, 404, std::chrono::microseconds(1500),
                                            ces::Instant(std::chrono::seconds(1'800'000'000)));
    CHECK(line ==
          R"({"time":"2027-01-15T08:00:00Z","level":"info","request_id":"c0ffee123456",)"
          R"("method":"GET","route":"/api/v1/track/{token}","status":404,"duration_ms":1.5,)"
          R"("user_id":42})");
    request.route.clear();
    request.userId = 0;
    const std::string unmatched = requestLogLine(request, 500, std::chrono::milliseconds(2),
                                                 ces::Instant(std::chrono::seconds(0)));
    CHECK(unmatched.find("\"route\":null") != std::string::npos);
    CHECK(unmatched.find("\"user_id\":null") != std::string::npos);
    CHECK(unmatched.find("\"level\":\"error\"") != std::string::npos);
    CHECK(unmatched.find("a5f1c0ffee") == std::string::npos);
}
