// A day's pick lists, one per van on the stored plan (GET /api/v1/picklists/{date}), printable
// one van to a page, with a "Mark picked" form for each barcoded item still to pick (the same
// operation as POST /api/v1/assets/{barcode}/pick).
#include <map>

#include "core/store/catalogue/catalogue.h"
#include "core/uk_time.h"
#include "warehouse/pick_list.h"
#include "warehouse/recycling.h"
#include "web/api/pick_list_view.h"
#include "web/http/json_body.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

std::string dayAfter(std::chrono::year_month_day date, int days) {
    return formatDate(
        std::chrono::year_month_day(std::chrono::sys_days(date) + std::chrono::days(days)));
}

std::size_t wordCount(const std::string& text) {
    std::size_t words = 0;
    bool inWord = false;
    for (char ch : text) {
        const bool space = ch == ' ';
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

/// A problem with one line's "Mark picked" form.
struct LineError {
    std::string orderReference;
    std::string itemCode;
    std::string message;
};

PageView pickListsView(Site& site, std::chrono::year_month_day day, const std::string& picked,
                       const std::optional<LineError>& error) {
    const std::string date = formatDate(day);
    PageView view;
    view.title = "Pick lists";
    view.templateName = "warehouse_pick_lists";
    view.section = "pick-lists";
    view.data.set("date", date);
    view.data.set("date_words", longDate(date));
    view.data.set("previous", dayAfter(day, -1));
    view.data.set("next", dayAfter(day, 1));
    std::vector<warehouse::PickList> lists;
    std::map<std::string, bool> serialised;
    site.app.db.read([&](store::Connection& c) {
        const auto plan = store::loadPlan(c, day);
        if (!plan) return 0;
        for (const auto& route : plan->routes) {
            lists.push_back(warehouse::pickListFor(*plan, route.van.code));
            for (const auto& line : lists.back().lines) {
                if (serialised.contains(line.itemCode)) continue;
                const auto item = store::findItem(c, line.itemCode);
                serialised[line.itemCode] = item && item->serialised;
            }
        }
        return 0;
    });
    mustache::data vans(mustache::data::type::list);
    int n = 0;
    for (const auto& list : lists) {
        mustache::data van;
        van.set("van", list.vanCode);
        van.set("depot", list.depotCode);
        van.set("crew", list.crewName);
        mustache::data lines(mustache::data::type::list);
        for (const auto& l : list.lines) {
            mustache::data line = pickLineData(l);
            line.set("id", std::to_string(++n));
            const auto done = static_cast<std::int64_t>(wordCount(l.barcodes));
            line.set("to_pick", serialised[l.itemCode] && done < l.quantity);
            if (error && error->orderReference == l.orderReference &&
                error->itemCode == l.itemCode) {
                line.set("pick_error", error->message);
                addError(view, "pick", error->message, "barcode-" + std::to_string(n));
            }
            lines.push_back(line);
        }
        van.set("lines", lines);
        van.set("has_lines", !list.lines.empty());
        vans.push_back(van);
    }
    view.data.set("vans", vans);
    view.data.set("has_vans", !lists.empty());
    if (!picked.empty()) view.data.set("picked", picked);
    return view;
}

// The day asked for (today, UK time, when none is).
std::chrono::year_month_day dateOf(Site& site, const std::string& text) {
    if (text.empty()) return toUkLocal(site.app.now()).date;
    const auto day = parseDate(text);
    if (!day) throw BadRequest("date", "Give the day as YYYY-MM-DD, like 2026-03-02.");
    return *day;
}

Response pickListsPage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    const auto date = dateOf(site, request.queryValue("date").substr(0, 10));
    std::string picked;
    if (const std::string barcode = request.queryValue("picked").substr(0, 64); !barcode.empty()) {
        picked = barcode + " is picked.";
    }
    return site.render(request, actor, pickListsView(site, date, picked, std::nullopt));
}

Response markPicked(Site& site, Request& request, const FormFields& form) {
    const Actor actor = requireWarehouse(site, request);
    const auto date = dateOf(site, form.text("date").substr(0, 10));
    const std::string reference = form.text("order_reference").substr(0, 40);
    const std::string itemCode = form.text("item_code").substr(0, 40);
    const std::string barcode = form.text("barcode").substr(0, 64);
    std::string error;
    int status = 409;
    if (barcode.empty()) {
        status = 422;
        error = "Scan or type the barcode of the " + itemCode + " picked for " + reference;
    } else {
        try {
            site.app.db.write([&](store::Connection& c) {
                return warehouse::pickAsset(c, barcode, reference, actor, site.app.now());
            });
            std::string location = "/warehouse/pick-lists?date=" + formatDate(date);
            return Site::redirect(location.append("&picked=").append(urlEncode(barcode)));
        } catch (const NotFound&) {
            status = 404;
            error = "No asset has the barcode " + barcode;
        } catch (const Conflict& e) {
            error = "Cannot pick " + barcode + ": " + e.what();
        }
    }
    PageView view = pickListsView(site, date, "", LineError{reference, itemCode, error});
    view.status = status;
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addWarehousePickListPages(Router& router, Site& site) {
    site.get(router, "/warehouse/pick-lists",
             [&site](Request& r) { return pickListsPage(site, r); });
    site.post(router, "/warehouse/pick-lists/pick",
              [&site](Request& r, const FormFields& f) { return markPicked(site, r, f); });
}

}  // namespace ces::web
