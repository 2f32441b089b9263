// The resident pages' word catalogues: every key of English in every language with the same
// placeholders, every key a template or a page asks for present, translations marked as not yet
// checked by a native speaker, and placeholders filled in one pass.
#include "web/pages/words.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace ces;
using namespace ces::web;

namespace {

const std::string kDirectory = std::string(PROJECT_SOURCE_DIR) + "/web/words";

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> names;
    static const std::regex placeholder(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
        names.insert((*it)[1]);
    }
    return names;
}

std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every key named by `pattern` in the files of `directory` ending in `extension`.
std::set<std::string> keysUsed(const std::string& directory, const std::string& extension,
                               const std::regex& pattern) {
    std::set<std::string> keys;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != extension) continue;
        const std::string text = fileText(entry.path());
        for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
            keys.insert((*it)[1]);
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("words - every language has every English key with the same placeholders") {
    const WordCatalogue english = readWordCatalogue(kDirectory + "/en.words");
    REQUIRE(english.size() > 100);
    for (const Language language : Words::kLanguages) {
        const std::string code(toString(language));
        CAPTURE(code);
        const WordCatalogue words = readWordCatalogue(kDirectory + "/" + code + ".words");
        for (const auto& [key, text] : english) {
            CAPTURE(key);
            const auto found = words.find(key);
            REQUIRE_MESSAGE(found != words.end(), code << ".words lacks " << key);
            CHECK_FALSE(found->second.empty());
            CHECK(placeholders(found->second) == placeholders(text));
        }
        for (const auto& [key, text] : words) {
            CHECK_MESSAGE(english.count(key) == 1,
                          code << ".words has " << key << " English lacks");
        }
    }
}

TEST_CASE("words - translations say they need review by a native speaker") {
    for (const Language language : {Language::ne, Language::pl, Language::ro}) {
        const std::string text =
            fileText(kDirectory + "/" + std::string(toString(language)) + ".words");
        CHECK(text.substr(0, 800).find("NEEDS REVIEW") != std::string::npos);
    }
}

TEST_CASE("words - every key the templates and pages ask for is in the catalogue") {
    const WordCatalogue english = readWordCatalogue(kDirectory + "/en.words");
    const std::string source(PROJECT_SOURCE_DIR);
    std::set<std::string> used =
        keysUsed(source + "/web/templates", ".mustache", std::regex(R"(\{\{t\.([a-z_]+)\}\})"));
    REQUIRE(used.size() > 50);
    for (const auto& key :
         keysUsed(source + "/web/pages", ".cpp", std::regex(R"(\bw\(\s*"([a-z_]+)\")"))) {
        used.insert(key);
    }
    for (const auto& key : used) {
        CAPTURE(key);
        if (key.ends_with('_')) {  // a prefix the page completes ("status_" + the status)
            CHECK(english.lower_bound(key)->first.starts_with(key));
        } else {
            CHECK(english.count(key) == 1);
        }
    }
    for (const char* status :
         {"submitted", "awaiting_approval", "approved", "awaiting_special", "allocated",
          "scheduled", "out_for_delivery", "delivered", "failed_visit", "cancelled"}) {
        CHECK(english.count("status_" + std::string(status)) == 1);
        CHECK(english.count("status_text_" + std::string(status)) == 1);
    }
}

TEST_CASE("words - placeholders are filled once and a missing translation falls back to English") {
    const auto directory = std::filesystem::temp_directory_path() / "ces-words-test";
    std::filesystem::create_directories(directory);
    std::ofstream(directory / "en.words") << "# English\ngreeting = Hello {name}, from {team}\n"
                                          << "only_english = Only in English\n";
    std::ofstream(directory / "ne.words") << "greeting = नमस्ते {name} ({team})\n";
    std::ofstream(directory / "pl.words") << "greeting = Dzień dobry {name}, {team}\n";
    std::ofstream(directory / "ro.words") << "greeting = Bună ziua {name}, {team}\n";
    const Words words(directory.string());
    CHECK(words.text(Language::en, "greeting", {{"name", "Ann {team}"}, {"team", "OT"}}) ==
          "Hello Ann {team}, from OT");
    CHECK(words.text(Language::ne, "greeting", {{"name", "Ram"}, {"team", "OT"}}) ==
          "नमस्ते Ram (OT)");
    CHECK(words.text(Language::pl, "only_english") == "Only in English");
    CHECK_THROWS_AS(words.text(Language::en, "no_such_key"), std::out_of_range);
    std::ofstream(directory / "ro.words") << "this line has no separator\n";
    CHECK_THROWS_AS(Words(directory.string()), std::runtime_error);
    std::filesystem::remove_all(directory);
}
