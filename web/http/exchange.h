#pragma once
// The server's own view of one HTTP exchange, independent of POCO so handlers stay plain.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ces::web {

struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  ///< Lower-case names.
    std::map<std::string, std::string> pathParams;
    std::string body;
    std::string clientAddress;
    std::string id;  ///< Names this request in the log and in a 500's message.
    /// The matched route's pattern ("/api/v1/orders/{ref}"), what the log and metrics name:
    /// never the path, which may hold a tracking token. Empty when no route matched.
    std::string route;
    /// The signed-in user once a handler has checked the session (0: none), for the log.
    mutable std::int64_t userId = 0;

    std::string header(const std::string& lowerName) const;
    std::string queryValue(const std::string& name, const std::string& otherwise = "") const;
    std::string cookie(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

/// An ordered JSON object (keys stay in insertion order).
Poco::JSON::Object::Ptr jsonObject();
Poco::JSON::Array::Ptr jsonArray();
std::string toJson(const Poco::JSON::Object::Ptr& object);
Response jsonResponse(int status, const Poco::JSON::Object::Ptr& object);
/// A CSV file to download as `fileName`.
Response csvDownload(const std::string& fileName, std::string csv);

/// The value, or JSON null when absent.
template <class T>
Poco::Dynamic::Var orNull(const std::optional<T>& value) {
    return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

/// 401: no valid session.
class Unauthenticated : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// 403 `password_change_required`: a session opened with a one-time password may only set a
/// new password (or sign out).
class PasswordChangeRequired : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// 405: the path is known but not with this method; `allowed` goes into Allow ("GET, POST").
class MethodNotAllowed : public std::runtime_error {
  public:
    MethodNotAllowed(const std::string& message, std::string allowed)
        : std::runtime_error(message), allowed_(std::move(allowed)) {}
    const std::string& allowed() const { return allowed_; }

  private:
    std::string allowed_;
};

/// 429: too many tries; `retryAfterSeconds` goes into Retry-After.
class RateLimited : public std::runtime_error {
  public:
    RateLimited(const std::string& message, int retryAfterSeconds)
        : std::runtime_error(message), retryAfterSeconds_(retryAfterSeconds) {}
    int retryAfterSeconds() const { return retryAfterSeconds_; }

  private:
    int retryAfterSeconds_;
};

}  // namespace ces::web
