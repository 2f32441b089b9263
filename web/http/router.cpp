#include "web/http/router.h"

#include <algorithm>

#include "core/errors.h"

namespace ces::web {

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

}  // namespace

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
    routes_.push_back({method, pattern, split(pattern), std::move(handler)});
}

bool Router::matches(const Route& route, const std::vector<std::string>& path,
                     std::map<std::string, std::string>& params) {
    if (route.segments.size() != path.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto& segment = route.segments[i];
        if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
            if (path[i].empty()) return false;
            found[segment.substr(1, segment.size() - 2)] = path[i];
        } else if (segment != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

Response Router::dispatch(Request& request) const {
    const auto path = split(request.path);
    std::vector<std::string> allowed;
    for (const auto& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(route, path, params)) continue;
        if (route.method == request.method) {
            request.pathParams = std::move(params);
            request.route = route.pattern;
            return route.handler(request);
        }
        if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
            allowed.push_back(route.method);
        }
    }
    if (!allowed.empty()) {
        std::string allow;
        for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
        throw MethodNotAllowed(request.method + " is not allowed on " + request.path, allow);
    }
    throw NotFound("no such page or endpoint: " + request.path);
}

}  // namespace ces::web
