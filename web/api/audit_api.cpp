// The audit viewer: who did or read what, newest first, filtered by user, resident and days.
#include <limits>

#include "web/api/audit_json.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

std::optional<std::chrono::year_month_day> dayParam(const Request& request,
                                                    const std::string& name) {
    const std::string text = request.queryValue(name);
    if (text.empty()) return std::nullopt;
    const auto day = parseDate(text);
    if (!day) throw ValidationError(name, name + " must be a date as YYYY-MM-DD");
    return day;
}

Response listAudit(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    store::AuditFilter filter;
    filter.username = request.queryValue("user");
    const std::string resident = request.queryValue("resident_id");
    if (!resident.empty()) {
        filter.resident = ResidentId(parseFieldNumber("resident_id", resident, 1,
                                                      std::numeric_limits<std::int64_t>::max(),
                                                      "resident_id must be a resident's id"));
    }
    filter.from = dayParam(request, "from");
    filter.to = dayParam(request, "to");
    const auto page = pageRequest(request);
    const auto entries =
        app.db.read([&](store::Connection& c) { return store::listAudit(c, filter, page); });
    auto list = jsonArray();
    for (const auto& e : entries.items) list->add(auditEntryJson(e));
    auto answer = jsonObject();
    answer->set("entries", list);
    setNext(answer, request, entries.next);
    return jsonResponse(200, answer);
}

}  // namespace

void addAuditRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/audit", [&app](Request& r) { return listAudit(app, r); });
}

}  // namespace ces::web
