#include "web/pages/pages.h"

#include <memory>

#include "core/credentials.h"
#include "web/pages/page_routes.h"

namespace ces::web {

void addPageRoutes(Router& router, App& app) {
    // The site lives as long as the router's handlers, which share its ownership.
    auto site = std::make_shared<Site>(app, templatesDirectory(), randomHex(32));
    addAssetRoutes(router);
    addSessionPages(router, *site);
    addCataloguePages(router, *site);
    addResidentPages(router, *site);
    addOrderFlowPages(router, *site);
    addOrderPages(router, *site);
    addTrackingPages(router, *site);
    addSlotPages(router, *site);
    addCollectionPages(router, *site);
    addDashboardPages(router, *site);
    addWarehousePages(router, *site);
    addPlanPages(router, *site);
    addPlanWeekPages(router, *site);
    addPlanInsertPages(router, *site);
    addDriverPages(router, *site);
    addSettingsPages(router, *site);
    addUserPages(router, *site);
    addAuditPages(router, *site);
    addMessagePages(router, *site);
    addContactPages(router, *site);
    addCatalogueAdminPages(router, *site);
    addGoodsInPages(router, *site);
    addOrganisationPages(router, *site);
    addAdminResidentPages(router, *site);
    addRecallPages(router, *site);
    addCompetencePages(router, *site);
    addJobPages(router, *site);
    router.add("GET", "/favicon.ico",
               [site](Request&) { return Site::redirect("/assets/images/favicon.ico"); });
}

}  // namespace ces::web
