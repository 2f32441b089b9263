// Planned maintenance of equipment in homes: LOLER thorough examinations (hoists, slings:
// 6-monthly) and PAT tests and services (electrical items: 12-monthly) due soon, overdue
// first (GET /api/v1/maintenance/due), with a form to record a check that passed in the home
// (POST /api/v1/assets/{barcode}/inspect on an asset on loan).
#include <map>

#include "core/store/catalogue/catalogue.h"
#include "core/store/warehouse/assets.h"
#include "warehouse/recycling.h"
#include "web/api/warehouse_routes.h"
#include "web/http/paging.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

constexpr int kWindows[] = {7, 30, 60, 90};

/// The regime's short name for a tag (a special's check, without a regime, is a service).
std::string regimeName(MaintenanceRegime regime) {
    switch (regime) {
        case MaintenanceRegime::loler:
            return "LOLER";
        case MaintenanceRegime::electrical:
            return "PAT";
        case MaintenanceRegime::planned_service:
        case MaintenanceRegime::none:
            break;
    }
    return "Service";
}

int windowOf(const std::string& text) {
    for (int days : kWindows) {
        if (text == std::to_string(days)) return days;
    }
    return 30;
}

/// "12 checks due within 30 days, 3 overdue", and when more follow, which these are.
std::string summaryOf(const store::DueInspectionCounts& counts, int withinDays, std::size_t shown,
                      bool more) {
    std::string text = std::to_string(counts.due) + " checks due within " +
                       std::to_string(withinDays) + " days, " + std::to_string(counts.overdue) +
                       " overdue";
    if (more) text += ": " + std::to_string(shown) + " shown, overdue and soonest due first";
    return text;
}

PageView maintenanceView(Site& site, int withinDays, const std::string& checked,
                         const std::string& errorBarcode, const std::string& errorMessage,
                         const store::PageRequest& page) {
    PageView view;
    view.title = "Maintenance";
    view.templateName = "warehouse_maintenance";
    view.section = "maintenance";
    const Instant now = site.app.now();
    const Instant until = now + std::chrono::days(withinDays);
    store::Page<store::DueInspection> listed;
    store::DueInspectionCounts counts;
    std::map<std::string, MaintenanceRegime> regimeOf;
    site.app.db.read([&](store::Connection& c) {
        listed = store::inspectionsDueBy(c, until, page);
        counts = store::countInspectionsDue(c, until, now);
        for (const auto& d : listed.items) {
            if (regimeOf.contains(d.itemCode)) continue;
            const auto item = store::findItem(c, d.itemCode);
            regimeOf[d.itemCode] = item ? item->maintenance.regime : MaintenanceRegime::none;
        }
        return 0;
    });
    // Soonest due first, so the overdue ones come first.
    const auto& due = listed.items;
    mustache::data rows(mustache::data::type::list);
    int n = 0;
    for (const auto& d : due) {
        mustache::data row;
        row.set("id", std::to_string(++n));
        row.set("barcode", d.barcode);
        row.set("item_name", d.description);
        row.set("regime", regimeName(regimeOf[d.itemCode]));
        row.set("postcode", d.postcode);
        row.set("district", d.district);
        row.set("last", d.lastInspectedAt ? ukDate(formatInstant(*d.lastInspectedAt)) : "Never");
        row.set("due", ukDate(formatInstant(d.nextInspectionDue)));
        row.set("overdue", warehouse::isOverdue(d.nextInspectionDue, now));
        if (d.barcode == errorBarcode) row.set("check_error", errorMessage);
        rows.push_back(row);
    }
    view.data.set("checks", rows);
    view.data.set("has_checks", !due.empty());
    view.data.set("summary", summaryOf(counts, withinDays, due.size(), listed.next.has_value()));
    setNextLink(view, "/warehouse/maintenance?within_days=" + std::to_string(withinDays),
                listed.next, "More checks due");
    mustache::data windows(mustache::data::type::list);
    for (int days : kWindows) {
        mustache::data option;
        option.set("value", std::to_string(days));
        option.set("selected", days == withinDays);
        windows.push_back(option);
    }
    view.data.set("windows", windows);
    view.data.set("within_days", std::to_string(withinDays));
    if (!checked.empty()) view.data.set("checked", checked);
    return view;
}

Response maintenancePage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    const int within = windowOf(request.queryValue("within_days"));
    std::string checked;
    if (const std::string barcode = request.queryValue("checked").substr(0, 64); !barcode.empty()) {
        const auto asset =
            site.app.db.read([&](store::Connection& c) { return store::findAsset(c, barcode); });
        if (asset && asset->nextInspectionDue) {
            checked = "The check of " + barcode + " is recorded. The next is due " +
                      ukDate(formatInstant(*asset->nextInspectionDue)) + ".";
        }
    }
    return site.render(request, actor,
                       maintenanceView(site, within, checked, "", "", pageRequest(request)));
}

Response recordCheck(Site& site, Request& request, const FormFields& form) {
    const Actor actor = requireWarehouse(site, request);
    const std::string barcode = form.text("barcode").substr(0, 64);
    const int within = windowOf(form.text("within_days"));
    std::string error;
    int status = 409;
    try {
        site.app.db.write([&](store::Connection& c) {
            const auto asset = store::findAsset(c, barcode);
            if (asset && asset->state != AssetState::on_loan) {
                throw Conflict("not_on_loan", "it is no longer in a home");
            }
            return warehouse::inspectAsset(c, barcode, InspectionResult::pass,
                                           "planned check passed in the home",
                                           maintenancePolicy(site.app), actor, site.app.now());
        });
        std::string location = "/warehouse/maintenance?within_days=" + std::to_string(within);
        return Site::redirect(location.append("&checked=").append(urlEncode(barcode)));
    } catch (const NotFound& e) {
        status = 404;
        error = e.what();
    } catch (const Conflict& e) {
        error = "The check of " + barcode + " could not be recorded: " + e.what();
    }
    PageView view = maintenanceView(site, within, "", barcode, error, {});
    addError(view, "check", error, "check-" + barcode);
    view.status = status;
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addWarehouseMaintenancePages(Router& router, Site& site) {
    site.get(router, "/warehouse/maintenance",
             [&site](Request& r) { return maintenancePage(site, r); });
    site.post(router, "/warehouse/maintenance/check",
              [&site](Request& r, const FormFields& f) { return recordCheck(site, r, f); });
}

}  // namespace ces::web
