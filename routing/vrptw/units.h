#pragma once
// Units of the VRPTW solver: a time and a distance are different quantities, so adding one to
// the other, comparing them or passing one for the other does not compile.
#include <limits>

namespace ces::routing {

/// A number in one unit. Both kinds hold a double: Solomon travel times are unrounded Euclidean
/// distances, and whole seconds or metres are exact in a double, so the service loses nothing.
/// Construction from a number and `.value()` are the only ways in and out.
template <typename Unit>
class Quantity {
  public:
    /// Zero.
    constexpr Quantity() = default;
    /// The quantity `value` in this unit.
    constexpr explicit Quantity(double value) : value_(value) {}
    /// The number in this unit.
    [[nodiscard]] constexpr double value() const { return value_; }
    /// Larger than any finite quantity.
    static constexpr Quantity infinity() {
        return Quantity(std::numeric_limits<double>::infinity());
    }

    friend constexpr Quantity operator+(Quantity a, Quantity b) {
        return Quantity(a.value_ + b.value_);
    }
    friend constexpr Quantity operator-(Quantity a, Quantity b) {
        return Quantity(a.value_ - b.value_);
    }
    friend constexpr Quantity operator-(Quantity a) { return Quantity(-a.value_); }
    friend constexpr Quantity operator*(Quantity a, double k) { return Quantity(a.value_ * k); }
    friend constexpr Quantity operator*(double k, Quantity a) { return Quantity(k * a.value_); }
    friend constexpr Quantity operator/(Quantity a, double k) { return Quantity(a.value_ / k); }
    /// How many times b fits in a: a plain number.
    friend constexpr double operator/(Quantity a, Quantity b) { return a.value_ / b.value_; }
    constexpr Quantity& operator+=(Quantity b) {
        value_ += b.value_;
        return *this;
    }
    constexpr Quantity& operator-=(Quantity b) {
        value_ -= b.value_;
        return *this;
    }
    // Each one plain double comparison (NaN compares false, as for a double).
    friend constexpr bool operator==(Quantity a, Quantity b) { return a.value_ == b.value_; }
    friend constexpr bool operator!=(Quantity a, Quantity b) { return a.value_ != b.value_; }
    friend constexpr bool operator<(Quantity a, Quantity b) { return a.value_ < b.value_; }
    friend constexpr bool operator<=(Quantity a, Quantity b) { return a.value_ <= b.value_; }
    friend constexpr bool operator>(Quantity a, Quantity b) { return a.value_ > b.value_; }
    friend constexpr bool operator>=(Quantity a, Quantity b) { return a.value_ >= b.value_; }

  private:
    double value_ = 0;
};

/// Unit tag of Time.
struct TimeUnit {};
/// Unit tag of Distance.
struct DistanceUnit {};

/// A point in time or a duration: whole seconds for the service (from midnight for points), the
/// file's unit for Solomon instances.
using Time = Quantity<TimeUnit>;

/// Travel cost of an arc: metres for the service, Solomon's Euclidean units for the benchmark.
/// A van's fixed cost is in the same unit.
using Distance = Quantity<DistanceUnit>;

/// No upper limit on a time (an open window).
inline constexpr Time kNoTimeLimit = Time::infinity();

/// Farther than any route: where a search for the cheapest insertion starts, and the cost of
/// one that found nothing.
inline constexpr Distance kInfiniteDistance = Distance::infinity();

}  // namespace ces::routing
