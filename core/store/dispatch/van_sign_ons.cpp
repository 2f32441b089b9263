#include "core/store/dispatch/van_sign_ons.h"

namespace ces::store {

namespace {

const char* const kSignOn =
    "INSERT INTO van_sign_ons (plan_date, user_id, van_id, signed_on_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (plan_date, user_id) DO UPDATE SET van_id = excluded.van_id, "
    "signed_on_at = excluded.signed_on_at";
const char* const kRoutedVan =
    "SELECT v.id FROM plan_routes r JOIN vans v ON v.id = r.van_id "
    "WHERE r.plan_date = $1 AND v.code = $2";
const char* const kVanOf = "SELECT van_id FROM van_sign_ons WHERE plan_date = $1 AND user_id = $2";
const char* const kDriversOf =
    "SELECT u.id, u.display_name FROM van_sign_ons s JOIN users u ON u.id = s.user_id "
    "WHERE s.plan_date = $1 AND s.van_id = $2 ORDER BY s.signed_on_at, u.id";

}  // namespace

std::optional<VanId> vanRoutedOn(Connection& c, std::chrono::year_month_day day,
                                 const std::string& code) {
    Rows rows = c.query(kRoutedVan, {formatDate(day), code});
    if (rows.empty()) return std::nullopt;
    return VanId(rows.integer(0, 0));
}

void signOnVan(Connection& c, std::chrono::year_month_day day, UserId driver, VanId van,
               Instant at) {
    c.execute(kSignOn, {formatDate(day), driver.value(), van.value(), formatInstant(at)});
}

std::optional<VanId> vanSignedOn(Connection& c, std::chrono::year_month_day day, UserId driver) {
    Rows rows = c.query(kVanOf, {formatDate(day), driver.value()});
    if (rows.empty()) return std::nullopt;
    return VanId(rows.integer(0, 0));
}

std::vector<DriverOnBoard> driversOnVan(Connection& c, std::chrono::year_month_day day, VanId van) {
    Rows rows = c.query(kDriversOf, {formatDate(day), van.value()});
    std::vector<DriverOnBoard> drivers;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        drivers.push_back({UserId(rows.integer(i, 0)), rows.text(i, 1)});
    }
    return drivers;
}

}  // namespace ces::store
