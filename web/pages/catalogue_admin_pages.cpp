// The admin's catalogue: find an item (retired ones marked), add one, change or retire it, set
// its equivalents, and import a CSV with a "check only" run first (the same rules as the
// catalogue API and `ces catalogue import`).
#include <sstream>

#include "core/errors.h"
#include "core/money.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/catalogue/catalogue_changes.h"
#include "core/store/catalogue/catalogue_import.h"
#include "core/store/catalogue/retail_alternatives.h"
#include "web/http/paging.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/pages/warehouse_pages.h"

namespace ces::web {

namespace {

constexpr std::size_t kShownImportErrors = 100;

const char* const kFlags[] = {"serialised", "returnable", "credit_eligible", "needs_fitting",
                              "two_person"};

// The flag named `name` of a (const or changeable) item.
template <typename Item>
auto& flagOf(Item& item, const std::string& name) {
    if (name == "serialised") return item.serialised;
    if (name == "returnable") return item.returnable;
    if (name == "credit_eligible") return item.creditEligible;
    if (name == "needs_fitting") return item.needsFitting;
    return item.twoPerson;
}

// "45.00" for the price field (pounds, no sign or separators, as it is typed back).
std::string poundsField(Pence pence) {
    const std::string pennies = std::to_string(pence % 100);
    return std::to_string(pence / 100) + "." + (pennies.size() == 1 ? "0" : "") + pennies;
}

std::string itemPath(const std::string& code) { return "/admin/catalogue/" + urlEncode(code); }

// The form's fields for `item`; `price` is the text typed (kept as typed when refused).
void setItemFields(PageView& view, const CatalogueItem& item, const std::string& price) {
    view.data.set("code", item.code);
    view.data.set("name", item.name);
    view.data.set("category", item.category);
    view.data.set("price", price);
    view.data.set("inspection_regime", item.inspectionRegime);
    view.data.set("maintenance_interval_months", std::to_string(item.maintenance.intervalMonths));
    view.data.set("van_space", std::to_string(item.vanSpace));
    for (const char* flag : kFlags) view.data.set(flag, flagOf(item, flag));
    mustache::data regimes(mustache::data::type::list);
    const std::pair<const char*, const char*> choices[] = {
        {"none", "None"},
        {"loler", "LOLER thorough examination (lifting equipment)"},
        {"electrical", "Electrical safety test"},
        {"planned_service", "Planned service"}};
    for (const auto& [word, label] : choices) {
        mustache::data regime;
        regime.set("value", std::string(word));
        regime.set("label", std::string(label));
        regime.set("checked", toString(item.maintenance.regime) == word);
        regimes.push_back(regime);
    }
    view.data.set("regimes", regimes);
}

int wholeField(const FormFields& form, const std::string& name) {
    const std::string text = form.text(name);
    if (text.empty() || text.size() > 6 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        throw ValidationError(name, "Enter a whole number");
    }
    return std::stoi(text);
}

// The form laid over `item` (checkboxes not ticked are no).
void readItemForm(const FormFields& form, CatalogueItem& item) {
    item.name = form.text("name");
    item.category = form.text("category");
    item.inspectionRegime = form.text("inspection_regime");
    for (const char* flag : kFlags) flagOf(item, flag) = form.text(flag) == "yes";
    store::setMaintenanceRegime(item, form.text("maintenance_regime"));
    item.maintenance.intervalMonths = wholeField(form, "maintenance_interval_months");
    item.vanSpace = wholeField(form, "van_space");
    item.pricePence = parsePoundsToPence(form.text("price"), "price");
}

// The form field a store error names: the price is typed in pounds into "price".
std::string formField(const std::string& field) {
    if (field == "price_pence" || field == "unit_price_gbp") return "price";
    if (field == "item_code") return "code";
    return field;
}

// A page of the admin's catalogue, marked as such in the navigation.
PageView catalogueView(const std::string& title, const std::string& templateName) {
    PageView view;
    view.title = title;
    view.templateName = templateName;
    view.section = "catalogue";
    return view;
}

mustache::data listRows(const std::vector<CatalogueEntry>& entries) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& entry : entries) {
        mustache::data row;
        row.set("code", entry.item.code);
        row.set("href", itemPath(entry.item.code));
        row.set("name", entry.item.name);
        row.set("category", entry.item.category);
        row.set("price", pounds(entry.item.pricePence));
        row.set("retired", entry.item.retired);
        rows.push_back(row);
    }
    return rows;
}

