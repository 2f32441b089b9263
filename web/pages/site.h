#pragma once
// What every page handler shares: the app, the templates, CSRF, the order drafts, the GOV.UK
// layout with role-based navigation, and one catch-all that turns errors into pages.
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "web/app.h"
#include "web/http/router.h"
#include "web/pages/form_fields.h"
#include "web/pages/order_drafts.h"
#include "web/pages/page_renderer.h"
#include "web/pages/page_security.h"
#include "web/pages/words.h"

namespace ces::web {

/// One problem with what was entered: shown in the error summary (linking to `anchor`, the id
/// of the input) and next to the field.
struct FieldError {
    std::string field;   ///< The field's name; the template shows {{FIELD_error}} next to it.
    std::string anchor;  ///< The id the summary links to (usually the field's name).
    std::string message;
};

/// A page to answer with: a template, its data and the layout's settings.
struct PageView {
    std::string title;         ///< The h1 and <title> (prefixed "Error: " when errors exist).
    std::string templateName;  ///< web/templates/NAME.mustache
    mustache::data data = mustache::data(mustache::data::type::object);
    std::vector<FieldError> errors;
    std::string section;  ///< The navigation item to mark current ("catalogue", "orders", ...).
    int status = 200;
    bool navigation =
        true;  ///< False while a one-time password must be replaced: nothing else opens.
    /// Set on the pages residents see: the language of their words ({{t.KEY}}), of the page's
    /// lang attribute and of its language links. Staff pages are English.
    std::optional<Language> language;
};

/// Thrown by a handler to answer 303 See Other.
class RedirectTo : public std::runtime_error {
  public:
    explicit RedirectTo(const std::string& location) : std::runtime_error(location) {}
};

using PageHandler = std::function<Response(Request&)>;
using FormHandler = std::function<Response(Request&, const FormFields&)>;

class Site {
  public:
    Site(App& app, const std::string& templatesDir, std::string csrfSecret);

    App& app;
    OrderDrafts drafts;
    const Words words;

    /// Registers a GET page.
    void get(Router& router, const std::string& pattern, PageHandler handler);
    /// Registers a form POST: the CSRF token is checked (403 page otherwise) before `handler`.
    void post(Router& router, const std::string& pattern, FormHandler handler);

    /// The signed-in person, if any.
    std::optional<Actor> signedIn(const Request& request) const;
    /// The signed-in person; redirects to /sign-in when nobody is, Forbidden for other roles.
    Actor require(const Request& request, std::initializer_list<Role> roles) const;

    /// The words of a page residents see, in the language of their link or cookie, else
    /// `preferred` (their recorded language), else English.
    WordsIn residentWords(const Request& request, std::optional<Language> preferred = {}) const;

    /// Renders `view` inside the layout for `actor` (nullopt: the signed-out layout).
    Response render(Request& request, const std::optional<Actor>& actor, PageView view) const;
    /// 303 See Other to `location` (a path on this site).
    static Response redirect(const std::string& location);
    /// A page for an error (403, 404, ...), in the same layout.
    Response errorPage(Request& request, int status, const std::string& title,
                       const std::string& message) const;
    /// The token a raw (non-layout) answer's form would need.
    std::string csrfToken(Request& request, Response& response) const {
        return security_.tokenFor(request, response);
    }

    /// Where a role lands after signing in.
    static std::string homeFor(Role role);

  private:
    Response guarded(Request& request, const std::function<Response()>& work) const;
    /// An error page titled by a catalogue key: in the resident's language on their pages.
    Response errorPageInWords(Request& request, int status, const std::string& titleKey,
                              const std::string& message) const;
    PageRenderer renderer_;
    std::map<Language, mustache::data> templateWords_;
    PageSecurity security_;
};

/// Sets the `_next_page` partial's link to the page after this one (nothing on the last page).
void setNextLink(PageView& view, const Request& request, std::optional<std::int64_t> next,
                 const std::string& text);
/// The same for a page whose link carries only `base` (a path, perhaps with a query) and the
/// cursor, not the banner or error of the request that showed it.
void setNextLink(PageView& view, const std::string& base, std::optional<std::int64_t> next,
                 const std::string& text);

/// Adds field errors to `view` from a ValidationError's field name and message.
void addError(PageView& view, const std::string& field, const std::string& message,
              const std::string& anchor = "");

}  // namespace ces::web
