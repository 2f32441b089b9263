#include "app/commands/config_file.h"

#include <fstream>

#include "app/commands/options.h"

namespace ces::cli {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

std::vector<ConfigSetting> readConfigFile(const std::string& path) {
    std::ifstream file(path);
    if (!file) throw UsageError("cannot read the configuration file " + path);
    std::vector<ConfigSetting> settings;
    std::string text;
    for (int line = 1; std::getline(file, text); ++line) {
        text = trimmed(text);
        if (text.empty() || text.front() == '#') continue;
        const auto equals = text.find('=');
        const std::string name = equals == std::string::npos ? "" : trimmed(text.substr(0, equals));
        if (name.empty()) {
            throw UsageError(path + ":" + std::to_string(line) +
                             ": a setting is written `name = value`");
        }
        settings.push_back({name, trimmed(text.substr(equals + 1)), line});
    }
    return settings;
}

}  // namespace ces::cli
