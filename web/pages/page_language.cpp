#include "web/pages/page_language.h"

#include <Poco/URI.h>

namespace ces::web {

Language residentLanguage(const Request& request, std::optional<Language> preferred) {
    if (const auto chosen = parseLanguage(request.queryValue("lang"))) return *chosen;
    if (const auto remembered = parseLanguage(request.cookie(kLanguageCookie))) return *remembered;
    return preferred.value_or(Language::en);
}

std::string languageCookie(Language language) {
    return std::string(kLanguageCookie) + "=" + std::string(toString(language)) +
           "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
}

mustache::data languageLinks(const Request& request, const Words& words, Language current) {
    std::string otherQuery;
    for (const auto& [name, value] : request.query) {
        if (name == "lang") continue;
        std::string encoded;
        Poco::URI::encode(value, "&=+?#%", encoded);
        otherQuery += name + "=" + encoded + "&";
    }
    mustache::data links(mustache::data::type::list);
    for (const Language language : Words::kLanguages) {
        mustache::data link;
        const std::string code(toString(language));
        link.set("href", request.path + "?" + otherQuery + "lang=" + code);
        link.set("name", words.text(language, "language_name"));
        link.set("code", code);
        link.set("current", language == current);
        links.push_back(link);
    }
    return links;
}

mustache::data templateWords(const WordCatalogue& catalogue) {
    mustache::data words;
    for (const auto& [key, text] : catalogue) words.set(key, text);
    return words;
}

}  // namespace ces::web
