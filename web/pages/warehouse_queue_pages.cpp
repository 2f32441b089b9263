// The recycling queues: assets to decontaminate, to inspect and in repair, each with the form
// for its next step (the same operations as /api/v1/assets/{barcode}/decontaminate, /inspect
// and /repair). A pass puts the asset back in stock and may earn its funder a credit.
#include "core/store/admin/geography.h"
#include "core/store/ledger/ledger.h"
#include "core/store/warehouse/asset_queues.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

/// A problem with one row's form, shown next to that row.
struct RowError {
    std::string barcode;
    std::string field;  ///< "outcome" or "notes".
    std::string message;
};

mustache::data queueRows(const std::vector<store::QueuedAsset>& assets, const std::string& prefix,
                         const std::optional<RowError>& error, std::string& errorAnchor) {
    mustache::data rows(mustache::data::type::list);
    int n = 0;
    for (const auto& a : assets) {
        ++n;
        mustache::data row;
        const std::string id = prefix + std::to_string(n);
        row.set("id", id);
        row.set("barcode", a.barcode);
        row.set("item_name", a.itemName);
        row.set("depot", a.depotCode);
        row.set("since", ukDateTime(formatInstant(a.since)));
        const StatusTag tag = assetStateTag(a.state);
        row.set("state_text", tag.text);
        row.set("state_class", tag.cssClass);
        const auto condition = a.returnNote.find("condition: ");
        if (condition != std::string::npos) {
            row.set("condition", a.returnNote.substr(condition + 11));
        }
        if (!a.orderReference.empty()) row.set("order_reference", a.orderReference);
        if (error && error->barcode == a.barcode) {
            row.set(error->field + "_error", error->message);
            errorAnchor = error->field == "notes" ? "notes-" + id : "outcome-" + id;
        }
        rows.push_back(row);
    }
    return rows;
}

/// One queue as the page shows it: a page of its assets and how many wait in all.
struct QueueShown {
    const char* name;  ///< The queue's word in links and anchors.
    store::WarehouseQueue queue;
    store::Page<store::QueuedAsset> page;
    std::int64_t waiting = 0;
    bool later = false;  ///< Not the queue's first page.
};

/// Where the queues are on the page: `?queue=` names the one `after` and `limit` page through.
struct QueuesAt {
    std::string depot;
    std::string queue;
    store::PageRequest page;
};

QueuesAt queuesAt(const Request& request) {
    QueuesAt at;
    at.depot = request.queryValue("depot").substr(0, 20);
    at.queue = request.queryValue("queue").substr(0, 20);
    try {
        at.page = pageRequest(request);
    } catch (const ValidationError& e) {
        throw BadRequest(e.field(), e.what());
    }
    return at;
}

QueueShown showQueue(store::Connection& c, const char* name, store::WarehouseQueue queue,
                     const QueuesAt& at) {
    QueueShown shown{name, queue, {}, 0, false};
    store::PageRequest page;
    if (at.queue == name) {
        page = at.page;
        shown.later = page.after.has_value();
    }
    shown.page = store::queuePage(c, queue, at.depot, page);
    shown.waiting = store::queueLength(c, queue, at.depot);
    return shown;
}

/// The queue's caption (how many of how many are shown) and the link to its next page.
void setQueue(PageView& view, const QueueShown& q, const QueuesAt& at, const mustache::data& rows) {
    const std::string name = q.name;
    const auto shown = q.page.items.size();
    view.data.set(name, rows);
    view.data.set(name + "_count", std::to_string(q.waiting));
    view.data.set("has_" + name, shown > 0);
    std::string caption = std::to_string(shown) + " of " + std::to_string(q.waiting) +
                          " waiting shown, longest waiting first";
    if (q.later) caption += ", after those on the pages before";
    if (!q.later && !q.page.next) caption = "All " + std::to_string(q.waiting) + " shown";
    view.data.set(name + "_shown", caption + ".");
    if (!q.page.next) return;
    std::string link = "/warehouse/queues?";
    if (!at.depot.empty()) link += "depot=" + urlEncode(at.depot) + "&";
    link += "queue=" + name + "&after=" + std::to_string(*q.page.next);
    if (at.queue == name && at.page.limit != kDefaultPageLimit) {
        link += "&limit=" + std::to_string(at.page.limit);
    }
    view.data.set(name + "_next", link + "#" + name);
}

/// The credit a pass earned: the asset's credit row written at its latest inspection.
std::optional<store::LedgerEntry> creditOfLatestPass(store::Connection& c,
                                                     const std::string& barcode) {
    const auto asset = store::findAsset(c, barcode);
    if (!asset || !asset->lastInspectedAt) return std::nullopt;
    store::LedgerQuery query;
    query.assetId = asset->id;
    query.kind = LedgerKind::credit;
    for (const auto& entry : store::ledgerEntries(c, query)) {
        if (entry.kind == LedgerKind::credit && entry.at == *asset->lastInspectedAt) return entry;
    }
    return std::nullopt;
}

std::string doneMessage(const std::string& done, const std::string& barcode,
                        const std::optional<store::LedgerEntry>& credit) {
    if (done == "decontaminated") return barcode + " is decontaminated and waits for inspection.";
    if (done == "passed") {
        std::string text = barcode + " passed inspection and is back in stock.";
        if (credit) {
            text += " It earned a credit of " + pounds(-credit->amount) + " for " +
                    credit->funderCode + " (order " + credit->orderReference + ").";
        }
        return text;
    }
    if (done == "repair") return barcode + " failed inspection and has gone for repair.";
    if (done == "scrapped") return barcode + " is scrapped.";
    if (done == "repaired") return barcode + " is repaired and waits for inspection again.";
    return "";
}

