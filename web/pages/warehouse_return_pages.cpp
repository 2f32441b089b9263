// The returns desk: a keyboard-wedge scanner types a barcode into the box and presses Enter;
// each scan logs the return (as POST /api/v1/returns does) and the page shows what came back.
#include "core/store/warehouse/asset_queues.h"
#include "warehouse/recycling.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

mustache::data returnedItem(const store::QueuedAsset& a) {
    mustache::data item;
    item.set("barcode", a.barcode);
    item.set("item_name", a.itemName);
    item.set("depot", a.depotCode);
    item.set("returned_at",
             a.returnedAt ? ukDateTime(formatInstant(*a.returnedAt)) : std::string());
    // Mustache shows a section for any string, even an empty one: set only what is known.
    for (const auto& [key, value] :
         {std::pair{"returned_by", &a.returnedBy}, std::pair{"order_reference", &a.orderReference},
          std::pair{"resident_name", &a.residentName},
          std::pair{"collection_reference", &a.collectionReference},
          std::pair{"item_code", &a.itemCode}}) {
        if (!value->empty()) item.set(key, *value);
    }
    const StatusTag tag = assetStateTag(a.state);
    item.set("state_text", tag.text);
    item.set("state_class", tag.cssClass);
    item.set("next_step", assetNextStep(a.state));
    const auto condition = a.returnNote.find("condition: ");
    if (condition != std::string::npos) item.set("condition", a.returnNote.substr(condition + 11));
    return item;
}

PageView returnsView(Site& site, const Request& request, const std::string& logged,
                     const std::string& typed) {
    PageView view;
    view.title = "Returns";
    view.templateName = "warehouse_returns";
    view.section = "returns";
    view.data.set("barcode", typed);
    std::optional<store::QueuedAsset> just;
    store::Page<store::QueuedAsset> today;
    std::int64_t count = 0;
    const Instant from = startOfUkDay(site.app.now());
    store::PageRequest page;
    try {
        page = pageRequest(request);
    } catch (const ValidationError& e) {
        throw BadRequest(e.field(), e.what());
    }
    site.app.db.read([&](store::Connection& c) {
        if (!logged.empty()) just = store::queuedAsset(c, logged);
        today = store::returnsSince(c, from, page);
        count = store::returnsCountSince(c, from);
        return 0;
    });
    if (just) view.data.set("logged", returnedItem(*just));
    mustache::data rows(mustache::data::type::list);
    for (const auto& a : today.items) rows.push_back(returnedItem(a));
    view.data.set("today", rows);
    view.data.set("has_today", !today.items.empty());
    std::string caption = count == 1 ? std::string("1 return logged today")
                                     : std::to_string(count) + " returns logged today";
    if (page.after || today.next) {
        caption += ": " + std::to_string(today.items.size()) + " shown, latest first";
    }
    view.data.set("today_count", caption);
    setNextLink(view, request, today.next, "Earlier returns today");
    return view;
}

Response returnsPage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    const std::string logged = request.queryValue("logged").substr(0, 64);
    return site.render(request, actor, returnsView(site, request, logged, ""));
}

Response logReturn(Site& site, Request& request, const FormFields& form) {
    const Actor actor = requireWarehouse(site, request);
    const std::string barcode = form.text("barcode");
    std::string error;
    int status = 422;
    if (barcode.empty()) {
        error = "Scan or type a barcode";
    } else if (barcode.size() > 64) {
        error = "A barcode has at most 64 characters";
    } else {
        try {
            site.app.db.write([&](store::Connection& c) {
                return warehouse::returnAsset(c, barcode, "", "", actor, site.app.now());
            });
            return Site::redirect("/warehouse/returns?logged=" + urlEncode(barcode));
        } catch (const NotFound&) {
            status = 404;
            error = "No asset has the barcode " + barcode + ": check the label and scan again";
        } catch (const Conflict& e) {
            status = 409;
            const auto detail = site.app.db.read(
                [&](store::Connection& c) { return store::queuedAsset(c, barcode); });
            error = "The asset " + barcode + " is not on loan";
            if (detail) {
                error += " (it is " + assetStateTag(detail->state).text + ")";
                if (detail->state == AssetState::returned)
                    error += ": its return is already logged";
            }
        }
    }
    PageView view = returnsView(site, request, "", barcode);
    addError(view, "barcode", error, "barcode");
    view.status = status;
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addWarehouseReturnPages(Router& router, Site& site) {
    site.get(router, "/warehouse/returns", [&site](Request& r) { return returnsPage(site, r); });
    site.post(router, "/warehouse/returns",
              [&site](Request& r, const FormFields& f) { return logReturn(site, r, f); });
}

}  // namespace ces::web
