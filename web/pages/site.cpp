#include "web/pages/site.h"

#include "core/errors.h"
#include "web/http/errors.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/pages/page_language.h"

namespace ces::web {

namespace {

struct NavItem {
    const char* section;
    const char* href;
    const char* text;
};

std::vector<NavItem> navigationFor(Role role) {
    switch (role) {
        case Role::prescriber:
            return {{"catalogue", "/catalogue", "Catalogue"},
                    {"new-order", "/orders/new", "New order"},
                    {"orders", "/orders", "My orders"},
                    {"collections", "/collections", "Collections"}};
        case Role::budget_holder:
            return {{"orders", "/orders", "Orders"}, {"catalogue", "/catalogue", "Catalogue"}};
        case Role::warehouse:
            return {{"returns", "/warehouse/returns", "Returns"},
                    {"goods-in", "/warehouse/goods-in", "Goods in"},
                    {"queues", "/warehouse/queues", "Decontamination and inspection"},
                    {"stock", "/warehouse/stock", "Stock"},
                    {"specials", "/warehouse/specials", "Specials"},
                    {"maintenance", "/warehouse/maintenance", "Maintenance"},
                    {"pick-lists", "/warehouse/pick-lists", "Pick lists"},
                    {"recalls", "/recalls", "Recalls"},
                    {"orders", "/orders", "Orders"}};
        case Role::planner:
            return {
                {"plan", "/plan", "Day plan"},      {"week", "/plan/week", "Week"},
                {"orders", "/orders", "Orders"},    {"collections", "/collections", "Collections"},
                {"recalls", "/recalls", "Recalls"}, {"catalogue", "/catalogue", "Catalogue"}};
        case Role::driver:
            return {{"stops", "/driver", "Today's stops"}};
        case Role::commissioner:
            return {{"dashboard", "/dashboard", "Dashboard"},
                    {"recalls", "/recalls", "Recalls"},
                    {"catalogue", "/catalogue", "Catalogue"}};
        case Role::admin:
            return {{"home", "/home", "Home"},
                    {"users", "/admin/users", "Users"},
                    {"competences", "/admin/competences", "Competences"},
                    {"organisation", "/admin/organisation", "Organisation"},
                    {"catalogue", "/admin/catalogue", "Catalogue"},
                    {"residents", "/admin/residents", "Residents"},
                    {"messages", "/admin/messages", "Messages"},
                    {"recalls", "/recalls", "Recalls"},
                    {"audit", "/admin/audit", "Audit log"},
                    {"jobs", "/admin/jobs", "Jobs"},
                    {"settings", "/admin/settings", "Settings"}};
        default:
            return {{"home", "/home", "Home"}, {"catalogue", "/catalogue", "Catalogue"}};
    }
}

std::string roleLabel(Role role) {
    switch (role) {
        case Role::prescriber:
            return "Prescriber";
        case Role::budget_holder:
            return "Budget holder";
        case Role::warehouse:
            return "Warehouse";
        case Role::planner:
            return "Planner";
        case Role::driver:
            return "Driver";
        case Role::commissioner:
            return "Commissioner";
        case Role::admin:
            return "Administrator";
    }
    return "";
}

// The pages residents see, whose errors speak their language.
bool residentPath(const Request& request) {
    return request.path.starts_with("/track") || request.path.starts_with("/collection-points");
}

}  // namespace

Site::Site(App& app_, const std::string& templatesDir, std::string csrfSecret)
    : app(app_),
      words(wordsDirectory()),
      renderer_(templatesDir),
      security_(std::move(csrfSecret)) {
    for (const Language language : Words::kLanguages) {
        templateWords_.emplace(language, templateWords(words.catalogue(language)));
    }
}

WordsIn Site::residentWords(const Request& request, std::optional<Language> preferred) const {
    return WordsIn(words, residentLanguage(request, preferred));
}

std::string Site::homeFor(Role role) {
    switch (role) {
        case Role::prescriber:
            return "/catalogue";
        case Role::budget_holder:
            return "/orders";
        case Role::warehouse:
            return "/warehouse/returns";
        case Role::planner:
            return "/plan";
        case Role::driver:
            return "/driver";
        case Role::commissioner:
            return "/dashboard";
        default:
            return "/home";
    }
}

std::optional<Actor> Site::signedIn(const Request& request) const {
    if (request.cookie(kSessionCookie).empty()) return std::nullopt;
    try {
        // Pages go by the cookie only: a bearer token is for the API.
        Request cookieOnly;
        cookieOnly.headers["cookie"] = request.header("cookie");
        Actor actor = requireActor(app, cookieOnly);
        request.userId = cookieOnly.userId;
        return actor;
    } catch (const Unauthenticated&) {
        return std::nullopt;
    }
}

Actor Site::require(const Request& request, std::initializer_list<Role> roles) const {
    auto actor = signedIn(request);
    if (!actor) throw Unauthenticated("please sign in");
    for (Role role : roles) {
        if (actor->role == role) return *actor;
    }
    throw Forbidden("this page is not for your role");
}

Response Site::redirect(const std::string& location) {
    Response response;
    response.status = 303;
    response.contentType = "text/html; charset=utf-8";
    response.headers.emplace_back("Location", location);
    return response;
}

void setNextLink(PageView& view, const Request& request, std::optional<std::int64_t> next,
                 const std::string& text) {
    const auto link = nextLink(request, next);
    view.data.set("next_link", link ? mustache::data(*link) : mustache::data(false));
    view.data.set("next_text", text);
}

void setNextLink(PageView& view, const std::string& base, std::optional<std::int64_t> next,
                 const std::string& text) {
    const std::string link = base + (base.find('?') == std::string::npos ? "?" : "&") +
                             "after=" + std::to_string(next.value_or(0));
    view.data.set("next_link", next ? mustache::data(link) : mustache::data(false));
    view.data.set("next_text", text);
}

void addError(PageView& view, const std::string& field, const std::string& message,
              const std::string& anchor) {
    view.errors.push_back({field, anchor.empty() ? field : anchor, message});
}

Response Site::render(Request& request, const std::optional<Actor>& actor, PageView view) const {
    Response response;
    response.status = view.status;
    response.contentType = "text/html; charset=utf-8";

    mustache::data& data = view.data;
    const Language language = view.language.value_or(Language::en);
    const mustache::data& pageWords = templateWords_.at(language);
    data.set("t", pageWords);
    const std::string csrf = security_.tokenFor(request, response);
    data.set("csrf_token", csrf);
    data.set("title", view.title);
    mustache::data errors(mustache::data::type::list);
    for (const auto& error : view.errors) {
        mustache::data item;
        item.set("anchor", error.anchor);
        item.set("message", error.message);
        errors.push_back(item);
        data.set(error.field + "_error", error.message);
    }
    data.set("errors", errors);
    data.set("has_errors", !view.errors.empty());
    const std::string body = renderer_.render(view.templateName, data);

    mustache::data layout;
    layout.set("t", pageWords);
    layout.set("lang", std::string(toString(language)));
    layout.set(
        "page_title",
        words.text(language, view.errors.empty() ? "layout_page_title" : "layout_error_page_title",
                   {{"title", view.title}}));
    if (view.language) {
        layout.set("has_languages", true);
        layout.set("languages", languageLinks(request, words, language));
        if (parseLanguage(request.queryValue("lang"))) {
            response.headers.emplace_back("Set-Cookie", languageCookie(language));
        }
    }
    layout.set("body", body);
    layout.set("csrf_token", csrf);
    mustache::data navigation(mustache::data::type::list);
    if (actor) {
        for (const auto& item :
             view.navigation ? navigationFor(actor->role) : std::vector<NavItem>{}) {
            mustache::data link;
            link.set("href", item.href);
            link.set("text", item.text);
            link.set("current", view.section == item.section);
            navigation.push_back(link);
        }
        layout.set("signed_in", true);
        layout.set("user_name", actor->displayName);
        layout.set("role", roleLabel(actor->role));
        layout.set("home", homeFor(actor->role));
    } else {
        mustache::data track;
        track.set("href", "/track");
        track.set("text", words.text(language, "layout_track"));
        track.set("current", view.section == "track");
        navigation.push_back(track);
        layout.set("home", "/");
    }
    layout.set("navigation", navigation);
    response.body = renderer_.render("layout", layout);
    return response;
}

Response Site::errorPage(Request& request, int status, const std::string& title,
                         const std::string& message) const {
    PageView view;
    view.title = title;
    view.templateName = "error";
    view.status = status;
    view.data.set("message", message);
    std::optional<Actor> actor;
    try {
        actor = signedIn(request);
    } catch (...) {
        // The error page must not fail for want of a session.
    }
    return render(request, actor, std::move(view));
}

Response Site::errorPageInWords(Request& request, int status, const std::string& titleKey,
                                const std::string& message) const {
    if (!residentPath(request)) {
        return errorPage(request, status, words.text(Language::en, titleKey), message);
    }
    PageView view;
    view.language = residentLanguage(request);
    view.title = words.text(*view.language, titleKey);
    view.templateName = "error";
    view.status = status;
    view.data.set("message", message);
    return render(request, std::nullopt, std::move(view));
}

Response Site::guarded(Request& request, const std::function<Response()>& work) const {
    try {
        return work();
    } catch (const RedirectTo& e) {
        return redirect(e.what());
    } catch (const Unauthenticated&) {
        return redirect("/sign-in");
    } catch (const PasswordChangeRequired&) {
        return redirect("/account/password");
    } catch (const Forbidden& e) {
        return errorPage(request, 403, "You cannot see this page", e.what());
    } catch (const NotFound& e) {
        return errorPageInWords(request, 404, "error_not_found_title", e.what());
    } catch (const BadRequest& e) {
        return errorPage(request, 400, "Sorry, we could not read that", e.what());
    } catch (const ValidationError& e) {
        // A form shows its own errors; one that escapes comes from the address (?limit=abc).
        return errorPage(request, 400, "Sorry, we could not read that", e.what());
    } catch (const Conflict& e) {
        return errorPage(request, 409, "That has changed since you looked", e.what());
    } catch (const RateLimited& e) {
        Response response = errorPageInWords(request, 429, "error_too_many_title", e.what());
        response.headers.emplace_back("Retry-After", std::to_string(e.retryAfterSeconds()));
        return response;
    } catch (...) {
        logInternalError(request, std::current_exception());
        return errorPage(request, 500, "Sorry, there is a problem with the service",
                         "Nothing was changed. Please try again later. If you contact us about "
                         "it, quote request " +
                             request.id + ".");
    }
}

void Site::get(Router& router, const std::string& pattern, PageHandler handler) {
    router.add("GET", pattern, [this, handler](Request& request) {
        return guarded(request, [&] { return handler(request); });
    });
}

void Site::post(Router& router, const std::string& pattern, FormHandler handler) {
    router.add("POST", pattern, [this, handler](Request& request) {
        return guarded(request, [&] {
            const FormFields form = FormFields::parse(request.body);
            if (!security_.accepts(request, form.text(kCsrfField))) {
                const Language language =
                    residentPath(request) ? residentLanguage(request) : Language::en;
                return errorPageInWords(request, 403, "error_expired_title",
                                        words.text(language, "error_expired"));
            }
            return handler(request, form);
        });
    });
}

}  // namespace ces::web
