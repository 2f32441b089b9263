#include "web/pages/contact_form.h"

namespace ces::web {

namespace {

struct Choice {
    const char* value;
    const char* label;
    const char* residentLabel;
};

constexpr Choice kChannels[] = {
    {"text", "Text message", "Text message"},
    {"email", "E-mail", "E-mail"},
    {"letter", "Letter by post", "Letter by post"},
    {"phone", "No written messages (they will phone or check the tracking page)",
     "No written messages: I will check this page or phone"},
    {"none", "No messages at all", "No messages at all"}};
// Each language named in itself, then in English.
constexpr Choice kLanguages[] = {{"en", "English", ""},
                                 {"ne", "नेपाली (Nepali)", ""},
                                 {"pl", "Polski (Polish)", ""},
                                 {"ro", "Română (Romanian)", ""}};

template <std::size_t N>
mustache::data choices(const Choice (&all)[N], const std::string& chosen, const std::string& field,
                       bool forResident) {
    mustache::data list(mustache::data::type::list);
    for (const auto& choice : all) {
        mustache::data item;
        item.set("value", choice.value);
        item.set("label",
                 forResident && *choice.residentLabel ? choice.residentLabel : choice.label);
        item.set("id", field + "-" + choice.value);
        item.set("checked", chosen == choice.value);
        list.push_back(item);
    }
    return list;
}

}  // namespace

mustache::data channelChoices(const std::string& chosen, bool forResident) {
    return choices(kChannels, chosen, "contact_channel", forResident);
}

mustache::data languageChoices(const std::string& chosen) {
    return choices(kLanguages, chosen, "language", false);
}

void setContactFields(mustache::data& data, const ContactPreferences& contact,
                      const std::string& chosenChannel) {
    data.set("email", contact.email);
    data.set("mobile", contact.mobile);
    data.set("contact_name", contact.contactName);
    data.set("contact_relationship", contact.contactRelationship);
    data.set("channels", channelChoices(chosenChannel, false));
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

std::string contactMessage(const std::string& field, const std::string& storeMessage) {
    if (field == "mobile") {
        return storeMessage.find("needs") != std::string::npos
                   ? "Enter a mobile number for text messages, or choose another way"
                   : "Enter a UK mobile number, like 07700 900123";
    }
    if (field == "email") {
        return storeMessage.find("needs") != std::string::npos
                   ? "Enter an e-mail address, or choose another way"
                   : "Enter an e-mail address, like name@example.org";
    }
    if (field == "contact_name") return "Enter the name of the person we should contact";
    return storeMessage;
}

}  // namespace ces::web
