// The administrator's users pages: find users by name or role, add one (its one-time password
// shown once), change name, role, team and e-mail, switch off or on, reset the password.
#include "core/errors.h"
#include "core/password_rules.h"
#include "core/store/admin/accounts.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

constexpr Role kRoles[] = {Role::prescriber, Role::budget_holder, Role::warehouse, Role::planner,
                           Role::driver,     Role::commissioner,  Role::admin};

mustache::data roleOptions(const std::string& chosen) {
    mustache::data options(mustache::data::type::list);
    for (Role role : kRoles) {
        mustache::data option;
        option.set("value", std::string(toString(role)));
        option.set("selected", chosen == toString(role));
        options.push_back(option);
    }
    return options;
}

mustache::data userRow(const store::UserRecord& user) {
    mustache::data row;
    row.set("id", std::to_string(user.id.value()));
    row.set("username", user.username);
    row.set("name", user.displayName);
    row.set("role", std::string(toString(user.role)));
    row.set("team", user.team ? user.teamName : std::string("none"));
    row.set("active", user.active);
    row.set("password_change_required", user.passwordChangeRequired);
    return row;
}

Response listPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    store::UserQuery query;
    query.search = request.queryValue("q").substr(0, 100);
    const std::string role = request.queryValue("role");
    query.role = parseRole(role);
    const auto page = pageRequest(request, 50);
    const auto users =
        site.app.db.read([&](store::Connection& c) { return store::listUsers(c, query, page); });
    PageView view;
    view.title = "Users";
    view.templateName = "users";
    view.section = "users";
    mustache::data rows(mustache::data::type::list);
    for (const auto& user : users.items) rows.push_back(userRow(user));
    view.data.set("users", rows);
    view.data.set("none", users.items.empty());
    view.data.set("q", query.search);
    view.data.set("roles", roleOptions(query.role ? role : ""));
    setNextLink(view, request, users.next, "Next users");
    return site.render(request, actor, std::move(view));
}

/// What was typed into the add or change form, kept when it is shown again with errors.
struct UserForm {
    std::string username;
    std::string name;
    std::string role;
    std::string teamCode;
    std::string email;
};

UserForm formOf(const FormFields& fields) {
    return {fields.text("username"), fields.text("name"), fields.text("role"),
            fields.text("team_code"), fields.text("email")};
}

