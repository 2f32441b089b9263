#include "web/pages/words.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "core/resource_root.h"
#include "core/uk_time.h"
#include "notify/local_words.h"

namespace ces::web {

namespace {

std::string trimmedLine(const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    const auto last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

}  // namespace

WordCatalogue readWordCatalogue(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    WordCatalogue words;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string text = trimmedLine(line);
        if (text.empty() || text.starts_with('#')) continue;
        const auto equals = text.find(" = ");
        if (equals == std::string::npos || equals == 0) {
            throw std::runtime_error(path + ":" + std::to_string(number) +
                                     ": expected `key = text`");
        }
        const std::string key = text.substr(0, equals);
        if (!words.emplace(key, text.substr(equals + 3)).second) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": " + key +
                                     " is given twice");
        }
    }
    return words;
}

Words::Words(const std::string& directory) {
    const WordCatalogue english = readWordCatalogue(directory + "/en.words");
    for (const Language language : kLanguages) {
        WordCatalogue words = english;
        if (language != Language::en) {
            const std::string path = directory + "/" + std::string(toString(language)) + ".words";
            for (auto& [key, text] : readWordCatalogue(path)) words[key] = std::move(text);
        }
        catalogues_.emplace(language, std::move(words));
    }
}

const WordCatalogue& Words::catalogue(Language language) const { return catalogues_.at(language); }

std::string Words::text(Language language, const std::string& key, const WordFields& fields) const {
    // One pass, so a value that itself holds "{...}" (a name someone typed) is left alone.
    const std::string& pattern = catalogue(language).at(key);
    std::string text;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const auto open = pattern.find('{', at);
        const auto close = open == std::string::npos ? open : pattern.find('}', open);
        if (close == std::string::npos) break;
        text.append(pattern, at, open - at);
        const std::string name = pattern.substr(open + 1, close - open - 1);
        const auto field = std::find_if(fields.begin(), fields.end(),
                                        [&](const auto& f) { return f.first == name; });
        text += field == fields.end() ? pattern.substr(open, close - open + 1) : field->second;
        at = close + 1;
    }
    if (at < pattern.size()) text.append(pattern, at);
    return text;
}

std::string WordsIn::date(std::chrono::year_month_day date) const {
    return notify::dateWords(date, language_);
}

std::string WordsIn::time(int secondsAfterMidnight) const {
    return notify::timeWords(secondsAfterMidnight, language_);
}

std::string WordsIn::dateTime(Instant instant) const {
    const UkLocalTime local = toUkLocal(instant);
    return (*this)("words_at", {{"day", date(local.date)},
                                {"time", time(static_cast<int>(local.timeOfDay.count()))}});
}

std::string WordsIn::dateOf(const std::string& iso) const {
    if (const auto day = parseDate(iso)) return date(*day);
    if (const auto instant = parseInstant(iso)) return date(toUkLocal(*instant).date);
    return iso;
}

std::string WordsIn::dateTimeOf(const std::string& isoInstant) const {
    const auto instant = parseInstant(isoInstant);
    return instant ? dateTime(*instant) : isoInstant;
}

std::string WordsIn::slot(std::chrono::year_month_day day, int startSeconds, int endSeconds) const {
    return (*this)("words_slot",
                   {{"day", date(day)}, {"from", time(startSeconds)}, {"to", time(endSeconds)}});
}

std::string wordsDirectory() {
    if (const char* value = std::getenv("CES_WORDS"); value && *value) return value;
    return resourceRoot(CES_SOURCE_DIR) + "/web/words";
}

}  // namespace ces::web
