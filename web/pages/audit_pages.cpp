// The admin's audit viewer: the audit log newest first with filters by user, resident and days,
// a page at a time (the same rules as GET /api/v1/audit).
#include <limits>

#include "core/errors.h"
#include "core/store/infrastructure/audit.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

std::optional<std::chrono::year_month_day> dayFilter(const std::string& name,
                                                     const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto day = parseDate(text);
    if (!day) throw ValidationError(name, "Enter the date as YYYY-MM-DD");
    return day;
}

store::AuditFilter filterOf(const Request& request) {
    store::AuditFilter filter;
    filter.username = request.queryValue("user");
    const std::string resident = request.queryValue("resident_id");
    if (!resident.empty()) {
        filter.resident = ResidentId(parseFieldNumber("resident_id", resident, 1,
                                                      std::numeric_limits<std::int64_t>::max(),
                                                      "Enter a resident's id as a number"));
    }
    filter.from = dayFilter("from", request.queryValue("from"));
    filter.to = dayFilter("to", request.queryValue("to"));
    return filter;
}

mustache::data entryRows(const std::vector<store::AuditEntry>& entries) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& e : entries) {
        mustache::data row;
        row.set("at", e.at);
        row.set("atText", ukDateTime(e.at));
        row.set("user", e.username.value_or("the service"));
        row.set("action", e.action);
        row.set("entity", e.entity + " " + e.entityId);
        row.set("detail", e.detail);
        rows.push_back(row);
    }
    return rows;
}

Response auditPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view;
    view.title = "Audit log";
    view.templateName = "admin_audit";
    view.section = "audit";
    for (const char* field : {"user", "resident_id", "from", "to"}) {
        view.data.set(field, request.queryValue(field).substr(0, 100));
    }
    try {
        const auto filter = filterOf(request);
        const auto page = pageRequest(request, 50);
        const auto entries = site.app.db.read(
            [&](store::Connection& c) { return store::listAudit(c, filter, page); });
        view.data.set("entries", entryRows(entries.items));
        view.data.set("none", entries.items.empty());
        setNextLink(view, request, entries.next, "Older entries");
    } catch (const ValidationError& e) {
        addError(view, e.field(), e.what(), "audit-" + e.field());
        view.status = 422;
    }
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addAuditPages(Router& router, Site& site) {
    site.get(router, "/admin/audit", [&site](Request& r) { return auditPage(site, r); });
}

}  // namespace ces::web
