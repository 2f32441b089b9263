#pragma once
// Which driver is on which van on a day: one van a driver a day, several drivers a van (a
// two-person crew signs on twice).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// The van with `code` when it has a route in `day`'s plan.
std::optional<VanId> vanRoutedOn(Connection& c, std::chrono::year_month_day day,
                                 const std::string& code);
/// Puts `driver` on `van` for `day`, off any other van that day.
void signOnVan(Connection& c, std::chrono::year_month_day day, UserId driver, VanId van,
               Instant at);
/// The van `driver` signed on to for `day`, if any.
std::optional<VanId> vanSignedOn(Connection& c, std::chrono::year_month_day day, UserId driver);
struct DriverOnBoard {
    UserId id;
    std::string name;
};
/// The drivers signed on to `van` for `day`, in the order they signed on.
std::vector<DriverOnBoard> driversOnVan(Connection& c, std::chrono::year_month_day day, VanId van);

}  // namespace ces::store
