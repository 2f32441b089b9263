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
    return newContact(body.optionalText("email"), body.optionalText("mobile"),
                      body.optionalText("contact_name"), body.optionalText("contact_relationship"),
                      languageNamed(body.optionalText("language", "en")),
                      body.has("contact_channel")
                          ? std::optional(contactChannelNamed(body.optionalText("contact_channel")))
                          : std::nullopt);
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
