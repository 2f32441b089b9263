#include "notify/message_templates.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

#include "core/iso_time.h"
#include "core/resource_root.h"
#include "notify/local_words.h"
#include "notify/sms_size.h"

namespace ces::notify {

namespace {

namespace mustache = kainjow::mustache;
namespace fs = std::filesystem;

constexpr Language kLanguages[] = {Language::en, Language::ne, Language::pl, Language::ro};

std::string fileText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The three sections of a template file, each after a line "=== subject", "=== text" or
/// "=== email"; lines before the first are comments. Trailing blank lines are dropped.
std::map<std::string, std::string> sectionsOf(const std::string& text) {
    std::map<std::string, std::string> sections;
    std::string* current = nullptr;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("=== ")) {
            current = &sections[line.substr(4)];
            continue;
        }
        if (current) current->append(line).append("\n");
    }
    for (auto& [name, body] : sections) {
        while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    }
    return sections;
}

void checkParses(const std::string& source, const fs::path& file) {
    mustache::mustache parsed(source);
    if (!parsed.is_valid()) {
        throw std::runtime_error("message template " + file.string() + ": " +
                                 parsed.error_message());
    }
}

std::string renderPlain(const std::string& source, const mustache::data& data) {
    mustache::mustache tmpl(source);
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    std::string out = tmpl.render(data);
    if (!tmpl.is_valid()) throw std::runtime_error("message template: " + tmpl.error_message());
    return out;
}

int secondsOf(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
    return std::atoi(hhmm.substr(0, 2).c_str()) * 3600 + std::atoi(hhmm.substr(3, 2).c_str()) * 60;
}

mustache::data dataOf(const std::string& fieldsJson, Language language,
                      const std::string& publicUrl) {
    mustache::data data;
    Poco::JSON::Parser parser;
    const auto fields = parser.parse(fieldsJson).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [name, value] : *fields) {
        if (value.isBoolean()) {
            data.set(name, value.convert<bool>() ? mustache::data::type::bool_true
                                                 : mustache::data::type::bool_false);
            continue;
        }
        const std::string text = value.toString();
        if (name == "date") {
            if (const auto day = parseDate(text)) {
                data.set("date", dayWords(*day, language));
                data.set("short_date", shortDayWords(*day, language));
                continue;
            }
        }
        if ((name == "from" || name == "to") && secondsOf(text) >= 0) {
            data.set(name, timeWords(secondsOf(text), language));
            continue;
        }
        data.set(name, name == "link" ? publicUrl + text : text);
    }
    return data;
}

}  // namespace

std::string messageTemplatesDirectory() {
    if (const char* dir = std::getenv("CES_MESSAGE_TEMPLATES"); dir && *dir) return dir;
    return resourceRoot(CES_SOURCE_DIR) + "/notify/templates";
}

MessageTemplates::MessageTemplates(const std::string& directory) {
    for (const Language language : kLanguages) {
        const fs::path folder = fs::path(directory) / std::string(toString(language));
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            if (entry.path().extension() != ".mustache") continue;
            auto sections = sectionsOf(fileText(entry.path()));
            for (const char* name : {"subject", "text", "email"}) {
                if (!sections.contains(name)) {
                    throw std::runtime_error("message template " + entry.path().string() +
                                             " has no \"=== " + name + "\" section");
                }
                checkParses(sections[name], entry.path());
            }
            const std::string kind = entry.path().stem().string();
            templates_[{kind, language}] = {sections["subject"], sections["text"],
                                            sections["email"]};
            if (language == Language::en) kinds_.push_back(kind);
        }
    }
    if (kinds_.empty()) throw std::runtime_error("no message templates found in " + directory);
    std::sort(kinds_.begin(), kinds_.end());
    for (const auto& kind : kinds_) {
        for (const Language language : kLanguages) {
            if (!templates_.contains({kind, language})) {
                throw std::runtime_error("message template " + kind + " has no " +
                                         std::string(toString(language)) + " version in " +
                                         directory);
            }
        }
    }
}

bool MessageTemplates::has(const std::string& kind) const {
    return templates_.contains({kind, Language::en});
}

RenderedMessage MessageTemplates::render(const std::string& kind, Language language,
                                         const std::string& fieldsJson,
                                         const std::string& publicUrl) const {
    const auto found = templates_.find({kind, language});
    if (found == templates_.end()) throw std::runtime_error("no message template named " + kind);
    const mustache::data data = dataOf(fieldsJson, language, publicUrl);
    return {renderPlain(found->second.subject, data),
            withoutDiacritics(renderPlain(found->second.text, data)),
            renderPlain(found->second.email, data)};
}

}  // namespace ces::notify
