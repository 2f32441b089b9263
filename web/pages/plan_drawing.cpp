#include "web/pages/plan_drawing.h"

#include <cstdio>
#include <map>

namespace ces::web {

namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace

RouteProjection drawingProjection(const DistrictOutlines* outlines,
                                  const std::vector<const store::StoredPlan*>& plans) {
    std::vector<GeoPoint> frame;
    if (outlines && !outlines->districts.empty()) {
        frame = outlines->everyPoint();
    } else {
        for (const auto* plan : plans) {
            for (const auto& r : plan->routes) {
                frame.push_back({r.van.depotLat, r.van.depotLon});
                for (const auto& v : r.visits) frame.push_back({v.lat, v.lon});
            }
        }
    }
    return RouteProjection(frame, kDrawingWidth, kDrawingHeight, kDrawingMargin);
}

mustache::data districtShapes(const DistrictOutlines& outlines, const RouteProjection& project) {
    mustache::data shapes(mustache::data::type::list);
    for (const auto& district : outlines.districts) {
        std::string d;
        for (const auto& ring : district.rings) {
            std::vector<DrawnPoint> drawn;
            drawn.reserve(ring.size());
            for (const auto& p : ring) drawn.push_back(project(p));
            if (!d.empty()) d += ' ';
            d += pathData(drawn) + " Z";
        }
        const DrawnPoint label = project(district.label);
        mustache::data shape;
        shape.set("name", district.name);
        shape.set("d", d);
        shape.set("label_x", number(label.x));
        shape.set("label_y", number(label.y));
        shapes.push_back(shape);
    }
    return shapes;
}

mustache::data routeDrawing(const store::StoredPlan& plan, const RouteProjection& project) {
    mustache::data data;
    data.set("width", number(kDrawingWidth));
    data.set("height", number(kDrawingHeight));
    mustache::data routes(mustache::data::type::list);
    mustache::data depots(mustache::data::type::list);
    std::map<std::string, bool> depotDrawn;
    for (std::size_t i = 0; i < plan.routes.size(); ++i) {
        const auto& r = plan.routes[i];
        const VanStyle style = vanStyle(i);
        const DrawnPoint depot = project({r.van.depotLat, r.van.depotLon});
        std::vector<DrawnPoint> line{depot};
        mustache::data markers(mustache::data::type::list);
        for (std::size_t s = 0; s < r.visits.size(); ++s) {
            const DrawnPoint at = project({r.visits[s].lat, r.visits[s].lon});
            if (s < r.route.stops.size() && r.route.stops[s].loadAtDepotFirst) {
                line.push_back(depot);
            }
            line.push_back(at);
            mustache::data marker;
            marker.set("x", number(at.x));
            marker.set("y", number(at.y));
            marker.set("text_y", number(at.y + 4));
            marker.set("label", style.letter + std::to_string(s + 1));
            markers.push_back(marker);
        }
        line.push_back(depot);
        mustache::data route;
        route.set("van", r.van.code);
        route.set("colour", style.colour);
        route.set("letter", style.letter);
        if (!style.dash.empty()) route.set("dash", style.dash);
        route.set("d", pathData(line));
        route.set("markers", markers);
        routes.push_back(route);
        if (!depotDrawn[r.van.depotCode]) {
            depotDrawn[r.van.depotCode] = true;
            mustache::data d;
            d.set("x", number(depot.x - 8));
            d.set("y", number(depot.y - 8));
            d.set("label_x", number(depot.x + 12));
            d.set("label_y", number(depot.y - 10));
            d.set("code", r.van.depotCode);
            depots.push_back(d);
        }
    }
    data.set("routes", routes);
    data.set("depots", depots);
    return data;
}

}  // namespace ces::web
