#include "route_scan.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace ces::integration {

namespace {

std::string projectDir() {
    return std::filesystem::path(CES_SOURCE_DATA_DIR).parent_path().string();
}

}  // namespace

std::set<std::string> registeredApiRoutes() {
    const std::regex registration(R"re(add\(\s*"([A-Z]+)"\s*,\s*"(/api/[^"]*)")re");
    std::set<std::string> routes;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(projectDir() + "/web")) {
        const auto extension = entry.path().extension();
        if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".h")) continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), registration), end; it != end;
             ++it) {
            routes.insert((*it)[1].str() + " " + (*it)[2].str());
        }
    }
    return routes;
}

}  // namespace ces::integration
