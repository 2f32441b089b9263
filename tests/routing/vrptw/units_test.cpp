#include "routing/vrptw/units.h"

#include <doctest/doctest.h>

#include <concepts>

#include "routing/vrptw/problem.h"

using namespace ces::routing;

namespace {

template <typename A, typename B>
concept Addable = requires(A a, B b) {
    a + b;
};

template <typename A, typename B>
concept Comparable = requires(A a, B b) {
    a < b;
};

}  // namespace

// The point of the types: a time used as a distance, or a bare number used as either, is a
// compile error.
static_assert(!Addable<Time, Distance>);
static_assert(!Addable<Distance, Time>);
static_assert(!Addable<Time, double>);
static_assert(!Comparable<Time, Distance>);
static_assert(!Comparable<Distance, double>);
static_assert(!std::convertible_to<Time, Distance>);
static_assert(!std::convertible_to<Distance, Time>);
static_assert(!std::convertible_to<double, Time>);
static_assert(!std::convertible_to<Time, double>);
static_assert(!std::convertible_to<double, Distance>);
static_assert(!std::constructible_from<Distance, Time>);
static_assert(!std::constructible_from<TimeWindow, double, double>);
static_assert(sizeof(Time) == sizeof(double) && sizeof(Distance) == sizeof(double));

TEST_CASE("a quantity does the double's arithmetic, bit for bit") {
    const double a = 0.1;
    const double b = 0.2;
    CHECK((Distance(a) + Distance(b)).value() == a + b);
    CHECK((Time(a) - Time(b)).value() == a - b);
    CHECK((Time(a) * 3).value() == a * 3);
    CHECK((3 * Time(a)).value() == 3 * a);
    CHECK((Distance(a) / 7).value() == a / 7);
    CHECK(Distance(a) / Distance(b) == a / b);
    CHECK((-Time(a)).value() == -a);
    Distance sum;
    sum += Distance(a);
    sum -= Distance(b);
    CHECK(sum.value() == 0 + a - b);
}

TEST_CASE("quantities compare as their values, infinity above every finite one") {
    CHECK(Time(1) < Time(2));
    CHECK(Time(2) >= Time(2));
    CHECK(Distance(5) == Distance(5.0));
    CHECK(Distance() == Distance(0));
    CHECK(Distance(1e300) < kInfiniteDistance);
    CHECK(-kNoTimeLimit < Time(-1e300));
}
