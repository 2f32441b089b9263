#pragma once
// The planner's route drawings as template data: the day plan's large drawing and the week's
// small multiples share one frame (the whole county when its district outlines are known, so
// every day's drawing lines up) and one way of drawing a van's route.
#include <kainjow/mustache.hpp>
#include <vector>

#include "core/store/dispatch/dispatch.h"
#include "web/pages/district_outlines.h"
#include "web/pages/route_drawing.h"

namespace ces::web {

namespace mustache = kainjow::mustache;

constexpr double kDrawingWidth = 800;
constexpr double kDrawingHeight = 560;
constexpr double kDrawingMargin = 30;

/// Where the drawings' points go: the county's outlines when given, else every depot and stop of
/// the plans.
RouteProjection drawingProjection(const DistrictOutlines* outlines,
                                  const std::vector<const store::StoredPlan*>& plans);

/// The districts as [{name, d, label_x, label_y}]: one closed path per district (its rings).
mustache::data districtShapes(const DistrictOutlines& outlines, const RouteProjection& project);

/// One day's routes: width, height, routes [{van, colour, letter, dash, d, markers}] from each
/// van's depot through its stops (back to the depot first where it loads) and home, and the
/// depots [{code, x, y, label_x, label_y}].
mustache::data routeDrawing(const store::StoredPlan& plan, const RouteProjection& project);

}  // namespace ces::web
