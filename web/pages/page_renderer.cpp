#include "web/pages/page_renderer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/resource_root.h"

namespace ces::web {

namespace {

std::string fromEnvironmentOr(const char* variable, const std::string& otherwise) {
    if (const char* value = std::getenv(variable); value && *value) return value;
    return otherwise;
}

}  // namespace

std::string templatesDirectory() {
    return fromEnvironmentOr("CES_TEMPLATES", resourceRoot(CES_SOURCE_DIR) + "/web/templates");
}

std::string govukFrontendDirectory() {
    return fromEnvironmentOr("CES_GOVUK_FRONTEND", resourceRoot(CES_SOURCE_DIR) +
                                                       "/node_modules/govuk-frontend/dist/govuk");
}

std::string staticDirectory() {
    return fromEnvironmentOr("CES_STATIC", resourceRoot(CES_SOURCE_DIR) + "/web/static");
}

PageRenderer::PageRenderer(const std::string& directory) {
    namespace fs = std::filesystem;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(directory, error)) {
        if (entry.path().extension() != ".mustache") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        mustache::mustache parsed(text.str());
        if (!parsed.is_valid()) {
            throw std::runtime_error("template " + entry.path().string() + ": " +
                                     parsed.error_message());
        }
        templates_[entry.path().stem().string()] = text.str();
    }
    if (templates_.empty()) throw std::runtime_error("no page templates found in " + directory);
}

std::string PageRenderer::render(const std::string& name, mustache::data data) const {
    auto found = templates_.find(name);
    if (found == templates_.end()) throw std::runtime_error("no page template named " + name);
    for (const auto& [partialName, text] : templates_) {
        if (!partialName.starts_with('_')) continue;
        const std::string copy = text;
        data.set(partialName, mustache::partial([copy] { return copy; }));
    }
    // A template object is not safe to share between threads: parse one per answer.
    mustache::mustache page(found->second);
    std::string html = page.render(data);
    if (!page.is_valid()) {
        throw std::runtime_error("template " + name + ": " + page.error_message());
    }
    return html;
}

}  // namespace ces::web
