#include "web/api/contact_fields.h"

namespace ces::web {

namespace {

std::optional<std::string> fieldIfGiven(const JsonFields& body, const std::string& name) {
    if (!body.has(name)) return std::nullopt;
    return body.optionalText(name);
}

}  // namespace

ContactChannel contactChannelNamed(const std::string& text) {
    const auto channel = parseContactChannel(text);
    if (!channel) {
        throw BadRequest("contact_channel",
                         "contact_channel must be one of text, email, letter, phone, none");
    }
    return *channel;
}

Language languageNamed(const std::string& text) {
    const auto language = parseLanguage(text);
    if (!language) throw BadRequest("language", "language must be one of en, ne, pl, ro");
    return *language;
}

ContactPreferences contactFields(const JsonFields& body) {
    ContactPreferences contact;
    contact.email = body.optionalText("email");
    contact.mobile = body.optionalText("mobile");
    contact.contactName = body.optionalText("contact_name");
    contact.contactRelationship = body.optionalText("contact_relationship");
    contact.language = languageNamed(body.optionalText("language", "en"));
    const auto blank = [](const std::string& s) {
        return s.find_first_not_of(" \t") == std::string::npos;
    };
    ContactPreferences given = contact;
    if (blank(given.email)) given.email.clear();
    if (blank(given.mobile)) given.mobile.clear();
    contact.channel = body.has("contact_channel")
                          ? contactChannelNamed(body.optionalText("contact_channel"))
                          : defaultChannel(given);
    return contact;
}

void changeContactFields(const JsonFields& body, store::ResidentChanges& changes) {
    changes.email = fieldIfGiven(body, "email");
    changes.mobile = fieldIfGiven(body, "mobile");
    changes.contactName = fieldIfGiven(body, "contact_name");
    changes.contactRelationship = fieldIfGiven(body, "contact_relationship");
    if (body.has("contact_channel")) {
        changes.channel = contactChannelNamed(body.optionalText("contact_channel"));
    }
    if (body.has("language")) changes.language = languageNamed(body.optionalText("language"));
}

}  // namespace ces::web
