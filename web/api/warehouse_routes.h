#pragma once
// The warehouse endpoints, split by area; addWarehouseRoutes (routes.h) registers them all.
#include "core/store/warehouse/assets.h"
#include "warehouse/maintenance.h"
#include "warehouse/recycling.h"
#include "web/app.h"
#include "web/http/router.h"

namespace ces::web {

void addDispatchRoutes(Router& router, App& app);  ///< Plans, pick lists, visits.
void addMessageRoutes(Router& router, App& app);   ///< The outbox.
void addSpecialsRoutes(Router& router, App& app);  ///< Specials' steps and their clock.
void addTaskRoutes(Router& router, App& app);      ///< "Phone the prescriber" tasks.

/// The maintenance regime in force (the settings' inspection intervals).
warehouse::MaintenancePolicy maintenancePolicy(App& app);

/// The instant as ISO text, or JSON null when absent.
Poco::Dynamic::Var nullableInstant(const std::optional<Instant>& at);

/// An asset and its history as JSON.
Poco::JSON::Object::Ptr assetJson(const warehouse::AssetDetail& detail);

}  // namespace ces::web
