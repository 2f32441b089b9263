#include "web/http/paging.h"

#include <Poco/URI.h>

#include "web/http/request_numbers.h"

namespace ces::web {

store::PageRequest pageRequest(const Request& request, std::size_t defaultLimit) {
    store::PageRequest page;
    page.limit = defaultLimit;
    if (const auto limit = request.queryValue("limit"); !limit.empty()) {
        page.limit = static_cast<std::size_t>(parseFieldNumber(
            "limit", limit, 1, static_cast<std::int64_t>(kMaxPageLimit),
            "limit must be a whole number from 1 to " + std::to_string(kMaxPageLimit)));
    }
    if (const auto after = request.queryValue("after"); !after.empty()) {
        page.after = parseFieldNumber("after", after, 1, INT64_MAX,
                                      "after must be the next link's cursor, a positive number");
    }
    return page;
}

std::optional<std::string> nextLink(const Request& request, std::optional<std::int64_t> next) {
    if (!next) return std::nullopt;
    Poco::URI uri(request.path);
    for (const auto& [name, value] : request.query) {
        if (name != "after") uri.addQueryParameter(name, value);
    }
    uri.addQueryParameter("after", std::to_string(*next));
    return uri.toString();
}

void setNext(Poco::JSON::Object::Ptr& answer, const Request& request,
             std::optional<std::int64_t> next) {
    const auto link = nextLink(request, next);
    answer->set("next", link ? Poco::Dynamic::Var(*link) : Poco::Dynamic::Var());
}

}  // namespace ces::web
