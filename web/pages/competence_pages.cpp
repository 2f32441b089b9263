// Prescriber competence for the admin: the list and what ends in the next 30 days
// (/admin/competences, with a CSV), and each person's competences to grant, renew or withdraw
// (/admin/users/{id}/competences). Every change is audited by the store.
#include "core/csv.h"
#include "core/errors.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/competences.h"
#include "web/http/request_numbers.h"
#include "web/pages/form_fields.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

constexpr int kExpiringDays = 30;

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day daysFrom(year_month_day day, int n) {
    return year_month_day(sys_days(day) + days(n));
}

std::vector<store::GrantedCompetence> expiring(Site& site) {
    const auto today = ukDateOf(site.app.now());
    return site.app.db.read([&](store::Connection& c) {
        return store::competencesExpiring(c, today, daysFrom(today, kExpiringDays));
    });
}

void addFieldError(PageView& view, const ValidationError& e) {
    addError(view, e.field(), capitalised(e.what()));
    view.status = 422;
}

PageView listView(Site& site, const std::string& code, const std::string& name) {
    PageView view;
    view.title = "Competences";
    view.templateName = "admin_competences";
    view.section = "competences";
    mustache::data rows(mustache::data::type::list);
    for (const auto& g : expiring(site)) {
        mustache::data row;
        row.set("user_id", std::to_string(g.user.value()));
        row.set("name", g.userName);
        row.set("competence", capitalised(competenceLabel(g.code)));
        row.set("expires_on", longDate(g.expiresOn));
        rows.push_back(row);
    }
    view.data.set("expiring", rows);
    mustache::data list(mustache::data::type::list);
    for (const auto& competence :
         site.app.db.read([](store::Connection& c) { return store::listCompetences(c); })) {
        mustache::data row;
        row.set("code", competence.code);
        row.set("name", competence.name);
        list.push_back(row);
    }
    view.data.set("competences", list);
    view.data.set("code", code);
    view.data.set("name", name);
    return view;
}

Response addCompetence(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const store::Competence competence{fields.text("code").substr(0, 60),
                                       fields.text("name").substr(0, 300)};
    try {
        site.app.db.write([&](store::Connection& c) {
            store::addCompetence(c, competence, actor, site.app.now());
        });
    } catch (const ValidationError& e) {
        PageView view = listView(site, competence.code, competence.name);
        addFieldError(view, e);
        return site.render(request, actor, std::move(view));
    } catch (const Conflict& e) {
        PageView view = listView(site, competence.code, competence.name);
        addFieldError(view, ValidationError("code", e.what()));
        return site.render(request, actor, std::move(view));
    }
    return Site::redirect("/admin/competences?done=1");
}

Response expiringCsv(Site& site, Request& request) {
    site.require(request, {Role::admin});
    std::string csv = "username,name,competence,expires_on,granted_by\r\n";
    for (const auto& g : expiring(site)) {
        appendCsvRecord(csv,
                        {g.username, g.userName, g.code, formatDate(g.expiresOn), g.grantedBy});
    }
    return csvDownload("competences-ending.csv", std::move(csv));
}

UserId userIdOf(const Request& request) {
    return UserId(parsePathId(request.pathParams.at("id"), "no such user"));
}

PageView userView(Site& site, UserId id) {
    PageView view;
    view.templateName = "admin_user_competences";
    view.section = "users";
    view.title = "Competences";
    const auto today = ukDateOf(site.app.now());
    site.app.db.read([&](store::Connection& c) {
        const auto user = store::findUser(c, id);
        view.data.set("user_id", std::to_string(id.value()));
        view.data.set("user_name", user.displayName);
        mustache::data held(mustache::data::type::list);
        for (const auto& g : store::competencesOf(c, id)) {
            mustache::data row;
            row.set("user_id", std::to_string(id.value()));
            row.set("code", g.code);
            row.set("label", competenceLabel(g.code));
            row.set("heading", capitalised(competenceLabel(g.code)));
            row.set("expires_words", longDate(g.expiresOn));
            row.set("ending", sys_days(g.expiresOn) <= sys_days(daysFrom(today, kExpiringDays)));
            row.set("granted_at", ukDate(g.grantedAt));
            row.set("granted_by", g.grantedBy);
            row.set("renew_to", formatDate(daysFrom(std::max(today, g.expiresOn), 365)));
            held.push_back(row);
        }
        view.data.set("held", held);
        mustache::data options(mustache::data::type::list);
        for (const auto& competence : store::listCompetences(c)) {
            if (competence.code == kBasicCompetence) continue;
            mustache::data option;
            option.set("code", competence.code);
            option.set("name", competence.name);
            options.push_back(option);
        }
        view.data.set("options", options);
        view.data.set("grant_to", formatDate(daysFrom(today, 365)));
        return 0;
    });
    return view;
}

Response userPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    PageView view = userView(site, userIdOf(request));
    const std::string done = request.queryValue("done");
    if (done == "granted") view.data.set("done", "Saved: the competence is valid to its new date");
    if (done == "withdrawn") view.data.set("done", "The competence is withdrawn");
    return site.render(request, actor, std::move(view));
}

Response grant(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const UserId id = userIdOf(request);
    const std::string code = fields.text("competence").substr(0, 60);
    try {
        if (code.empty()) throw ValidationError("competence", "choose a competence");
        const auto until = parseDate(fields.text("expires_on").substr(0, 12));
        if (!until) throw ValidationError("expires_on", "enter the date it is valid until");
        site.app.db.write([&](store::Connection& c) {
            store::grantCompetence(c, id, code, *until, actor, site.app.now());
        });
    } catch (const ValidationError& e) {
        PageView view = userView(site, id);
        addFieldError(view, e);
        return site.render(request, actor, std::move(view));
    } catch (const Conflict& e) {
        PageView view = userView(site, id);
        addFieldError(view, ValidationError("competence", e.what()));
        return site.render(request, actor, std::move(view));
    }
    return Site::redirect("/admin/users/" + std::to_string(id.value()) +
                          "/competences?done=granted");
}

Response withdraw(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const UserId id = userIdOf(request);
    const std::string code = request.pathParams.at("code").substr(0, 60);
    site.app.db.write([&](store::Connection& c) {
        if (!store::withdrawCompetence(c, id, code, actor, site.app.now())) {
            throw NotFound("the user does not hold " + code);
        }
    });
    return Site::redirect("/admin/users/" + std::to_string(id.value()) +
                          "/competences?done=withdrawn");
}

}  // namespace

void addCompetencePages(Router& router, Site& site) {
    site.get(router, "/admin/competences", [&site](Request& r) {
        const Actor actor = site.require(r, {Role::admin});
        PageView view = listView(site, "", "");
        if (!r.queryValue("done").empty()) view.data.set("done", "The competence is added");
        return site.render(r, actor, std::move(view));
    });
    site.post(router, "/admin/competences",
              [&site](Request& r, const FormFields& f) { return addCompetence(site, r, f); });
    site.get(router, "/admin/competences/expiring.csv",
             [&site](Request& r) { return expiringCsv(site, r); });
    site.get(router, "/admin/users/{id}/competences",
             [&site](Request& r) { return userPage(site, r); });
    site.post(router, "/admin/users/{id}/competences",
              [&site](Request& r, const FormFields& f) { return grant(site, r, f); });
    site.post(router, "/admin/users/{id}/competences/{code}/withdraw",
              [&site](Request& r, const FormFields&) { return withdraw(site, r); });
}

}  // namespace ces::web
