#include "routing/graph/road_tags.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <utility>

namespace ces::routing {

namespace {

constexpr double kKmhPerMph = 1.609344;
constexpr double kKmhPerKnot = 1.852;

struct ClassSpeed {
    std::string_view highway;
    double kmh;
};

constexpr std::array<ClassSpeed, 15> kClassSpeeds{{
    {"motorway", 90.0},
    {"motorway_link", 45.0},
    {"trunk", 70.0},
    {"trunk_link", 40.0},
    {"primary", 55.0},
    {"primary_link", 35.0},
    {"secondary", 45.0},
    {"secondary_link", 30.0},
    {"tertiary", 40.0},
    {"tertiary_link", 25.0},
    {"unclassified", 30.0},
    {"residential", 25.0},
    {"living_street", 10.0},
    {"service", 15.0},
    {"road", 25.0},  // Not yet classified by mappers; treat as a residential street.
}};

// Zone codes whose speed does not depend on the country (the part after the colon).
constexpr std::array<ClassSpeed, 5> kZoneSpeeds{{
    {"urban", 50.0},
    {"rural", 90.0},
    {"motorway", 120.0},
    {"living_street", 20.0},
    {"walk", 7.0},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "50", "30 mph", "50km/h", "10 knots"; anything else is unreadable.
std::optional<double> parseNumberWithUnit(std::string_view value) {
    double number = 0.0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end == value.data() || !(number > 0.0)) return std::nullopt;
    const std::string unit = lower(trim(std::string_view(end, value.data() + value.size() - end)));
    if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") return number;
    if (unit == "mph") return number * kKmhPerMph;
    if (unit == "knots") return number * kKmhPerKnot;
    return std::nullopt;
}

std::optional<double> parseZone(std::string_view value) {
    const auto colon = value.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string country = lower(value.substr(0, colon));
    const std::string zone = lower(value.substr(colon + 1));
    if (country == "gb" || country == "uk") {
        if (zone == "nsl_single") return 60.0 * kKmhPerMph;
        if (zone == "nsl_dual" || zone == "motorway") return 70.0 * kKmhPerMph;
        if (zone == "nsl_restricted") return 30.0 * kKmhPerMph;
    }
    for (const auto& [name, kmh] : kZoneSpeeds) {
        if (zone == name) return kmh;
    }
    // "zone30", "zone:30": a numeric zone in km/h.
    std::string_view digits = zone;
    if (digits.starts_with("zone")) digits.remove_prefix(4);
    if (digits.starts_with(":")) digits.remove_prefix(1);
    if (!digits.empty() && std::isdigit(static_cast<unsigned char>(digits.front()))) {
        return parseNumberWithUnit(digits);
    }
    return std::nullopt;
}

std::optional<double> parseOneMaxspeed(std::string_view value) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(value.front()))) return parseNumberWithUnit(value);
    return parseZone(value);  // "none", "signals", "variable" fall through to empty here.
}

bool accessDenied(const WayTags& tags) {
    // The most specific tag present decides: motorcar=yes reopens a road with access=no.
    for (const std::string_view value :
         {tags.motorcar, tags.motorVehicle, tags.vehicle, tags.access}) {
        if (value.empty()) continue;
        return value == "no" || value == "private" || value == "agricultural" ||
               value == "forestry" || value == "emergency" || value == "military" ||
               value == "psv" || value == "bus" || value == "discouraged";
    }
    return false;
}

double clampSpeed(double kmh) { return std::clamp(kmh, kMinSpeedKmh, kMaxSpeedKmh); }

}  // namespace

std::optional<double> defaultSpeedKmh(std::string_view highway) {
    for (const auto& [name, kmh] : kClassSpeeds) {
        if (highway == name) return kmh;
    }
    return std::nullopt;
}

std::optional<double> parseMaxspeedKmh(std::string_view value) {
    std::optional<double> lowest;
    while (true) {
        const auto semicolon = value.find(';');
        const auto kmh = parseOneMaxspeed(value.substr(0, semicolon));
        if (kmh && (!lowest || *kmh < *lowest)) lowest = kmh;
        if (semicolon == std::string_view::npos) break;
        value.remove_prefix(semicolon + 1);
    }
    return lowest;
}

std::optional<WayRule> wayRule(const WayTags& tags) {
    const auto classKmh = defaultSpeedKmh(tags.highway);
    if (!classKmh || tags.area == "yes" || accessDenied(tags)) return std::nullopt;

    const auto limit = parseMaxspeedKmh(tags.maxspeed);
    const double kmh = clampSpeed(limit ? *limit * kMaxspeedShare : *classKmh);

    bool forward = true;
    bool backward = true;
    const std::string_view oneway = tags.oneway;
    if (oneway == "yes" || oneway == "1" || oneway == "true") {
        backward = false;
    } else if (oneway == "-1" || oneway == "reverse") {
        forward = false;
    } else if (oneway == "reversible" || oneway == "alternating") {
        // The direction changes by time of day; a plan cannot rely on either.
        return std::nullopt;
    } else if (oneway != "no" && oneway != "false" && oneway != "0") {
        // No (or an unreadable) oneway tag: roundabouts and motorways are one-way by rule.
        backward = !(tags.junction == "roundabout" || tags.junction == "circular" ||
                     tags.highway == "motorway");
    }
    return WayRule{forward ? kmh : 0.0, backward ? kmh : 0.0};
}

}  // namespace ces::routing
