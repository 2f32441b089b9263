#pragma once
// The county's geography: postcodes (with district and deprivation), depots and which depot
// serves which district.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// Loads postcodes from the OS Code-Point derived CSV (shared/data/geo/kent_postcodes.csv
/// columns); answers the number of rows read. Replaces nothing already present.
std::size_t importPostcodes(Connection& c, std::istream& csv);
std::size_t postcodeCount(Connection& c);

/// The postcode's place, if known (`postcode` already normalised).
std::optional<PostcodeInfo> findPostcode(Connection& c, const std::string& postcode);

/// In-county postcodes of a district, in postcode order (for the demo generator).
std::vector<PostcodeInfo> postcodesInDistrict(Connection& c, const std::string& district);

/// A depot where equipment is stored and vans start.
struct Depot {
    DepotId id;
    std::string code;
    std::string name;
    std::string postcode;
    double lat = 0;
    double lon = 0;
};

DepotId createDepot(Connection& c, const Depot& depot);
void assignDistrictToDepot(Connection& c, const std::string& district, DepotId depot);
std::vector<Depot> listDepots(Connection& c);
std::optional<Depot> findDepotByCode(Connection& c, const std::string& code);
/// The depot that serves a district, if one is assigned.
std::optional<DepotId> servingDepot(Connection& c, const std::string& district);

/// Great-circle distance in metres (haversine), for nearest-depot choices.
double greatCircleMetres(double lat1, double lon1, double lat2, double lon2);

}  // namespace ces::store
