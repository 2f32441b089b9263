#pragma once
// A submitted HTML form (application/x-www-form-urlencoded) with trimmed, named values.
#include <map>
#include <string>
#include <vector>

namespace ces::web {

class FormFields {
  public:
    /// Decodes a urlencoded body ('+' is a space); BadRequest if it is malformed.
    static FormFields parse(const std::string& body);

    /// The first value named `name`, trimmed of surrounding spaces; "" when absent.
    std::string text(const std::string& name) const;
    /// The first value named `name` exactly as sent (passwords); "" when absent.
    std::string raw(const std::string& name) const;
    /// Every value named `name`, in the order sent.
    std::vector<std::string> all(const std::string& name) const;
    bool has(const std::string& name) const;

  private:
    std::multimap<std::string, std::string> values_;
};

/// Trims spaces, tabs and line ends from both ends.
std::string trimmed(const std::string& text);

}  // namespace ces::web
