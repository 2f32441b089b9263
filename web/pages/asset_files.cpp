#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "web/pages/page_renderer.h"
#include "web/pages/page_routes.h"

namespace ces::web {

namespace {

std::string contentTypeFor(const std::string& path) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".map", "application/json"},
        {".json", "application/manifest+json"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
    };
    for (const auto& [extension, type] : kTypes) {
        if (path.ends_with(extension)) return type;
    }
    return "application/octet-stream";
}

/// The file for an /assets path: our own static files, GOV.UK Frontend's two built files, or
/// its fonts and images (where its CSS expects them, under /assets/).
std::string assetFile(const std::vector<std::string>& segments) {
    std::string relative;
    for (const auto& segment : segments) {
        if (segment.empty() || segment.starts_with('.')) throw NotFound("no such asset");
        relative += (relative.empty() ? "" : "/") + segment;
    }
    if (relative == "govuk-frontend.min.css" || relative == "govuk-frontend.min.js" ||
        relative == "govuk-frontend.min.js.map" || relative == "govuk-frontend.min.css.map") {
        return govukFrontendDirectory() + "/" + relative;
    }
    if (segments.size() == 1) return staticDirectory() + "/" + relative;
    return govukFrontendDirectory() + "/assets/" + relative;
}

Response serveAsset(const std::vector<std::string>& segments) {
    const std::string path = assetFile(segments);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw NotFound("no such asset: " + path.substr(path.rfind('/') + 1));
    std::ostringstream content;
    content << in.rdbuf();
    Response response;
    response.contentType = contentTypeFor(path);
    response.body = content.str();
    return response;
}

}  // namespace

void addAssetRoutes(Router& router) {
    router.add("GET", "/assets/{a}", [](Request& r) { return serveAsset({r.pathParams["a"]}); });
    router.add("GET", "/assets/{a}/{b}", [](Request& r) {
        return serveAsset({r.pathParams["a"], r.pathParams["b"]});
    });
    router.add("GET", "/assets/{a}/{b}/{c}", [](Request& r) {
        return serveAsset({r.pathParams["a"], r.pathParams["b"], r.pathParams["c"]});
    });
}

}  // namespace ces::web
