// The admin's residents: find one (name, postcode, id or legacy reference), print everything
// held about them for a subject access request, and record their death.
#include <algorithm>

#include "core/store/residents/deceased.h"
#include "core/store/residents/residents.h"
#include "core/store/residents/subject_access.h"
#include "warehouse/resident_death.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/date_fields.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"
#include "web/pages/record_words.h"
#include "web/policies.h"

namespace ces::web {

namespace {

ResidentId residentIdOf(Request& request) {
    const std::string& text = request.pathParams["id"];
    return ResidentId(parsePathId(text, "no resident has the id " + text.substr(0, 40)));
}

mustache::data foundRows(const std::vector<store::FoundResident>& found) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& r : found) {
        mustache::data row;
        row.set("id", std::to_string(r.id.value()));
        row.set("name", r.name);
        row.set("date_of_birth", r.dateOfBirth);
        row.set("address", r.addressLine1 + ", " + r.postcode);
        row.set("legacy_ref", r.legacyRef.value_or(""));
        if (r.deceasedOn) row.set("deceased_on", *r.deceasedOn);
        rows.push_back(row);
    }
    return rows;
}

Response searchPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view;
    view.title = "Residents";
    view.templateName = "admin_residents";
    view.section = "residents";
    const std::string text = request.queryValue("q");
    view.data.set("q", text.substr(0, 100));
    if (text.empty() && request.queryValue("searched").empty()) {
        return site.render(request, actor, std::move(view));
    }
    try {
        const auto page = pageRequest(request, 25);
        const auto found = site.app.db.write([&](store::Connection& c) {
            return store::searchResidents(c, text, page, actor, site.app.now());
        });
        view.data.set("results", foundRows(found.items));
        view.data.set("searched", true);
        view.data.set("none", found.items.empty());
        setNextLink(view, request, found.next, "More residents");
    } catch (const ValidationError& e) {
        addError(view, e.field(), "Enter a name, postcode, id or old provider's reference");
        view.status = 422;
    }
    return site.render(request, actor, std::move(view));
}

mustache::data tableData(const store::RecordTable& table) {
    mustache::data data;
    data.set("name", recordLabel(table.name));
    std::string anchor = table.name;
    std::replace(anchor.begin(), anchor.end(), '_', '-');
    data.set("anchor", anchor);
    mustache::data headers(mustache::data::type::list);
    for (const auto& column : table.columns) {
        headers.push_back(mustache::data(recordLabel(column.name)));
    }
    data.set("headers", headers);
    mustache::data rows(mustache::data::type::list);
    for (const auto& row : table.rows) {
        mustache::data cells(mustache::data::type::list);
        for (std::size_t j = 0; j < row.size() && j < table.columns.size(); ++j) {
            cells.push_back(mustache::data(recordWords(table.columns[j].name, row[j])));
        }
        mustache::data r;
        r.set("cells", cells);
        rows.push_back(r);
    }
    data.set("rows", rows);
    data.set("empty", table.rows.empty());
    return data;
}

Response subjectAccessPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const ResidentId id = residentIdOf(request);
    const auto found = site.app.db.write(
        [&](store::Connection& c) { return store::subjectAccess(c, id, actor, site.app.now()); });
    PageView view;
    view.title = "Subject access: resident " + std::to_string(id.value());
    view.templateName = "admin_residents_subject_access";
    view.section = "residents";
    view.data.set("generated", ukDateTime(formatInstant(site.app.now())));
    mustache::data details(mustache::data::type::list);
    for (std::size_t j = 0; j < found.details.columns.size(); ++j) {
        mustache::data row;
        const auto& column = found.details.columns[j].name;
        row.set("key", recordLabel(column));
        row.set("value", recordWords(column, found.details.rows[0][j]));
        details.push_back(row);
    }
    view.data.set("details", details);
    mustache::data tables(mustache::data::type::list);
    for (const auto& table : found.tables) tables.push_back(tableData(table));
    view.data.set("tables", tables);
    store::RecordTable audit{
        "audit", {{"when_at"}, {"who"}, {"action"}, {"about"}, {"detail"}}, {}};
    for (const auto& e : found.audit) {
        audit.rows.push_back({e.at, e.username.value_or("the service"), e.action,
                              e.entity + " " + e.entityId, e.detail});
    }
    view.data.set("audit", tableData(audit));
    return site.render(request, actor, std::move(view));
}

struct DeathRecordFor {
    Resident resident;
    std::optional<std::string> deceasedOn;
};

PageView deathView(const DeathRecordFor& record) {
    const Resident& resident = record.resident;
    PageView view;
    view.title = "Record a death";
    view.templateName = "admin_residents_death";
    view.section = "residents";
    view.data.set("id", std::to_string(resident.id.value()));
    view.data.set("name", resident.name);
    view.data.set("address",
                  resident.addressLine1 + ", " + resident.town + ", " + resident.postcode);
    if (record.deceasedOn) view.data.set("deceased_on", *record.deceasedOn);
    return view;
}

DeathRecordFor residentFor(Site& site, ResidentId id) {
    return site.app.db.read([&](store::Connection& c) {
        auto found = store::findResident(c, id);
        if (!found) throw NotFound("no resident has the id " + std::to_string(id.value()));
        return DeathRecordFor{*found, store::deceasedOn(c, id)};
    });
}

std::string joinedOrNone(const std::vector<std::string>& references) {
    std::string text;
    for (const auto& r : references) text += (text.empty() ? "" : ", ") + r;
    return text.empty() ? "none" : text;
}

Response recordDeath(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    const ResidentId id = residentIdOf(request);
    PageView view = deathView(residentFor(site, id));
    view.data.set("day", form.text("date-day"));
    view.data.set("month", form.text("date-month"));
    view.data.set("year", form.text("date-year"));
    const auto date = dateFromParts(form, "date");
    if (!date) {
        addError(view, "date", "Enter the date of death, for example 3 12 2026", "date-day");
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    try {
        const auto rules = collectionRulesOf(site.app.settings());
        const auto done = site.app.db.write([&](store::Connection& c) {
            return warehouse::recordDeath(c, id, *date, actor, site.app.now(),
                                          site.app.workingDays(), rules);
        });
        view.data.set("deceased_on", done.date);
        view.data.set("recorded", true);
        view.data.set("cancelled_orders", joinedOrNone(done.cancelledOrders));
        view.data.set("collections", joinedOrNone(done.collections));
        view.data.set("already_collecting", joinedOrNone(done.alreadyCollecting));
        view.data.set("out_for_delivery", joinedOrNone(done.outForDelivery));
    } catch (const ValidationError& e) {
        addError(view, "date",
                 "The date of death must be a real date, today or earlier, and "
                 "not before their date of birth",
                 "date-day");
        view.status = 422;
    }
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addAdminResidentPages(Router& router, Site& site) {
    site.get(router, "/admin/residents", [&site](Request& r) { return searchPage(site, r); });
    site.get(router, "/admin/residents/{id}/subject-access",
             [&site](Request& r) { return subjectAccessPage(site, r); });
    site.get(router, "/admin/residents/{id}/deceased", [&site](Request& r) {
        const Actor actor = site.require(r, {Role::admin});
        return site.render(r, actor, deathView(residentFor(site, residentIdOf(r))));
    });
    site.post(router, "/admin/residents/{id}/deceased",
              [&site](Request& r, const FormFields& f) { return recordDeath(site, r, f); });
}

}  // namespace ces::web
