#pragma once
// Which OpenStreetMap ways a van drives, in which directions, and how fast. Pure rules over
// tag values, so they are tested without any OpenStreetMap file.
#include <optional>
#include <string_view>

namespace ces::routing {

/// The tags of a way that matter for driving; an absent tag is an empty view.
struct WayTags {
    std::string_view highway;       ///< Road class: motorway, primary, residential, ...
    std::string_view maxspeed;      ///< Legal limit: "50", "30 mph", "none", "GB:nsl_single".
    std::string_view oneway;        ///< yes/1/true, -1/reverse, no, reversible.
    std::string_view junction;      ///< roundabout and circular imply one-way.
    std::string_view access;        ///< General access; no/private excludes the way.
    std::string_view vehicle;       ///< Overrides access for vehicles.
    std::string_view motorVehicle;  ///< motor_vehicle=*: overrides vehicle.
    std::string_view motorcar;      ///< motorcar=*: the most specific for a van.
    std::string_view area;          ///< area=yes: a square or car park outline, not a road.
};

/// How a van may use a way; a speed of 0 means that direction is closed.
struct WayRule {
    double forwardKmh = 0.0;   ///< Along the way's node order.
    double backwardKmh = 0.0;  ///< Against it.
};

/// Typical free-flow speed of a van on a road class, in km/h, used when a way has no
/// usable maxspeed; empty for classes a van does not drive (footway, track, construction...).
/// Values (roughly UK: national limits less bends, junctions and traffic):
/// motorway 90, trunk 70, primary 55, secondary 45, tertiary 40, unclassified 30,
/// residential 25, service 15, living_street 10, road (unclassified by mappers) 25;
/// *_link roads about 60% of their class.
std::optional<double> defaultSpeedKmh(std::string_view highway);

/// The legal limit in km/h from a maxspeed value: plain km/h ("50"), with a unit ("30 mph",
/// "50 km/h", "10 knots"), UK national limits ("GB:nsl_single" 60 mph, "GB:nsl_dual" and
/// "GB:motorway" 70 mph), zone codes ("DE:urban", "FR:zone30"); several values separated by
/// ';' give the lowest. Empty for "none", "signals", "variable" and anything unreadable:
/// the road class then decides.
std::optional<double> parseMaxspeedKmh(std::string_view value);

/// Share of the legal limit a van averages where a maxspeed is tagged (the value OSRM's car
/// profile uses): limits are maxima, not what traffic, bends and junctions allow.
inline constexpr double kMaxspeedShare = 0.8;
/// Speeds are kept within these bounds so that a mistyped tag ("maxspeed=1") cannot make a
/// road useless or a residential street a motorway.
inline constexpr double kMinSpeedKmh = 5.0;
inline constexpr double kMaxSpeedKmh = 130.0;

/// The rule for a way, or empty when a van may not drive it at all (not a road class we
/// drive, access no/private, reversible one-way, area).
std::optional<WayRule> wayRule(const WayTags& tags);

}  // namespace ces::routing