Response listPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view = catalogueView("Catalogue", "admin_catalogue");
    store::CatalogueQuery query;
    query.text = trimmed(request.queryValue("q")).substr(0, 200);
    query.includeRetired = true;
    view.data.set("q", query.text);
    try {
        const auto page = pageRequest(request, 50);
        const auto entries = site.app.db.read(
            [&](store::Connection& c) { return store::searchCatalogue(c, query); });
        // The cursor is how many items the pages before showed.
        const std::size_t from = std::min<std::size_t>(page.after.value_or(0), entries.size());
        const std::size_t to = std::min(entries.size(), from + page.limit);
        view.data.set("items", listRows({entries.begin() + static_cast<long>(from),
                                         entries.begin() + static_cast<long>(to)}));
        view.data.set("none", entries.empty());
        view.data.set("count_text",
                      std::to_string(entries.size()) + (entries.size() == 1 ? " item" : " items"));
        setNextLink(view, request,
                    to < entries.size() ? std::optional<std::int64_t>(to) : std::nullopt,
                    "Next items");
    } catch (const ValidationError& e) {
        addError(view, e.field(), e.what(), "q");
        view.status = 422;
    }
    return site.render(request, actor, std::move(view));
}

PageView itemView(const std::string& title, bool editing) {
    PageView view = catalogueView(title, "admin_catalogue_item");
    view.data.set("editing", editing);
    return view;
}

Response newItemPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view = itemView("Add an item", false);
    setItemFields(view, CatalogueItem{}, "");
    view.data.set("code", std::string());
    return site.render(request, actor, std::move(view));
}

Response addItem(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    CatalogueItem item;
    item.code = form.text("code");
    auto refused = [&](const std::string& field, const std::string& message, int status) {
        PageView view = itemView("Add an item", false);
        setItemFields(view, item, form.text("price"));
        addError(view, formField(field), message, "item-" + formField(field));
        view.status = status;
        return site.render(request, actor, std::move(view));
    };
    try {
        readItemForm(form, item);
        site.app.db.write([&](store::Connection& c) {
            store::addItem(c, item, {actor.id, site.app.now()});
            return 0;
        });
        return Site::redirect(itemPath(item.code) + "?done=added");
    } catch (const ValidationError& e) {
        return refused(e.field(), e.what(), 422);
    } catch (const Conflict& e) {
        return refused("code", e.what(), 409);
    }
}

CatalogueItem existingItem(Site& site, const std::string& code) {
    auto item = site.app.db.read([&](store::Connection& c) { return store::findItem(c, code); });
    if (!item) throw NotFound("no catalogue item has the code " + code);
    return *item;
}

// An item's page: the change form, retire or bring back, and its equivalents.
PageView editView(Site& site, const CatalogueItem& item, const std::string& price,
                  const std::string& equivalents) {
    PageView view = itemView(item.name, true);
    setItemFields(view, item, price);
    view.data.set("retired", item.retired);
    view.data.set("path", itemPath(item.code));
    if (equivalents.empty()) {
        std::string codes;
        for (const auto& code : site.app.db.read(
                 [&](store::Connection& c) { return store::equivalentsOf(c, item.code); })) {
            codes += (codes.empty() ? "" : ", ") + code;
        }
        view.data.set("codes", codes);
    } else {
        view.data.set("codes", equivalents);
    }
    if (const auto retail = site.app.db.read(
            [&](store::Connection& c) { return store::retailAlternative(c, item.code); })) {
        view.data.set("retail_product", retail->product);
        view.data.set("retail_price_gbp", poundsField(retail->typicalPricePence));
        view.data.set("retail_where", retail->whereToBuy);
        view.data.set("retail_note", retail->safetyNote);
    }
    return view;
}

