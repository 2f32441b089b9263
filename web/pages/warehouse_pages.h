#pragma once
// The warehouse's pages, one file per job: returns, the recycling queues, stock, specials,
// maintenance and pick lists. Only warehouse staff use them (the API lets no one else do
// these steps).
#include <string>

#include "core/asset_state.h"
#include "core/store/admin/geography.h"
#include "web/http/router.h"
#include "web/pages/presenters.h"
#include "web/pages/site.h"

namespace ces::web {

void addWarehouseReturnPages(Router& router, Site& site);       ///< /warehouse/returns.
void addWarehouseQueuePages(Router& router, Site& site);        ///< /warehouse/queues.
void addWarehouseStockPages(Router& router, Site& site);        ///< /warehouse/stock(.csv).
void addWarehouseSpecialPages(Router& router, Site& site);      ///< /warehouse/specials.
void addWarehouseMaintenancePages(Router& router, Site& site);  ///< /warehouse/maintenance.
void addWarehousePickListPages(Router& router, Site& site);     ///< /warehouse/pick-lists.

/// The depots as a select's options ("Aylesford depot (AYL)"), `selected` chosen.
mustache::data depotOptions(const std::vector<store::Depot>& depots, const std::string& selected);

/// Signs in the warehouse user or refuses the page.
Actor requireWarehouse(const Site& site, const Request& request);

/// An asset state ("awaiting_inspection") as a tag ("Awaiting inspection", yellow).
StatusTag assetStateTag(AssetState state);

/// What happens to an asset in `state` next, in plain words.
std::string assetNextStep(AssetState state);

/// `text` percent-encoded for a query string value.
std::string urlEncode(const std::string& text);

/// The start of today in the UK, as an instant.
Instant startOfUkDay(Instant now);

}  // namespace ces::web