PageView queuesView(Site& site, const QueuesAt& at, const std::string& done,
                    const std::string& doneBarcode, const std::optional<RowError>& error) {
    PageView view;
    view.title = "Decontamination and inspection";
    view.templateName = "warehouse_queues";
    view.section = "queues";
    std::vector<QueueShown> queues;
    std::vector<store::Depot> depots;
    std::optional<store::LedgerEntry> credit;
    site.app.db.read([&](store::Connection& c) {
        depots = store::listDepots(c);
        queues = {showQueue(c, "decontamination", store::WarehouseQueue::decontamination, at),
                  showQueue(c, "inspection", store::WarehouseQueue::inspection, at),
                  showQueue(c, "repair", store::WarehouseQueue::repair, at)};
        if (done == "passed") credit = creditOfLatestPass(c, doneBarcode);
        return 0;
    });
    view.data.set("depots", depotOptions(depots, at.depot));
    std::string anchor;
    for (const auto& q : queues) {
        setQueue(view, q, at, queueRows(q.page.items, std::string(1, q.name[0]), error, anchor));
    }
    const std::string message = doneMessage(done, doneBarcode, credit);
    if (!message.empty()) view.data.set("done", message);
    if (credit) view.data.set("credit", pounds(-credit->amount));
    if (error) {
        addError(view, "row", error->message, anchor.empty() ? "decontamination" : anchor);
    }
    return view;
}

Response queuesPage(Site& site, Request& request) {
    const Actor actor = requireWarehouse(site, request);
    return site.render(request, actor,
                       queuesView(site, queuesAt(request), request.queryValue("done"),
                                  request.queryValue("barcode").substr(0, 64), std::nullopt));
}

std::string redirectAfter(const std::string& done, const std::string& barcode) {
    return "/warehouse/queues?done=" + done + "&barcode=" + urlEncode(barcode);
}

/// Runs one step on the asset in the form; on a refusal shows the queues with the reason.
Response queueStep(
    Site& site, Request& request, const FormFields& form,
    const std::function<std::string(store::Connection&, const Actor&, const std::string&)>& work) {
    const Actor actor = requireWarehouse(site, request);
    const std::string barcode = form.text("barcode").substr(0, 64);
    std::optional<RowError> error;
    int status = 409;
    try {
        const std::string done =
            site.app.db.write([&](store::Connection& c) { return work(c, actor, barcode); });
        return Site::redirect(redirectAfter(done, barcode));
    } catch (const ValidationError& e) {
        status = 422;
        error = RowError{barcode, e.field() == "notes" ? "notes" : "outcome",
                         e.field() == "result" ? "Select an inspection outcome for " + barcode
                         : e.field() == "notes"
                             ? "Enter a note for " + barcode + ": " + std::string(e.what())
                             : std::string(e.what())};
    } catch (const NotFound& e) {
        status = 404;
        error = RowError{barcode, "outcome", e.what()};
    } catch (const Conflict& e) {
        error = RowError{barcode, "outcome",
                         barcode + " has moved on since the page was loaded: " + e.what()};
    }
    return site.render(request, actor, [&] {
        PageView view = queuesView(site, QueuesAt{}, "", "", error);
        view.status = status;
        return view;
    }());
}

std::string decontaminate(Site& site, store::Connection& c, const Actor& actor,
                          const std::string& barcode) {
    warehouse::decontaminateAsset(c, barcode, true, "", actor, site.app.now());
    return "decontaminated";
}

std::string inspect(Site& site, const FormFields& form, store::Connection& c, const Actor& actor,
                    const std::string& barcode) {
    const auto result = parseInspectionResult(form.text("outcome"));
    if (!result) throw ValidationError("result", "select pass, needs repair or scrap");
    const std::string notes = form.text("notes");
    if (notes.size() > 2000) throw ValidationError("notes", "at most 2000 characters");
    warehouse::inspectAsset(c, barcode, *result, notes, maintenancePolicy(site.app), actor,
                            site.app.now());
    switch (*result) {
        case InspectionResult::pass:
            return "passed";
        case InspectionResult::repair:
            return "repair";
        case InspectionResult::scrap:
            return "scrapped";
    }
    return "";
}

std::string repaired(Site& site, store::Connection& c, const Actor& actor,
                     const std::string& barcode) {
    warehouse::finishRepair(c, barcode, "", actor, site.app.now());
    return "repaired";
}

}  // namespace

void addWarehouseQueuePages(Router& router, Site& site) {
    site.get(router, "/warehouse/queues", [&site](Request& r) { return queuesPage(site, r); });
    site.post(router, "/warehouse/queues/decontaminate", [&site](Request& r, const FormFields& f) {
        return queueStep(site, r, f,
                         [&site](store::Connection& c, const Actor& a, const std::string& b) {
                             return decontaminate(site, c, a, b);
                         });
    });
    site.post(router, "/warehouse/queues/inspect", [&site](Request& r, const FormFields& f) {
        return queueStep(site, r, f,
                         [&site, &f](store::Connection& c, const Actor& a, const std::string& b) {
                             return inspect(site, f, c, a, b);
                         });
    });
    site.post(router, "/warehouse/queues/repair", [&site](Request& r, const FormFields& f) {
        return queueStep(site, r, f,
                         [&site](store::Connection& c, const Actor& a, const std::string& b) {
                             return repaired(site, c, a, b);
                         });
    });
}

}  // namespace ces::web
