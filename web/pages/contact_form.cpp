#include "web/pages/contact_form.h"

namespace ces::web {

namespace {

struct Choice {
    const char* value;
    const char* label;
};

// The staff's words; residents read theirs from the catalogue (contact_channel_VALUE).
constexpr Choice kChannels[] = {
    {"text", "Text message"},
    {"email", "E-mail"},
    {"letter", "Letter by post"},
    {"phone", "No written messages (they will phone or check the tracking page)"},
    {"none", "No messages at all"}};
// Each language named in itself, then in English.
constexpr Choice kLanguages[] = {{"en", "English"},
                                 {"ne", "नेपाली (Nepali)"},
                                 {"pl", "Polski (Polish)"},
                                 {"ro", "Română (Romanian)"}};

template <std::size_t N, class Label>
mustache::data choices(const Choice (&all)[N], const std::string& chosen, const std::string& field,
                       Label label) {
    mustache::data list(mustache::data::type::list);
    for (const auto& choice : all) {
        mustache::data item;
        item.set("value", choice.value);
        item.set("label", label(choice));
        item.set("id", field + "-" + choice.value);
        item.set("checked", chosen == choice.value);
        list.push_back(item);
    }
    return list;
}

std::string staffLabel(const Choice& choice) { return choice.label; }

}  // namespace

mustache::data channelChoices(const std::string& chosen) {
    return choices(kChannels, chosen, "contact_channel", staffLabel);
}

mustache::data channelChoices(const std::string& chosen, const WordsIn& w) {
    return choices(kChannels, chosen, "contact_channel", [&w](const Choice& choice) {
        return w("contact_channel_" + std::string(choice.value));
    });
}

mustache::data languageChoices(const std::string& chosen) {
    return choices(kLanguages, chosen, "language", staffLabel);
}

void setContactFields(mustache::data& data, const ContactPreferences& contact,
                      const std::string& chosenChannel) {
    data.set("email", contact.email);
    data.set("mobile", contact.mobile);
    data.set("contact_name", contact.contactName);
    data.set("contact_relationship", contact.contactRelationship);
    data.set("channels", channelChoices(chosenChannel));
    data.set("languages", languageChoices(std::string(toString(contact.language))));
}

ContactPreferences contactFromForm(const FormFields& form) {
    return newContact(form.text("email"), form.text("mobile"), form.text("contact_name"),
                      form.text("contact_relationship"),
                      parseLanguage(form.text("language")).value_or(Language::en),
                      parseContactChannel(form.text("contact_channel")));
}

void contactChangesFromForm(const FormFields& form, store::ResidentChanges& changes) {
    changes.email = form.text("email");
    changes.mobile = form.text("mobile");
    changes.contactName = form.text("contact_name");
    changes.contactRelationship = form.text("contact_relationship");
    changes.channel = parseContactChannel(form.text("contact_channel"));
    changes.language = parseLanguage(form.text("language"));
}

std::string contactMessage(const std::string& field, const std::string& storeMessage,
                           const WordsIn& w) {
    const bool needed = storeMessage.find("needs") != std::string::npos;
    if (field == "mobile")
        return w(needed ? "contact_error_mobile_needed" : "contact_error_mobile");
    if (field == "email") return w(needed ? "contact_error_email_needed" : "contact_error_email");
    if (field == "contact_name") return "Enter the name of the person we should contact";
    return storeMessage;
}

}  // namespace ces::web