std::optional<std::string> noneIfEmpty(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

Role roleOf(const std::string& text) {
    const auto role = parseRole(text);
    if (!role) throw ValidationError("role", "Choose a role");
    return *role;
}

PageView formView(const UserForm& form, std::optional<store::UserRecord> user) {
    PageView view;
    view.title = user ? "Change " + user->displayName : "Add a user";
    view.templateName = "user_form";
    view.section = "users";
    view.data.set("adding", !user);
    view.data.set("action", user ? "/admin/users/" + std::to_string(user->id.value())
                                 : std::string("/admin/users/new"));
    view.data.set("username", user ? user->username : form.username);
    view.data.set("name", form.name);
    view.data.set("roles", roleOptions(form.role));
    view.data.set("team_code", form.teamCode);
    view.data.set("email", form.email);
    if (user) {
        view.data.set("id", std::to_string(user->id.value()));
        view.data.set("active", user->active);
        view.data.set("prescribing",
                      user->role == Role::prescriber || user->role == Role::budget_holder);
    }
    return view;
}

Response invalidForm(Site& site, Request& request, const Actor& actor, PageView view,
                     const ValidationError& e) {
    addError(view, e.field(), capitalised(e.what()));
    view.status = 422;
    return site.render(request, actor, std::move(view));
}

// The page that shows a one-time password, once.
Response passwordShown(Site& site, Request& request, const Actor& actor,
                       const std::string& username, const std::string& password, bool added) {
    PageView view;
    view.title = added ? "User added" : "Password reset";
    view.templateName = "user_password";
    view.section = "users";
    view.data.set("username", username);
    view.data.set("password", password);
    view.data.set("added", added);
    Response response = site.render(request, actor, std::move(view));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

Response addUser(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const UserForm form = formOf(fields);
    try {
        store::NewUser user{form.username,           form.name,
                            roleOf(form.role),       noneIfEmpty(form.teamCode),
                            noneIfEmpty(form.email), oneTimePassword()};
        site.app.db.write([&](store::Connection& c) {
            return store::addUser(c, user, actor.id, site.app.now());
        });
        return passwordShown(site, request, actor, user.username, user.password, true);
    } catch (const ValidationError& e) {
        return invalidForm(site, request, actor, formView(form, std::nullopt), e);
    } catch (const Conflict& e) {
        return invalidForm(site, request, actor, formView(form, std::nullopt),
                           ValidationError("username", e.what()));
    }
}

UserId userIdOf(const Request& request) {
    return UserId(parsePathId(request.pathParams.at("id"), "no such user"));
}

store::UserRecord userOf(Site& site, const Request& request) {
    const UserId id = userIdOf(request);
    return site.app.db.read([&](store::Connection& c) { return store::findUser(c, id); });
}

Response editPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const auto user = userOf(site, request);
    PageView view = formView({user.username, user.displayName, std::string(toString(user.role)),
                              user.teamCode.value_or(""), user.email.value_or("")},
                             user);
    if (!request.queryValue("done").empty()) view.data.set("done", "The changes are saved");
    return site.render(request, actor, std::move(view));
}

Response saveUser(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const auto user = userOf(site, request);
    const UserForm form = formOf(fields);
    try {
        store::UserChange change;
        change.displayName = form.name;
        change.role = roleOf(form.role);
        // A team without a code (made before codes) is kept when the field is left empty.
        if (!form.teamCode.empty() || user.teamCode) change.teamCode = noneIfEmpty(form.teamCode);
        change.email = noneIfEmpty(form.email);
        site.app.db.write([&](store::Connection& c) {
            return store::changeUser(c, user.id, change, actor.id, site.app.now());
        });
    } catch (const ValidationError& e) {
        return invalidForm(site, request, actor, formView(form, user), e);
    } catch (const Conflict& e) {
        return invalidForm(site, request, actor, formView(form, user),
                           ValidationError("role", e.what()));
    }
    return Site::redirect("/admin/users/" + std::to_string(user.id.value()) + "?done=1");
}

Response switchUser(Site& site, Request& request, const FormFields& fields) {
    const Actor actor = site.require(request, {Role::admin});
    const UserId id = userIdOf(request);
    store::UserChange change;
    change.active = fields.text("active") == "true";
    try {
        site.app.db.write([&](store::Connection& c) {
            return store::changeUser(c, id, change, actor.id, site.app.now());
        });
    } catch (const Conflict& e) {
        return site.errorPage(request, 409, "You cannot do that", e.what());
    }
    return Site::redirect("/admin/users/" + std::to_string(id.value()) + "?done=1");
}

Response resetPassword(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const auto user = userOf(site, request);
    const std::string password = oneTimePassword();
    site.app.db.write([&](store::Connection& c) {
        store::resetPassword(c, user.id, password, actor.id, site.app.now());
    });
    return passwordShown(site, request, actor, user.username, password, false);
}

}  // namespace

void addUserPages(Router& router, Site& site) {
    site.get(router, "/admin/users", [&site](Request& r) { return listPage(site, r); });
    site.get(router, "/admin/users/new", [&site](Request& r) {
        const Actor actor = site.require(r, {Role::admin});
        return site.render(r, actor, formView(UserForm{}, std::nullopt));
    });
    site.post(router, "/admin/users/new",
              [&site](Request& r, const FormFields& f) { return addUser(site, r, f); });
    site.get(router, "/admin/users/{id}", [&site](Request& r) { return editPage(site, r); });
    site.post(router, "/admin/users/{id}",
              [&site](Request& r, const FormFields& f) { return saveUser(site, r, f); });
    site.post(router, "/admin/users/{id}/active",
              [&site](Request& r, const FormFields& f) { return switchUser(site, r, f); });
    site.post(router, "/admin/users/{id}/password-reset",
              [&site](Request& r, const FormFields&) { return resetPassword(site, r); });
}

}  // namespace ces::web
