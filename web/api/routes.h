#pragma once
// Each file under web/api/ registers its endpoints; handlers parse, call one store operation,
// and render.
#include "web/app.h"
#include "web/http/router.h"

namespace ces::web {

void addServiceRoutes(Router& router, App& app);  ///< Health and the OpenAPI document.
void addSessionRoutes(Router& router, App& app);
void addCatalogueRoutes(Router& router, App& app);
void addResidentRoutes(Router& router, App& app);
void addOrderRoutes(Router& router, App& app);
void addTrackingRoutes(Router& router, App& app);
void addStockRoutes(Router& router, App& app);
void addWarehouseRoutes(Router& router, App& app);   ///< Returns, assets, specials, plans, visits.
void addCollectionRoutes(Router& router, App& app);  ///< Collections, collection points, check-ins.
void addReportRoutes(Router& router, App& app);      ///< KPI reports, the ledger, credit policy.
void addExportRoutes(Router& router, App& app);      ///< The open export.
void addSlotRoutes(Router& router, App& app);        ///< Delivery slots of orders: offer and book.
void addSettingsRoutes(Router& router, App& app);    ///< The admin's settings.
void addUserRoutes(Router& router, App& app);        ///< Users (admin) and one's own password.
void addCompetenceRoutes(Router& router, App& app);  ///< Prescribers' competences (admin).
void addRecallRoutes(Router& router, App& app);      ///< Safety recall campaigns.
void addSelfPurchaseRoutes(Router& router, App& app);  ///< Residents' self-purchase choices.
void addAuditRoutes(Router& router, App& app);         ///< The audit viewer.
void addOrganisationRoutes(Router& router, App& app);  ///< Funders, teams, depots, vans.
void addHorizonRoutes(Router& router, App& app);       ///< Planning several working days at once.
void addSameDayRoutes(Router& router, App& app);       ///< Visits put into routes on the road.
void addJobRoutes(Router& router, App& app);           ///< Background jobs (admin).

/// Every API route.
inline void addApiRoutes(Router& router, App& app) {
    addServiceRoutes(router, app);
    addSessionRoutes(router, app);
    addCatalogueRoutes(router, app);
    addResidentRoutes(router, app);
    addOrderRoutes(router, app);
    addTrackingRoutes(router, app);
    addStockRoutes(router, app);
    addHorizonRoutes(router, app);  // before /plans/{date}: /plans/capacity is not a date
    addWarehouseRoutes(router, app);
    addSameDayRoutes(router, app);
    addCollectionRoutes(router, app);
    addReportRoutes(router, app);
    addExportRoutes(router, app);
    addSlotRoutes(router, app);
    addSettingsRoutes(router, app);
    addUserRoutes(router, app);
    addCompetenceRoutes(router, app);
    addRecallRoutes(router, app);
    addSelfPurchaseRoutes(router, app);
    addAuditRoutes(router, app);
    addOrganisationRoutes(router, app);
    addJobRoutes(router, app);
}

}  // namespace ces::web
