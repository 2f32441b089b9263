#include "web/http/exchange.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace ces::web {

std::string Request::header(const std::string& lowerName) const {
    auto found = headers.find(lowerName);
    return found == headers.end() ? std::string() : found->second;
}

std::string Request::queryValue(const std::string& name, const std::string& otherwise) const {
    auto found = query.find(name);
    return found == query.end() ? otherwise : found->second;
}

std::string Request::cookie(const std::string& name) const {
    const std::string all = header("cookie");
    std::size_t start = 0;
    while (start < all.size()) {
        auto end = all.find(';', start);
        if (end == std::string::npos) end = all.size();
        auto part = all.substr(start, end - start);
        auto first = part.find_first_not_of(' ');
        if (first != std::string::npos) part = part.substr(first);
        if (part.starts_with(name + "=")) return part.substr(name.size() + 1);
        start = end + 1;
    }
    return {};
}

Poco::JSON::Object::Ptr jsonObject() {
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Array::Ptr jsonArray() { return new Poco::JSON::Array(); }

std::string toJson(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(object, out);
    return out.str();
}

Response csvDownload(const std::string& fileName, std::string csv) {
    Response response;
    response.contentType = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + fileName + "\"");
    response.body = std::move(csv);
    return response;
}

Response jsonResponse(int status, const Poco::JSON::Object::Ptr& object) {
    Response response;
    response.status = status;
    response.body = toJson(object);
    return response;
}

}  // namespace ces::web
