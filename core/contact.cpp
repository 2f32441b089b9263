#include "core/contact.h"

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<ContactChannel, 5> kChannels{{
    {ContactChannel::text, "text"},
    {ContactChannel::email, "email"},
    {ContactChannel::letter, "letter"},
    {ContactChannel::phone, "phone"},
    {ContactChannel::none, "none"},
}};

constexpr NameTable<Language, 4> kLanguages{{
    {Language::en, "en"},
    {Language::ne, "ne"},
    {Language::pl, "pl"},
    {Language::ro, "ro"},
}};

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

}  // namespace

std::string_view toString(ContactChannel channel) { return nameIn(kChannels, channel); }
std::optional<ContactChannel> parseContactChannel(std::string_view text) {
    return valueIn(kChannels, text);
}
std::string_view toString(Language language) { return nameIn(kLanguages, language); }
std::optional<Language> parseLanguage(std::string_view text) { return valueIn(kLanguages, text); }

std::optional<std::string> normaliseEmail(std::string_view text) {
    const std::string_view address = trimmed(text);
    if (address.empty() || address.size() > kMaxEmailLength) return std::nullopt;
    if (address.find_first_of(" \t<>()[],;:\"\\") != std::string_view::npos) return std::nullopt;
    const auto at = address.find('@');
    if (at == 0 || at == std::string_view::npos || address.find('@', at + 1) != address.npos) {
        return std::nullopt;
    }
    const std::string_view domain = address.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == 0 || dot == std::string_view::npos || domain.back() == '.') return std::nullopt;
    return std::string(address);
}

bool isUkMobile(std::string_view phone) {
    return phone.starts_with("07") || phone.starts_with("+44 7") || phone.starts_with("+447");
}

ContactChannel defaultChannel(const ContactPreferences& contact) {
    if (!contact.mobile.empty()) return ContactChannel::text;
    if (!contact.email.empty()) return ContactChannel::email;
    return ContactChannel::none;
}

ContactPreferences newContact(std::string email, std::string mobile, std::string contactName,
                              std::string contactRelationship, Language language,
                              std::optional<ContactChannel> chosen) {
    ContactPreferences contact;
    contact.email = std::string(trimmed(email));
    contact.mobile = std::string(trimmed(mobile));
    contact.contactName = std::move(contactName);
    contact.contactRelationship = std::move(contactRelationship);
    contact.language = language;
    contact.channel = chosen ? *chosen : defaultChannel(contact);
    return contact;
}

std::optional<ContactProblem> contactProblem(const ContactPreferences& contact) {
    if (contact.channel == ContactChannel::text && contact.mobile.empty()) {
        return ContactProblem{"mobile", "contact_channel text needs a mobile number"};
    }
    if (contact.channel == ContactChannel::email && contact.email.empty()) {
        return ContactProblem{"email", "contact_channel email needs an e-mail address"};
    }
    if (!contact.contactRelationship.empty() && contact.contactName.empty()) {
        return ContactProblem{"contact_name", "contact_relationship needs a contact_name"};
    }
    return std::nullopt;
}

}  // namespace ces
