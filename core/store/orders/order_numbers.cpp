#include "core/store/orders/order_numbers.h"

#include <cstdio>

namespace ces::store {

namespace {

const char* const kNextCounter =
    "INSERT INTO counters (name, value) VALUES ($1, 1) "
    "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value";

}  // namespace

std::string OrderNumber::reference() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "ORD-%d-%06lld", year, static_cast<long long>(number));
    return buffer;
}

OrderNumber nextOrderNumber(Connection& c, Instant now) {
    const auto year = static_cast<int>(
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
    return {year, c.query(kNextCounter, {"order-" + std::to_string(year)}).integer(0, 0)};
}

// Led by the number, a new order's token goes at the end of the tokens' unique index instead of
// on a random page of it (a page written for every order).
std::string trackingToken(const OrderNumber& number, const std::string& secret) {
    char prefix[24];
    std::snprintf(prefix, sizeof prefix, "%04x%08llx", static_cast<unsigned>(number.year) & 0xffff,
                  static_cast<unsigned long long>(number.number) & 0xffffffffULL);
    return prefix + secret;
}

}  // namespace ces::store
