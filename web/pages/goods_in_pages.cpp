// Goods in for the warehouse: the delivery form (depot, supplier, their reference and a few
// lines of item and quantity), the receipt it makes with the barcodes given, and a printable
// sheet of labels, one per barcode, drawn as Code 128. A form carries a one-off submission key
// so a double click or a resent form receives the delivery once.
#include <charconv>

#include "core/credentials.h"
#include "core/errors.h"
#include "core/store/admin/geography.h"
#include "core/store/infrastructure/idempotency.h"
#include "core/store/warehouse/receipts.h"
#include "warehouse/goods_in.h"
#include "web/api/warehouse_routes.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/code128.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

constexpr std::size_t kFormLines = 5;
constexpr std::size_t kRecentReceipts = 20;

// What was typed, kept to show again with the errors.
struct GoodsInForm {
    std::string depot;
    std::string supplier;
    std::string supplierReference;
    std::string itemCodes[kFormLines];
    std::string quantities[kFormLines];
    std::string madeOn[kFormLines];
    std::string batches[kFormLines];
    std::string submission;
};

GoodsInForm formOf(const FormFields& fields) {
    GoodsInForm form{fields.text("depot").substr(0, 20),
                     fields.text("supplier").substr(0, 300),
                     fields.text("supplier_reference").substr(0, 200),
                     {},
                     {},
                     {},
                     {},
                     fields.text("submission").substr(0, 64)};
    for (std::size_t i = 0; i < kFormLines; ++i) {
        form.itemCodes[i] = fields.text("item_code_" + std::to_string(i)).substr(0, 40);
        form.quantities[i] = fields.text("quantity_" + std::to_string(i)).substr(0, 12);
        form.madeOn[i] = fields.text("made_on_" + std::to_string(i)).substr(0, 12);
        form.batches[i] = fields.text("batch_" + std::to_string(i)).substr(0, 80);
    }
    return form;
}

mustache::data recentReceipts(Site& site, Request& request, PageView& view) {
    store::PageRequest page = pageRequest(request, kRecentReceipts);
    const auto receipts =
        site.app.db.read([&](store::Connection& c) { return store::listReceipts(c, page); });
    mustache::data rows(mustache::data::type::list);
    for (const auto& r : receipts.items) {
        mustache::data row;
        row.set("id", std::to_string(r.id.value()));
        row.set("received_at", ukDateTime(r.receivedAt));
        row.set("depot", r.depotName);
        row.set("supplier", r.supplier);
        row.set("supplier_reference", r.supplierReference);
        row.set("units", std::to_string(r.units));
        rows.push_back(row);
    }
    view.data.set("has_receipts", !receipts.items.empty());
    setNextLink(view, "/warehouse/goods-in", receipts.next, "Older deliveries");
    return rows;
}

// The page with `form` typed in, and its one problem, if any, shown at its field.
PageView formView(Site& site, Request& request, const GoodsInForm& form,
                  const FieldError& error = {}) {
    PageView view;
    view.title = "Goods in";
    view.templateName = "warehouse_goods_in";
    view.section = "goods-in";
    const auto depots = site.app.db.read([](store::Connection& c) { return store::listDepots(c); });
    view.data.set("depots", depotOptions(depots, form.depot));
    view.data.set("supplier", form.supplier);
    view.data.set("supplier_reference", form.supplierReference);
    mustache::data lines(mustache::data::type::list);
    for (std::size_t i = 0; i < kFormLines; ++i) {
        mustache::data line;
        line.set("n", std::to_string(i));
        line.set("number", std::to_string(i + 1));
        line.set("item_code", form.itemCodes[i]);
        line.set("quantity", form.quantities[i]);
        line.set("made_on", form.madeOn[i]);
        line.set("batch", form.batches[i]);
        for (const std::string part : {"item_code", "quantity", "made_on", "batch"}) {
            std::string field = part;
            field.append("_").append(std::to_string(i));
            if (error.field == field) line.set(part + "_error", error.message);
        }
        lines.push_back(line);
    }
    view.data.set("lines", lines);
    view.data.set("submission", randomHex(16));
    view.data.set("receipts", recentReceipts(site, request, view));
    if (!error.field.empty()) addError(view, error.field, error.message);
    return view;
}

// The receipt the form describes; `rows` answers which form row each receipt line came from.
// ValidationError naming quantity_N for a quantity that is not a whole number.
warehouse::GoodsReceipt receiptOf(const GoodsInForm& form, std::vector<std::size_t>& rows) {
    warehouse::GoodsReceipt receipt{form.depot, form.supplier, form.supplierReference, {}};
    for (std::size_t i = 0; i < kFormLines; ++i) {
        if (form.itemCodes[i].empty() && form.quantities[i].empty()) continue;
        rows.push_back(i);
        std::int64_t quantity = 0;
        const auto& text = form.quantities[i];
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), quantity);
        if (error != std::errc() || end != text.data() + text.size()) {
            throw ValidationError("lines[" + std::to_string(rows.size() - 1) + "].quantity",
                                  "quantity must be a whole number");
        }
        store::ReceiptLine line{form.itemCodes[i], quantity};
        if (!form.madeOn[i].empty()) {
            line.madeOn = parseDate(form.madeOn[i]);
            if (!line.madeOn) {
                throw ValidationError("lines[" + std::to_string(rows.size() - 1) + "].made_on",
                                      "the date of manufacture must be a date like 2026-03-02");
            }
        }
        if (!form.batches[i].empty()) line.batch = form.batches[i];
        receipt.lines.push_back(std::move(line));
    }
    return receipt;
}

