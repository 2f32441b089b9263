#pragma once
// A signed-in person's browser for page tests: the session cookie, and the CSRF token of the
// last page read, sent back with each form.
#include <string>

#include "harness.h"

namespace ces::integration {

class PageBrowser {
  public:
    PageBrowser(const DemoCounty& county, const std::string& user);

    /// GETs `path` with the cookie and keeps the page's CSRF token, if it has a form.
    Response get(const std::string& path);
    /// POSTs url-encoded `fields`, with the kept CSRF token unless `withToken` is false.
    Response post(const std::string& path, const std::string& fields, bool withToken = true);

    std::string csrf;  ///< The token sent with the next form; a test may forge it.

  private:
    HttpClient client_;
    std::string cookie_;
};

/// True when the page's body holds `text`.
bool contains(const Response& page, const std::string& text);
/// How many times `what` occurs in `text` (overlapping occurrences counted).
std::size_t count(const std::string& text, const std::string& what);

/// The count of returns the warehouse returns page says were logged today (the demo's history
/// may have brought some back earlier today, depending on the hour).
int returnsLoggedToday(const Response& page);

}  // namespace ces::integration
