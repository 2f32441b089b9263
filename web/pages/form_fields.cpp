#include "web/pages/form_fields.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>

#include "web/http/json_body.h"

namespace ces::web {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

FormFields FormFields::parse(const std::string& body) {
    FormFields form;
    std::size_t start = 0;
    while (start < body.size()) {
        auto end = body.find('&', start);
        if (end == std::string::npos) end = body.size();
        const std::string pair = body.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const auto equals = pair.find('=');
        std::string name;
        std::string value;
        // '+' is a space in forms; replaced before decoding so an encoded %2B stays a plus.
        auto spaced = [](std::string text) {
            std::replace(text.begin(), text.end(), '+', ' ');
            return text;
        };
        try {
            Poco::URI::decode(spaced(pair.substr(0, equals)), name);
            if (equals != std::string::npos)
                Poco::URI::decode(spaced(pair.substr(equals + 1)), value);
        } catch (const Poco::Exception&) {
            throw BadRequest("", "the form could not be read");
        }
        form.values_.emplace(std::move(name), std::move(value));
    }
    return form;
}

std::string FormFields::text(const std::string& name) const {
    auto found = values_.find(name);
    return found == values_.end() ? std::string() : trimmed(found->second);
}

std::string FormFields::raw(const std::string& name) const {
    auto found = values_.find(name);
    return found == values_.end() ? std::string() : found->second;
}

std::vector<std::string> FormFields::all(const std::string& name) const {
    std::vector<std::string> found;
    auto [first, last] = values_.equal_range(name);
    for (auto it = first; it != last; ++it) found.push_back(trimmed(it->second));
    return found;
}

bool FormFields::has(const std::string& name) const { return values_.contains(name); }

}  // namespace ces::web
