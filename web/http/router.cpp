#include "web/http/router.h"

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
    routes_.push_back({method, split(pattern), std::move(handler)});
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
    bool pathKnown = false;
    for (const auto& route : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(route, path, params)) continue;
        pathKnown = true;
        if (route.method != request.method) continue;
        request.pathParams = std::move(params);
        return route.handler(request);
    }
    if (pathKnown) {
        auto body = jsonObject();
        auto error = jsonObject();
        error->set("code", "method_not_allowed");
        error->set("message", request.method + " is not allowed on " + request.path);
        error->set("field", Poco::Dynamic::Var());
        body->set("error", error);
        return jsonResponse(405, body);
    }
    throw NotFound("no such page or endpoint: " + request.path);
}

}  // namespace ces::web
