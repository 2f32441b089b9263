#pragma once
// Which language a resident page is shown in: the language link they followed (?lang=, kept in
// a cookie for the pages after), else the one they chose before, else the language on their
// record, else English. And the language links every resident page carries.
#include <optional>

#include "core/contact.h"
#include "web/http/exchange.h"
#include "web/pages/page_renderer.h"
#include "web/pages/words.h"

namespace ces::web {

/// The cookie that remembers a resident's choice of language.
inline constexpr const char* kLanguageCookie = "ces_lang";

/// The language to show `request`'s page in; `preferred` is the resident's recorded language.
Language residentLanguage(const Request& request, std::optional<Language> preferred = {});

/// The Set-Cookie value remembering `language` for a year.
std::string languageCookie(Language language);

/// The links "English · नेपाली · Polski · Română" to this page in each language: href (this path
/// and query with lang= set), name (in its own language), code, current.
mustache::data languageLinks(const Request& request, const Words& words, Language current);

/// A catalogue as a template object: {{t.KEY}}.
mustache::data templateWords(const WordCatalogue& catalogue);

}  // namespace ces::web
