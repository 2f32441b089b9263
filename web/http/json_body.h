#pragma once
// A request's JSON body with typed, field-naming accessors: a missing or wrongly typed field is
// a 400 that names it, never a silent default.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace ces::web {

/// Malformed request (400): not JSON, or a field missing or of the wrong type.
class BadRequest : public std::runtime_error {
  public:
    BadRequest(std::string field, const std::string& message)
        : std::runtime_error(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

  private:
    std::string field_;
};

/// A JSON object from a request, addressed by a path prefix for error messages.
class JsonFields {
  public:
    JsonFields(Poco::JSON::Object::Ptr object, std::string path);
    /// Parses a whole body; BadRequest unless it is a JSON object.
    static JsonFields parse(const std::string& body);

    std::string text(const std::string& name) const;  ///< Required string.
    std::string optionalText(const std::string& name, const std::string& otherwise = "") const;
    std::int64_t integer(const std::string& name) const;  ///< Required integer.
    std::optional<std::int64_t> optionalInteger(const std::string& name) const;
    /// true or false when given; BadRequest naming the field for any other value.
    std::optional<bool> optionalBoolean(const std::string& name) const;
    bool has(const std::string& name) const;
    /// A date like 2026-03-02 when given; ValidationError naming the field for any other text.
    std::optional<std::chrono::year_month_day> optionalDate(const std::string& name) const;
    /// Required array of objects (may be empty); each element addressed as name[i].
    std::vector<JsonFields> objects(const std::string& name, bool required = true) const;
    /// Required array of strings.
    std::vector<std::string> texts(const std::string& name, bool required = true) const;
    /// BadRequest naming the first field not in `known` (unknown fields are refused).
    void allowOnly(std::initializer_list<const char*> known) const;

  private:
    std::string at(const std::string& name) const;
    Poco::JSON::Object::Ptr object_;
    std::string path_;
};

}  // namespace ces::web