std::string doneMessage(const std::string& done) {
    if (done == "added") return "The item is added";
    if (done == "changed") return "The changes are saved";
    if (done == "retired") return "The item is retired: it takes no new orders";
    if (done == "restored") return "The item is brought back: it takes orders again";
    if (done == "equivalents") return "The equivalents are saved";
    if (done == "retail") return "The retail alternative is saved";
    return "";
}

Response editPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const CatalogueItem item = existingItem(site, request.pathParams.at("code"));
    PageView view = editView(site, item, poundsField(item.pricePence), "");
    const std::string done = doneMessage(request.queryValue("done"));
    if (!done.empty()) view.data.set("done", done);
    return site.render(request, actor, std::move(view));
}

// Saves `change` to the item (retire, bring back, or the form), or shows the page again with
// the error next to its field.
template <typename Change>
Response changeItem(Site& site, Request& request, const FormFields& form, const std::string& done,
                    Change change) {
    const Actor actor = site.require(request, {Role::admin});
    CatalogueItem item = existingItem(site, request.pathParams.at("code"));
    try {
        change(item);
        site.app.db.write([&](store::Connection& c) {
            store::changeItem(c, item, {actor.id, site.app.now()});
            return 0;
        });
        return Site::redirect(itemPath(item.code) + "?done=" + done);
    } catch (const ValidationError& e) {
        PageView view = editView(site, item, form.text("price"), "");
        addError(view, formField(e.field()), e.what(), "item-" + formField(e.field()));
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

// "A, B C" -> {"A", "B", "C"}: codes never hold commas or spaces.
std::vector<std::string> codesIn(const std::string& text) {
    std::string spaced = text;
    for (char& ch : spaced) {
        if (ch == ',' || ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    std::istringstream words(spaced);
    std::vector<std::string> codes;
    for (std::string code; words >> code;) codes.push_back(code);
    return codes;
}

Response saveEquivalents(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    const CatalogueItem item = existingItem(site, request.pathParams.at("code"));
    try {
        site.app.db.write([&](store::Connection& c) {
            store::replaceEquivalents(c, item.code, codesIn(form.text("codes")),
                                      {actor.id, site.app.now()});
            return 0;
        });
        return Site::redirect(itemPath(item.code) + "?done=equivalents");
    } catch (const ValidationError& e) {
        PageView view =
            editView(site, item, poundsField(item.pricePence), form.text("codes").substr(0, 2000));
        addError(view, "codes", std::string(e.what()), "equivalents-codes");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

// The item's retail alternative (all four fields), or none when they are all left empty.
Response saveRetail(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    const CatalogueItem item = existingItem(site, request.pathParams.at("code"));
    try {
        const auto alternative =
            retailAlternativeFrom(form.text("retail_product"), form.text("retail_price_gbp"),
                                  form.text("retail_where"), form.text("retail_note"));
        site.app.db.write([&](store::Connection& c) {
            store::changeRetailAlternative(c, item.code, alternative, actor.id, site.app.now());
            return 0;
        });
        return Site::redirect(itemPath(item.code) + "?done=retail");
    } catch (const ValidationError& e) {
        PageView view = editView(site, item, poundsField(item.pricePence), "");
        for (const char* field :
             {"retail_product", "retail_price_gbp", "retail_where", "retail_note"}) {
            view.data.set(field, form.text(field).substr(0, 1000));
        }
        addError(view, e.field(), e.what(), "item-" + e.field());
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
}

PageView importView(const std::string& csv) {
    PageView view = catalogueView("Import a catalogue", "admin_catalogue_import");
    view.data.set("csv", csv);
    return view;
}

Response importPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    return site.render(request, actor, importView(""));
}

// Shows the report: each error in the summary (line, column, message), or what was, or would
// be, created, updated and left unchanged.
void showReport(PageView& view, const store::CatalogueImportReport& report, bool dryRun) {
    for (std::size_t i = 0; i < report.errors.size() && i < kShownImportErrors; ++i) {
        const auto& error = report.errors[i];
        addError(view, "report",
                 "Line " + std::to_string(error.line) + ", " + error.field + ": " + error.message,
                 "import-csv");
    }
    if (report.errors.size() > kShownImportErrors) {
        addError(view, "report",
                 "and " + std::to_string(report.errors.size() - kShownImportErrors) +
                     " more errors: nothing was imported",
                 "import-csv");
    }
    if (!report.errors.empty()) {
        view.status = 422;
        return;
    }
    view.data.set("reported", true);
    view.data.set("dry_run", dryRun);
    view.data.set("created", std::to_string(report.created));
    view.data.set("updated", std::to_string(report.updated));
    view.data.set("unchanged", std::to_string(report.unchanged));
}

Response importCsv(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    const bool dryRun = form.text("action") != "import";
    const std::string csv = form.raw("csv");
    PageView view = importView(csv);
    if (trimmed(csv).empty()) {
        addError(view, "csv", "Paste the catalogue's CSV, its header line first", "import-csv");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    const auto report = site.app.db.write([&](store::Connection& c) {
        std::istringstream in(csv);
        return store::importCatalogue(c, in, dryRun, actor.id, site.app.now());
    });
    showReport(view, report, dryRun);
    if (!dryRun && report.errors.empty()) view.data.set("csv", std::string());
    return site.render(request, actor, std::move(view));
}

void addItemChangePages(Router& router, Site& site) {
    site.post(router, "/admin/catalogue/{code}", [&site](Request& r, const FormFields& f) {
        return changeItem(site, r, f, "changed",
                          [&f](CatalogueItem& item) { readItemForm(f, item); });
    });
    site.post(router, "/admin/catalogue/{code}/retire", [&site](Request& r, const FormFields& f) {
        return changeItem(site, r, f, "retired", [](CatalogueItem& item) { item.retired = true; });
    });
    site.post(router, "/admin/catalogue/{code}/bring-back",
              [&site](Request& r, const FormFields& f) {
                  return changeItem(site, r, f, "restored",
                                    [](CatalogueItem& item) { item.retired = false; });
              });
    site.post(router, "/admin/catalogue/{code}/retail",
              [&site](Request& r, const FormFields& f) { return saveRetail(site, r, f); });
    site.post(router, "/admin/catalogue/{code}/equivalents",
              [&site](Request& r, const FormFields& f) { return saveEquivalents(site, r, f); });
}

}  // namespace

void addCatalogueAdminPages(Router& router, Site& site) {
    site.get(router, "/admin/catalogue", [&site](Request& r) { return listPage(site, r); });
    // The fixed pages before /admin/catalogue/{code}: the first route that matches answers.
    site.get(router, "/admin/catalogue/new", [&site](Request& r) { return newItemPage(site, r); });
    site.post(router, "/admin/catalogue/new",
              [&site](Request& r, const FormFields& f) { return addItem(site, r, f); });
    site.get(router, "/admin/catalogue/import",
             [&site](Request& r) { return importPage(site, r); });
    site.post(router, "/admin/catalogue/import",
              [&site](Request& r, const FormFields& f) { return importCsv(site, r, f); });
    site.get(router, "/admin/catalogue/{code}", [&site](Request& r) { return editPage(site, r); });
    addItemChangePages(router, site);
}

}  // namespace ces::web
