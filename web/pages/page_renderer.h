#pragma once
// Mustache templates (web/templates/*.mustache, read once at start-up) rendered into the GOV.UK
// layout. Values are HTML-escaped by the template engine; handlers never build HTML.
#include <kainjow/mustache.hpp>
#include <map>
#include <string>

namespace ces::web {

namespace mustache = kainjow::mustache;

class PageRenderer {
  public:
    /// Reads every NAME.mustache in `directory`; names starting with '_' are partials, usable
    /// from any template as {{> _NAME}}. Throws std::runtime_error if none can be read or one
    /// does not parse.
    explicit PageRenderer(const std::string& directory);

    /// Renders template `name` with `data` (plus the partials); std::runtime_error if unknown.
    std::string render(const std::string& name, mustache::data data) const;

  private:
    std::map<std::string, std::string> templates_;
};

/// The templates directory: $CES_TEMPLATES, else web/templates in the source checkout.
std::string templatesDirectory();
/// GOV.UK Frontend's built files: $CES_GOVUK_FRONTEND, else
/// node_modules/govuk-frontend/dist/govuk in the source checkout.
std::string govukFrontendDirectory();
/// Our own small CSS and JavaScript: $CES_STATIC, else web/static in the source checkout.
std::string staticDirectory();

}  // namespace ces::web
