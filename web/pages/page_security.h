#pragma once
// Cookies and CSRF tokens for the pages. A form's token is an HMAC, under a per-process secret,
// of the visitor's session token (signed in) or of a random visitor cookie (signed out), so a
// page from another site cannot forge it and no token needs storing.
#include <string>

#include "web/http/exchange.h"

namespace ces::web {

/// The cookie that carries a signed-in person's session token.
inline constexpr const char* kSessionCookie = "ces_session";
/// The cookie that anchors CSRF tokens for people not signed in (a random id, nothing else).
inline constexpr const char* kVisitorCookie = "ces_visitor";
/// The hidden form field that carries the CSRF token.
inline constexpr const char* kCsrfField = "csrf_token";

class PageSecurity {
  public:
    /// `secret` keys the HMAC; a fresh random one per process is enough (tokens last a session).
    explicit PageSecurity(std::string secret);

    /// The token for this request's forms. When the visitor has neither a session nor a visitor
    /// cookie, a visitor cookie is created and its Set-Cookie added to `response`.
    std::string tokenFor(Request& request, Response& response) const;
    /// True when `submitted` is the token of the request's session or visitor cookie.
    bool accepts(const Request& request, const std::string& submitted) const;

    /// Set-Cookie value for a new session (HttpOnly, SameSite=Strict, `maxAgeSeconds`).
    static std::string sessionCookie(const std::string& token, long long maxAgeSeconds);
    /// Set-Cookie value that removes the session cookie.
    static std::string expiredSessionCookie();

  private:
    std::string sign(const std::string& basis) const;
    std::string secret_;
};

}  // namespace ces::web
