#include "routing/vrptw/solomon_reader.h"

#include <doctest/doctest.h>

#include <sstream>

#include "tests/routing/vrptw/test_problems.h"

using namespace ces::routing;

namespace {

const char* const kTiny =
    "TINY1\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  3         50\r\n\r\nCUSTOMER\r\n"
    "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n"
    "    0      0         0          0          0       100          0\r\n"
    "    1      3         4         10          0        50          5\r\n"
    "    7      6         8         20         10        60          5\r\n";

SolomonInstance parse(const std::string& text) {
    std::istringstream in(text);
    return readSolomon(in);
}

}  // namespace

TEST_CASE("reads a Solomon file with CRLF line ends") {
    const SolomonInstance instance = parse(kTiny);
    CHECK(instance.name == "TINY1");
    REQUIRE(instance.problem.jobs().size() == 2);
    CHECK(instance.customerNumbers == std::vector<long>{1, 7});
    CHECK(instance.problem.vehicles().size() == 3);
    CHECK(instance.problem.vehicles()[0].capacity == 50);
    CHECK(instance.problem.vehicles()[0].shift.end() == Time(100));
    CHECK(instance.problem.jobs()[1].demand == 20);
    CHECK(instance.problem.jobs()[1].windows.front().start() == Time(10));
    CHECK(instance.problem.matrix().distance(0, 1).value() == doctest::Approx(5.0));
    CHECK(instance.problem.matrix().duration(1, 2).value() == doctest::Approx(5.0));
}

TEST_CASE("malformed Solomon files raise InputError, never crash") {
    const std::string good = kTiny;
    CHECK_THROWS_AS(parse(""), InputError);
    CHECK_THROWS_AS(parse("NAME\n"), InputError);
    CHECK_THROWS_AS(parse("NAME\nVEHICLE\nNUMBER CAPACITY\n"), InputError);
    CHECK_THROWS_AS(parse("NAME\nVEHICLE\nNUMBER CAPACITY\n3 x\nCUSTOMER\nh\n0 0 0 0 0 9 0\n"),
                    InputError);
    CHECK_THROWS_AS(parse("NAME\nVEHICLE\nNUMBER CAPACITY\n0 10\nCUSTOMER\nh\n0 0 0 0 0 9 0\n"),
                    InputError);
    CHECK_THROWS_AS(parse("NAME\nVEHICLE\nNUMBER CAPACITY\n3 10\n"), InputError);
    CHECK_THROWS_AS(parse("NAME\nVEHICLE\nNUMBER CAPACITY\n3 10\nCUSTOMER\nheader\n"), InputError);
    // A row with a missing field, a due date before the ready time, a negative demand.
    CHECK_THROWS_AS(parse(good + "8 1 1 1 0 10\n"), InputError);
    CHECK_THROWS_AS(parse(good + "8 1 1 1 20 10 0\n"), InputError);
    CHECK_THROWS_AS(parse(good + "8 1 1 -1 0 10 0\n"), InputError);
    CHECK_THROWS_AS(parse(good + "8 1 1 1 0 10 nan\n"), InputError);
    CHECK_THROWS_AS(readSolomonFile("/nonexistent/file.txt"), InputError);
}

TEST_CASE("reads the Solomon C101 benchmark file") {
    const SolomonInstance instance =
        readSolomonFile(test::sharedDataDir() + "/vrptw/solomon/C101.txt");
    CHECK(instance.name == "C101");
    CHECK(instance.problem.jobs().size() == 100);
    CHECK(instance.problem.vehicles().size() == 25);
    CHECK(instance.problem.vehicles()[0].capacity == 200);
    CHECK(instance.problem.vehicles()[0].shift.end() == Time(1236));
}
