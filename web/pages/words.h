#pragma once
// The words of the pages residents see, one catalogue file per language (web/words/LANG.words:
// `key = text` lines, {name} placeholders). English is complete by definition; a key missing in
// another language falls back to English, and tests/web/words_test.cpp keeps every key in every
// language. Staff pages use the English catalogue's layout words only.
#include <array>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/contact.h"
#include "core/iso_time.h"

namespace ces::web {

/// Values for a text's {name} placeholders.
using WordFields = std::vector<std::pair<std::string, std::string>>;

/// One language's catalogue: key to text.
using WordCatalogue = std::map<std::string, std::string>;

/// Reads `path` (a LANG.words file); std::runtime_error naming the line that does not parse.
WordCatalogue readWordCatalogue(const std::string& path);

class Words {
  public:
    /// The languages residents may read the pages in, in the order the language links show.
    static constexpr std::array<Language, 4> kLanguages = {Language::en, Language::ne, Language::pl,
                                                           Language::ro};

    /// Reads LANG.words for every language from `directory`; std::runtime_error without English.
    explicit Words(const std::string& directory);

    /// The text of `key` in `language` (English when that language lacks it), its {name}
    /// placeholders filled from `fields`. std::out_of_range for a key English lacks: a bug.
    std::string text(Language language, const std::string& key,
                     const WordFields& fields = {}) const;

    /// The whole catalogue of `language`, English filling any gap.
    const WordCatalogue& catalogue(Language language) const;

  private:
    std::map<Language, WordCatalogue> catalogues_;
};

/// One language's words and dates, as a page handler uses them.
class WordsIn {
  public:
    WordsIn(const Words& words, Language language) : words_(words), language_(language) {}

    std::string operator()(const std::string& key, const WordFields& fields = {}) const {
        return words_.text(language_, key, fields);
    }
    Language language() const { return language_; }

    std::string date(std::chrono::year_month_day date) const;  ///< "Tuesday 8 December 2026"
    std::string time(int secondsAfterMidnight) const;          ///< "9am"; "09:00"
    std::string dateTime(Instant instant) const;               ///< UK time: "Tuesday ..., 5pm"
    /// The date of an ISO instant or date, or the text itself when it is neither.
    std::string dateOf(const std::string& iso) const;
    std::string dateTimeOf(const std::string& isoInstant) const;
    /// A delivery slot: "Tuesday 8 December 2026, 10am to 12pm".
    std::string slot(std::chrono::year_month_day date, int startSeconds, int endSeconds) const;

  private:
    const Words& words_;
    Language language_;
};

/// The words directory: $CES_WORDS, else web/words in the source checkout.
std::string wordsDirectory();

}  // namespace ces::web