// The form field a receipt's refusal names, and the words the page shows for it.
std::pair<std::string, std::string> pageError(const ValidationError& e,
                                              const std::vector<std::size_t>& rows) {
    const std::string field = e.field();
    if (field == "depot") return {"depot", "Select the depot the delivery came to"};
    if (field == "supplier") return {"supplier", "Enter the supplier (up to 200 characters)"};
    if (field == "supplier_reference") {
        return {"supplier_reference", "Enter the supplier's reference (up to 100 characters)"};
    }
    if (field == "lines") return {"item_code_0", "Enter at least one item code and quantity"};
    const auto close = field.find(']');
    if (field.starts_with("lines[") && close != std::string::npos) {
        const std::size_t line = std::stoul(field.substr(6, close - 6));
        const std::size_t row = line < rows.size() ? rows[line] : 0;
        const std::string part = field.substr(close + 2);
        const std::string message =
            std::string("Line ") + std::to_string(row + 1) + ": " + e.what();
        return {part + "_" + std::to_string(row), message};
    }
    return {"item_code_0", e.what()};
}

// Receives the delivery once per submission key; answers the receipt's id.
std::int64_t receiveOnce(Site& site, const Actor& actor, const GoodsInForm& form,
                         const warehouse::GoodsReceipt& receipt) {
    const std::string key = "page goods-in " + form.submission;
    return site.app.db.write([&](store::Connection& c) {
        if (!form.submission.empty()) {
            if (const auto prior = store::findIdempotentAnswer(c, actor.id, key)) {
                return static_cast<std::int64_t>(std::stoll(prior->body));
            }
        }
        const auto received =
            warehouse::receiveGoods(c, receipt, actor, site.app.now(), maintenancePolicy(site.app));
        const std::int64_t id = received.id.value();
        if (!form.submission.empty()) {
            store::saveIdempotentAnswer(c, actor.id, key,
                                        {"POST /warehouse/goods-in", 303, std::to_string(id)},
                                        site.app.now());
        }
        return id;
    });
}

Response receive(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = requireWarehouse(site, request);
    const GoodsInForm form = formOf(fields);
    std::vector<std::size_t> rows;
    try {
        const auto receipt = receiptOf(form, rows);
        const std::int64_t id = receiveOnce(site, actor, form, receipt);
        return Site::redirect("/warehouse/goods-in/" + std::to_string(id));
    } catch (const ValidationError& e) {
        const auto [field, message] = pageError(e, rows);
        PageView view = formView(site, request, form, {field, field, message});
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

store::ReceiptRecord receiptAt(Site& site, Request& request) {
    const std::string& text = request.pathParams["id"];
    const std::string missing = "no delivery has the id " + text.substr(0, 40);
    const store::ReceiptId id(parsePathId(text, missing));
    const auto receipt =
        site.app.db.read([&](store::Connection& c) { return store::findReceipt(c, id); });
    if (!receipt) throw NotFound(missing);
    return *receipt;
}

void setReceipt(PageView& view, const store::ReceiptRecord& receipt, bool withLabels) {
    const auto& s = receipt.summary;
    view.data.set("id", std::to_string(s.id.value()));
    view.data.set("depot", s.depotName + " (" + s.depotCode + ")");
    view.data.set("supplier", s.supplier);
    view.data.set("supplier_reference", s.supplierReference);
    view.data.set("received_at", ukDateTime(s.receivedAt));
    view.data.set("received_by", s.receivedBy);
    mustache::data lines(mustache::data::type::list);
    mustache::data labels(mustache::data::type::list);
    bool anyLabels = false;
    for (const auto& line : receipt.lines) {
        mustache::data row;
        row.set("item_code", line.itemCode);
        row.set("item_name", line.itemName);
        row.set("quantity", std::to_string(line.quantity));
        mustache::data barcodes(mustache::data::type::list);
        for (const auto& barcode : line.barcodes) {
            barcodes.push_back(mustache::data(barcode));
            mustache::data label;
            label.set("barcode", barcode);
            label.set("item_code", line.itemCode);
            label.set("item_name", line.itemName);
            if (withLabels) label.set("svg", code128Svg(barcode));
            labels.push_back(label);
            anyLabels = true;
        }
        row.set("barcodes", barcodes);
        row.set("counted", line.barcodes.empty());
        lines.push_back(row);
    }
    view.data.set("lines", lines);
    view.data.set("labels", labels);
    view.data.set("has_labels", anyLabels);
}

// The delivery's confirmation, or with `labels` its sheet of labels to print.
Response receiptPage(Site& site, Request& request, bool labels) {
    const Actor actor = requireWarehouse(site, request);
    PageView view;
    view.title = labels ? "Labels" : "Delivery received";
    view.templateName = labels ? "warehouse_goods_in_labels" : "warehouse_goods_in_receipt";
    view.section = "goods-in";
    setReceipt(view, receiptAt(site, request), labels);
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addGoodsInPages(Router& router, Site& site) {
    site.get(router, "/warehouse/goods-in", [&site](Request& r) {
        const Actor actor = requireWarehouse(site, r);
        return site.render(r, actor, formView(site, r, {}));
    });
    site.post(router, "/warehouse/goods-in",
              [&site](Request& r, const FormFields& f) { return receive(site, r, f); });
    site.get(router, "/warehouse/goods-in/{id}",
             [&site](Request& r) { return receiptPage(site, r, false); });
    site.get(router, "/warehouse/goods-in/{id}/labels",
             [&site](Request& r) { return receiptPage(site, r, true); });
}

}  // namespace ces::web
