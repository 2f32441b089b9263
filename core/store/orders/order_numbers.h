#pragma once
// An order's reference (ORD-2026-000123) and its resident's tracking token, drawn from a counter
// per year in the caller's write.
#include <cstdint>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// An order's number within its year (ORD-2026-000123 is number 123 of 2026).
struct OrderNumber {
    int year = 0;
    std::int64_t number = 0;
    std::string reference() const;
};

/// The next number of the year `now` falls in.
OrderNumber nextOrderNumber(Connection& c, Instant now);

/// The resident's tracking link: the order's number, then the secret (128 random bits drawn
/// when the order was planned).
std::string trackingToken(const OrderNumber& number, const std::string& secret);

}  // namespace ces::store
