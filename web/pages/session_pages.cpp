#include "core/errors.h"
#include "core/password_rules.h"
#include "core/store/admin/accounts.h"
#include "core/store/admin/organisation.h"
#include "web/pages/page_routes.h"
#include "web/sign_in.h"

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
    std::optional<OpenedSession> session;
    std::optional<int> lockedFor;
    if (view.errors.empty()) {
        try {
            session = openSession(site.app, username, password);
        } catch (const Unauthenticated&) {
            addError(view, "username", "The user name or password is not right");
        } catch (const RateLimited& e) {
            lockedFor = e.retryAfterSeconds();
            addError(view, "username", "T" + lockedMessage(*lockedFor).substr(1));
        }
    }
    if (!session) {
        view.status = lockedFor ? 429 : 401;
        Response response = site.render(request, std::nullopt, std::move(view));
        if (lockedFor) response.headers.emplace_back("Retry-After", std::to_string(*lockedFor));
        return response;
    }
    Response response = Site::redirect(
        session->passwordChangeRequired ? "/account/password" : Site::homeFor(session->actor.role));
    response.headers.emplace_back(
        "Set-Cookie", PageSecurity::sessionCookie(session->token, session->lifetime.count()));
    return response;
}

// The signed-in person, also one who must set a new password first; nullopt when nobody is.
std::optional<Actor> signedInBeforePasswordChange(Site& site, const Request& request) {
    if (request.cookie(kSessionCookie).empty()) return std::nullopt;
    Request cookieOnly;
    cookieOnly.headers["cookie"] = request.header("cookie");
    try {
        return requireActorBeforePasswordChange(site.app, cookieOnly);
    } catch (const Unauthenticated&) {
        return std::nullopt;
    }
}

PageView passwordView(const Actor& actor, bool required) {
    PageView view;
    view.title = "Set a new password";
    view.templateName = "set_password";
    view.data.set("required", required);
    view.data.set("username", actor.username);
    return view;
}

// The password page of a session opened with a one-time password: no navigation, as nothing
// else opens until the password is set.
PageView passwordViewFor(Site& site, Request& request, const Actor& actor) {
    bool required = false;
    try {
        requireActor(site.app, request);
    } catch (const PasswordChangeRequired&) {
        required = true;
    }
    PageView view = passwordView(actor, required);
    view.navigation = !required;
    return view;
}

Response passwordPage(Site& site, Request& request) {
    const auto actor = signedInBeforePasswordChange(site, request);
    if (!actor) return Site::redirect("/sign-in");
    return site.render(request, actor, passwordViewFor(site, request, *actor));
}

Response setPassword(Site& site, Request& request, const FormFields& form) {
    const auto actor = signedInBeforePasswordChange(site, request);
    if (!actor) return Site::redirect("/sign-in");
    const std::string current = form.raw("current_password");
    const std::string next = form.raw("new_password");
    PageView view = passwordViewFor(site, request, *actor);
    try {
        if (current.empty()) throw ValidationError("current_password", "Enter your password now");
        if (next != form.raw("confirm_password")) {
            throw ValidationError("confirm_password", "The two new passwords are not the same");
        }
        checkNewPassword(next, actor->username, "new_password");
        site.app.db.write([&](store::Connection& c) {
            if (current.size() > kMaxPasswordLength || !store::isPassword(c, actor->id, current)) {
                throw ValidationError("current_password", "This is not your password now");
            }
            if (current == next) {
                throw ValidationError("new_password", "The new password must differ from the old");
            }
            store::changeOwnPassword(c, *actor, next, site.app.now());
        });
    } catch (const ValidationError& e) {
        std::string message = e.what();
        if (!message.empty()) message[0] = static_cast<char>(std::toupper(message[0]));
        addError(view, e.field(), message);
        view.status = 422;
        return site.render(request, actor, std::move(view));
    }
    return Site::redirect(Site::homeFor(actor->role));
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
        const auto actor = signedInBeforePasswordChange(site, r);
        if (!actor) return Site::redirect("/sign-in");
        PageView view;
        view.title = "Sign out";
        view.templateName = "sign_out";
        return site.render(r, actor, std::move(view));
    });
    site.post(router, "/sign-out",
              [&site](Request& r, const FormFields&) { return signOut(site, r); });
    site.get(router, "/home", [&site](Request& r) { return home(site, r); });
    site.get(router, "/account/password", [&site](Request& r) { return passwordPage(site, r); });
    site.post(router, "/account/password",
              [&site](Request& r, const FormFields& f) { return setPassword(site, r, f); });
}

}  // namespace ces::web
