#include "core/kpis.h"
#include "core/store/collections/collections.h"
#include "core/store/ledger/ledger.h"
#include "core/store/reports/reports.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/policies.h"

namespace ces::web {

namespace {

using Poco::Dynamic::Var;

Var cellVar(const store::SqlValue& value) {
    return std::visit(
        [](const auto& v) -> Var {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return Var();
            } else {
                return Var(v);
            }
        },
        value);
}

// ?from=&to= (ISO dates, to exclusive); by default the financial year so far.
store::ReportContext contextOf(App& app, const Request& request) {
    const auto today =
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.now()));
    const std::string defaultFrom = formatDate(kpi::financialYearStart(kpi::financialYear(today)));
    const std::string defaultTo = formatDate(
        std::chrono::year_month_day(std::chrono::sys_days(today) + std::chrono::days(1)));
    store::ReportContext context = reportContextOf(app.settings());
    context.period = store::reportPeriod(request.queryValue("from", defaultFrom),
                                         request.queryValue("to", defaultTo));
    context.now = app.now();
    return context;
}

Poco::JSON::Object::Ptr tableJson(const store::ReportTable& table) {
    auto json = jsonObject();
    json->set("description", table.description);
    auto columns = jsonArray();
    for (const auto& column : table.columns) columns->add(column);
    json->set("columns", columns);
    auto rows = jsonArray();
    for (const auto& row : table.rows) {
        auto object = jsonObject();
        for (std::size_t i = 0; i < row.size(); ++i) object->set(table.columns[i], cellVar(row[i]));
        rows->add(object);
    }
    json->set("rows", rows);
    return json;
}

Response kpis(App& app, Request& request) {
    requireRole(app, request, {Role::commissioner, Role::admin});
    const auto context = contextOf(app, request);
    const auto tables =
        app.db.read([&](store::Connection& c) { return store::kpiReports(c, context); });
    auto answer = jsonObject();
    answer->set("from", context.period.from);
    answer->set("to", context.period.to);
    auto reports = jsonObject();
    for (const auto& table : tables) reports->set(table.name, tableJson(table));
    answer->set("reports", reports);
    return jsonResponse(200, answer);
}

Response reportFile(App& app, Request& request) {
    requireRole(app, request, {Role::commissioner, Role::admin});
    std::string name = request.pathParams["file"];
    const bool csv = name.ends_with(".csv");
    if (csv)
        name.resize(name.size() - 4);
    else if (name.ends_with(".json"))
        name.resize(name.size() - 5);
    const auto context = contextOf(app, request);
    const auto table =
        app.db.read([&](store::Connection& c) { return store::runReport(c, name, context); });
    if (!csv) return jsonResponse(200, tableJson(table));
    Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.body = store::toCsv(table);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "_" +
                                                             context.period.from + "_" +
                                                             context.period.to + ".csv\"");
    return response;
}

Poco::JSON::Object::Ptr entryJson(const store::LedgerEntry& e) {
    auto json = jsonObject();
    json->set("id", e.id.value());
    json->set("kind", std::string(toString(e.kind)));
    json->set("at", formatInstant(e.at));
    json->set("funder", e.funderCode);
    json->set("order_reference", e.orderReference);
    json->set("loan_id", e.loanId ? Var(e.loanId->value()) : Var());
    json->set("barcode", e.barcode ? Var(*e.barcode) : Var());
    json->set("inspection_event_id", e.inspectionEventId ? Var(*e.inspectionEventId) : Var());
    json->set("item_code", e.itemCode ? Var(*e.itemCode) : Var());
    json->set("category", e.category);
    json->set("district", e.district);
    json->set("quantity", e.quantity);
    json->set("unit_price_pence", e.unitPrice);
    json->set("rate_basis_points", e.rate ? Var(*e.rate) : Var());
    json->set("amount_pence", e.amount);
    json->set("corrects_id", e.correctsId ? Var(e.correctsId->value()) : Var());
    json->set("special_id", e.special ? Var(e.special->value()) : Var());
    json->set("note", e.note);
    return json;
}

