#include "app/commands/options.h"

#include <charconv>

#include "app/commands/config_file.h"

namespace ces::cli {

Options::Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--")) throw UsageError("unexpected argument: " + arg);
        const std::string name = arg.substr(2);
        if (flags.count(name)) {
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (i + 1 >= args.size()) throw UsageError(arg + " needs a value");
            if (!values_.emplace(name, args[++i]).second) throw UsageError(arg + " given twice");
        } else {
            throw UsageError("unknown option: " + arg);
        }
    }
    if (const auto config = value("config")) addConfigFile(*config, valued, flags);
}

void Options::addConfigFile(const std::string& path, const std::set<std::string>& valued,
                            const std::set<std::string>& flags) {
    for (const auto& setting : readConfigFile(path)) {
        const std::string where = path + ":" + std::to_string(setting.line) + ": ";
        if (flags.count(setting.name)) {
            if (setting.value != "true" && setting.value != "false") {
                throw UsageError(where + setting.name + " is true or false");
            }
            if (setting.value == "true") flags_.insert(setting.name);
        } else if (valued.count(setting.name) && setting.name != "config") {
            values_.emplace(setting.name, setting.value);  // the command line wins
        } else {
            throw UsageError(where + "unknown setting " + setting.name);
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const {
    auto found = values_.find(name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string Options::value(const std::string& name, const std::string& otherwise) const {
    return value(name).value_or(otherwise);
}

long Options::number(const std::string& name, long otherwise, long min, long max) const {
    auto text = value(name);
    if (!text) return otherwise;
    long result = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
    if (error != std::errc() || end != text->data() + text->size() || result < min ||
        result > max) {
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max));
    }
    return result;
}

}  // namespace ces::cli
