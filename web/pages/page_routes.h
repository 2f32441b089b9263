#pragma once
// Each file under web/pages/ registers its pages; handlers parse the form, call one store
// operation and render a template.
#include "web/http/router.h"
#include "web/pages/site.h"

namespace ces::web {

void addAssetRoutes(Router& router);  ///< GOV.UK Frontend and our CSS/JS, under /assets.
void addSessionPages(Router& router, Site& site);     ///< /, /sign-in, /sign-out, /home.
void addCataloguePages(Router& router, Site& site);   ///< /catalogue.
void addResidentPages(Router& router, Site& site);    ///< /orders/new (find), /residents/new.
void addOrderFlowPages(Router& router, Site& site);   ///< /orders/new/... to the confirmation.
void addOrderPages(Router& router, Site& site);       ///< /orders, /orders/{ref}.
void addTrackingPages(Router& router, Site& site);    ///< /track, /track/{token}, .ics.
void addSlotPages(Router& router, Site& site);        ///< Choose or change a delivery slot.
void addCollectionPages(Router& router, Site& site);  ///< Collections and collection points.
void addDashboardPages(Router& router, Site& site);   ///< /dashboard (commissioner).
void addWarehousePages(Router& router, Site& site);   ///< /warehouse/... (returns to pick lists).
void addPlanPages(Router& router, Site& site);        ///< /plan (planner): the day plan.
void addPlanInsertPages(Router& router, Site& site);  ///< /plan/insert: same-day changes.
void addPlanWeekPages(Router& router, Site& site);    ///< /plan/week (planner): plan the week.
void addDriverPages(Router& router, Site& site);      ///< /driver: a van's stops and outcomes.
void addSettingsPages(Router& router, Site& site);    ///< /admin/settings (admin).
void addUserPages(Router& router, Site& site);        ///< /admin/users (admin): people and access.
void addAuditPages(Router& router, Site& site);       ///< /admin/audit (admin).
void addMessagePages(Router& router, Site& site);     ///< /admin/messages (admin).
void addContactPages(Router& router, Site& site);     ///< /track/{token}/contact (residents).
void addCatalogueAdminPages(Router& router, Site& site);  ///< /admin/catalogue (admin).
void addGoodsInPages(Router& router, Site& site);         ///< /warehouse/goods-in and labels.
void addOrganisationPages(Router& router, Site& site);    ///< /admin/organisation, /admin/depots.
void addAdminResidentPages(Router& router, Site& site);   ///< /admin/residents (admin).
void addRecallPages(Router& router, Site& site);          ///< /recalls: safety recalls.
void addCompetencePages(Router& router, Site& site);      ///< /admin/competences (admin).
void addJobPages(Router& router, Site& site);             ///< /admin/jobs (admin).

}  // namespace ces::web
