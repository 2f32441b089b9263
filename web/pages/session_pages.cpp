#include "core/credentials.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/organisation.h"
#include "web/pages/page_routes.h"
#include "web/policies.h"

namespace ces::web {

namespace {

PageView signInView(const std::string& username) {
    PageView view;
    view.title = "Sign in";
    view.templateName = "sign_in";
    view.data.set("username", username);
    return view;
}

Response signIn(Site& site, Request& request, const FormFields& form) {
    const std::string username = form.text("username");
    const std::string password = form.raw("password");
    PageView view = signInView(username);
    if (username.empty()) addError(view, "username", "Enter your user name");
    if (password.empty()) addError(view, "password", "Enter your password");
    if (view.errors.empty() && (username.size() > 100 || password.size() > 1000)) {
        addError(view, "username", "The user name or password is not right");
    }
    std::optional<store::SignIn> signedIn;
    if (view.errors.empty()) {
        signedIn = site.app.db.read(
            [&](store::Connection& c) { return store::authenticate(c, username, password); });
        if (!signedIn) addError(view, "username", "The user name or password is not right");
    }
    if (!signedIn) {
        view.status = 401;
        return site.render(request, std::nullopt, std::move(view));
    }
    const std::string token = randomHex(32);
    const Instant now = site.app.now();
    const auto lifetime = sessionLifetimeOf(site.app.settings());
    site.app.db.write([&](store::Connection& c) {
        store::createSession(c, *signedIn, token, now, now + lifetime);
    });
    Response response = Site::redirect(Site::homeFor(signedIn->actor.role));
    response.headers.emplace_back(
        "Set-Cookie", PageSecurity::sessionCookie(token, std::chrono::seconds(lifetime).count()));
    return response;
}

Response signOut(Site& site, Request& request) {
    const std::string token = request.cookie(kSessionCookie);
    if (!token.empty()) {
        site.app.db.write([&](store::Connection& c) { store::deleteSession(c, token); });
    }
    Request signedOut = request;
    signedOut.headers.erase("cookie");
    PageView view;
    view.title = "You have signed out";
    view.templateName = "signed_out";
    Response response = site.render(signedOut, std::nullopt, std::move(view));
    response.headers.emplace_back("Set-Cookie", PageSecurity::expiredSessionCookie());
    return response;
}

// The admin's "before you go live" checklist, each gap linking to the page that fixes it.
void addReadiness(Site& site, PageView& view) {
    const auto gaps =
        site.app.db.read([](store::Connection& c) { return store::readinessGaps(c); });
    mustache::data lines(mustache::data::type::list);
    for (const auto& gap : gaps) {
        mustache::data line;
        line.set("message", gap.message);
        line.set("fix_at", gap.fixAt);
        line.set("warning", gap.warning);
        lines.push_back(line);
    }
    view.data.set("admin", true);
    view.data.set("gaps", lines);
    view.data.set("ready", gaps.empty());
}

Response home(Site& site, Request& request) {
    const Actor actor =
        site.require(request, {Role::prescriber, Role::budget_holder, Role::warehouse,
                               Role::planner, Role::driver, Role::commissioner, Role::admin});
    PageView view;
    view.title = "Community Equipment Service";
    view.templateName = "home";
    view.section = "home";
    view.data.set("sees_orders", actor.role == Role::warehouse || actor.role == Role::planner ||
                                     actor.role == Role::budget_holder ||
                                     actor.role == Role::prescriber);
    view.data.set("sees_settings", actor.role == Role::admin);
    if (actor.role == Role::admin) addReadiness(site, view);
    return site.render(request, actor, std::move(view));
}

}  // namespace

void addSessionPages(Router& router, Site& site) {
    site.get(router, "/", [&site](Request& r) {
        const auto actor = site.signedIn(r);
        return Site::redirect(actor ? Site::homeFor(actor->role) : "/sign-in");
    });
    site.get(router, "/sign-in", [&site](Request& r) {
        if (const auto actor = site.signedIn(r)) return Site::redirect(Site::homeFor(actor->role));
        return site.render(r, std::nullopt, signInView(""));
    });
    site.post(router, "/sign-in",
              [&site](Request& r, const FormFields& f) { return signIn(site, r, f); });
    site.get(router, "/sign-out", [&site](Request& r) {
        const auto actor = site.signedIn(r);
        if (!actor) return Site::redirect("/sign-in");
        PageView view;
        view.title = "Sign out";
        view.templateName = "sign_out";
        return site.render(r, actor, std::move(view));
    });
    site.post(router, "/sign-out",
              [&site](Request& r, const FormFields&) { return signOut(site, r); });
    site.get(router, "/home", [&site](Request& r) { return home(site, r); });
}

}  // namespace ces::web
