#include "core/store/admin/geography.h"

#include <Poco/Data/Binding.h>
#include <Poco/Data/Statement.h>

#include <cmath>
#include <numbers>

#include "core/csv.h"

namespace ces::store {

namespace {

const char* const kInsertPostcode =
    "INSERT INTO postcodes (postcode, lat, lon, district, in_county, lsoa, imd_decile) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (postcode) DO NOTHING";
const char* const kCountPostcodes = "SELECT COUNT(*) FROM postcodes";
const char* const kFindPostcode =
    "SELECT postcode, lat, lon, district, in_county, imd_decile FROM postcodes "
    "WHERE postcode = $1";
const char* const kPostcodesInDistrict =
    "SELECT postcode, lat, lon, district, in_county, imd_decile FROM postcodes "
    "WHERE district = $1 AND in_county = 1 ORDER BY postcode";
const char* const kInsertDepot =
    "INSERT INTO depots (code, name, postcode, lat, lon) VALUES ($1, $2, $3, $4, $5) RETURNING id";
const char* const kAssignDistrict =
    "INSERT INTO district_depots (district, depot_id) VALUES ($1, $2) "
    "ON CONFLICT (district) DO UPDATE SET depot_id = excluded.depot_id";
const char* const kListDepots =
    "SELECT id, code, name, postcode, lat, lon FROM depots ORDER BY code";
const char* const kServingDepot = "SELECT depot_id FROM district_depots WHERE district = $1";

std::vector<PostcodeInfo> postcodesFrom(const Rows& rows) {
    std::vector<PostcodeInfo> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PostcodeInfo info;
        info.postcode = rows.text(i, 0);
        info.lat = rows.real(i, 1);
        info.lon = rows.real(i, 2);
        info.district = rows.text(i, 3);
        info.inCounty = rows.integer(i, 4) == 1;
        if (!rows.isNull(i, 5)) info.imdDecile = static_cast<int>(rows.integer(i, 5));
        result.push_back(std::move(info));
    }
    return result;
}

}  // namespace

std::size_t importPostcodes(Connection& c, std::istream& csv) {
    CsvTable table(csv);
    // Column vectors bound once: one prepared statement for all rows.
    std::vector<std::string> postcodes, districts, lsoas;
    std::vector<double> lats, lons;
    std::vector<int> inCounty;
    std::vector<Poco::Nullable<int>> deciles;
    while (table.next()) {
        postcodes.push_back(table.field("postcode"));
        lats.push_back(std::stod(table.field("lat")));
        lons.push_back(std::stod(table.field("lon")));
        districts.push_back(table.field("district_name"));
        inCounty.push_back(table.field("kcc_area") == "1" ? 1 : 0);
        lsoas.push_back(table.field("lsoa11"));
        const auto& decile = table.field("imd2019_decile");
        deciles.push_back(decile.empty() ? Poco::Nullable<int>()
                                         : Poco::Nullable<int>(std::stoi(decile)));
    }
    using Poco::Data::Keywords::use;
    Poco::Data::Statement insert(c.session());
    insert << kInsertPostcode, use(postcodes), use(lats), use(lons), use(districts), use(inCounty),
        use(lsoas), use(deciles);
    insert.execute();
    return postcodes.size();
}

std::size_t postcodeCount(Connection& c) {
    return static_cast<std::size_t>(c.query(kCountPostcodes).integer(0, 0));
}

std::optional<PostcodeInfo> findPostcode(Connection& c, const std::string& postcode) {
    auto found = postcodesFrom(c.query(kFindPostcode, {postcode}));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<PostcodeInfo> postcodesInDistrict(Connection& c, const std::string& district) {
    return postcodesFrom(c.query(kPostcodesInDistrict, {district}));
}

DepotId createDepot(Connection& c, const Depot& depot) {
    return DepotId(
        c.insert(kInsertDepot, {depot.code, depot.name, depot.postcode, depot.lat, depot.lon}));
}

void assignDistrictToDepot(Connection& c, const std::string& district, DepotId depot) {
    c.execute(kAssignDistrict, {district, depot.value()});
}

std::vector<Depot> listDepots(Connection& c) {
    Rows rows = c.query(kListDepots);
    std::vector<Depot> depots;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        depots.push_back(Depot{DepotId(rows.integer(i, 0)), rows.text(i, 1), rows.text(i, 2),
                               rows.text(i, 3), rows.real(i, 4), rows.real(i, 5)});
    }
    return depots;
}

std::optional<Depot> findDepotByCode(Connection& c, const std::string& code) {
    for (auto& depot : listDepots(c)) {
        if (depot.code == code) return depot;
    }
    return std::nullopt;
}

std::optional<DepotId> servingDepot(Connection& c, const std::string& district) {
    Rows rows = c.query(kServingDepot, {district});
    if (rows.empty()) return std::nullopt;
    return DepotId(rows.integer(0, 0));
}

double greatCircleMetres(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kEarthRadiusMetres = 6371008.8;
    const double toRadians = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * toRadians;
    const double dLon = (lon2 - lon1) * toRadians;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * toRadians) * std::cos(lat2 * toRadians) * std::sin(dLon / 2) *
                         std::sin(dLon / 2);
    return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace ces::store