Response ledger(App& app, Request& request) {
    requireRole(app, request, {Role::commissioner, Role::admin});
    store::LedgerQuery query;
    const std::string from = request.queryValue("from");
    const std::string to = request.queryValue("to");
    if (!from.empty()) {
        query.from = parseDate(from);
        if (!query.from) throw ValidationError("from", "from must be a date such as 2025-04-01");
    }
    if (!to.empty()) {
        query.to = parseDate(to);
        if (!query.to) throw ValidationError("to", "to must be a date such as 2026-04-01");
    }
    const auto page = pageRequest(request);
    const auto entries =
        app.db.read([&](store::Connection& c) { return store::ledgerPage(c, query, page); });
    auto list = jsonArray();
    for (const auto& e : entries.items) list->add(entryJson(e));
    auto answer = jsonObject();
    answer->set("entries", list);
    setNext(answer, request, entries.next);
    return jsonResponse(200, answer);
}

Response correct(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"amount_pence", "reason"});
    const auto amount = body.optionalInteger("amount_pence");
    const std::string reason = body.text("reason");
    const LedgerEntryId id(parsePathId(request.pathParams["id"],
                                       "no ledger row " + request.pathParams["id"].substr(0, 40)));
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        const auto rows = store::correctLedgerEntry(c, id, amount, reason, actor, app.now());
        auto list = jsonArray();
        for (const auto& e : rows) list->add(entryJson(e));
        auto answer = jsonObject();
        answer->set("entries", list);
        return jsonResponse(201, answer);
    });
}

Response policies(App& app, Request& request) {
    requireRole(app, request, {Role::commissioner, Role::admin});
    const auto policy =
        app.db.read([](store::Connection& c) { return store::loadCreditPolicy(c); });
    auto list = jsonArray();
    for (const auto& rule : policy.rules()) {
        auto json = jsonObject();
        json->set("valid_from", formatDate(rule.validFrom));
        json->set("valid_to", rule.validTo ? Var(formatDate(*rule.validTo)) : Var());
        json->set("category", rule.category);
        json->set("condition", rule.condition);
        json->set("rate_basis_points", rule.rate);
        list->add(json);
    }
    auto answer = jsonObject();
    answer->set("default_rate_basis_points", kDefaultCreditRate);
    answer->set("rules", list);
    return jsonResponse(200, answer);
}

Response addPolicy(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    auto body = JsonFields::parse(request.body);
    body.allowOnly({"valid_from", "valid_to", "category", "condition", "rate_basis_points"});
    CreditRule rule;
    const auto from = parseDate(body.text("valid_from"));
    if (!from) throw ValidationError("valid_from", "valid_from must be a date");
    rule.validFrom = *from;
    if (body.has("valid_to")) {
        rule.validTo = parseDate(body.text("valid_to"));
        if (!rule.validTo) throw ValidationError("valid_to", "valid_to must be a date");
    }
    rule.category = body.optionalText("category");
    rule.condition = body.optionalText("condition");
    rule.rate = body.integer("rate_basis_points");
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        auto answer = jsonObject();
        answer->set("id", store::addCreditRule(c, rule, app.now()).value());
        return jsonResponse(201, answer);
    });
}

}  // namespace

void addReportRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/reports/kpis", [&app](Request& r) { return kpis(app, r); });
    router.add("GET", "/api/v1/reports/{file}", [&app](Request& r) { return reportFile(app, r); });
    router.add("GET", "/api/v1/ledger", [&app](Request& r) { return ledger(app, r); });
    router.add("POST", "/api/v1/ledger/{id}/corrections",
               [&app](Request& r) { return correct(app, r); });
    router.add("GET", "/api/v1/credit-policies", [&app](Request& r) { return policies(app, r); });
    router.add("POST", "/api/v1/credit-policies", [&app](Request& r) { return addPolicy(app, r); });
}

}  // namespace ces::web
