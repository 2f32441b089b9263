#pragma once
// How a resident (or the carer who speaks for them) wants to hear from the service, and in
// which language: the contact details a prescriber records and the resident may change.
#include <optional>
#include <string>
#include <string_view>

namespace ces {

/// The way messages reach a resident. `phone` means staff ring them (nothing is sent);
/// `none` means they asked for nothing.
enum class ContactChannel { text, email, letter, phone, none };

/// The languages of resident pages and messages (English and Kent's largest others).
enum class Language { en, ne, pl, ro };

std::string_view toString(ContactChannel channel);  ///< "text", "email", "letter", ...
std::optional<ContactChannel> parseContactChannel(std::string_view text);
std::string_view toString(Language language);  ///< "en", "ne", "pl", "ro"
std::optional<Language> parseLanguage(std::string_view text);

/// Longest e-mail address accepted (RFC 5321's path limit).
inline constexpr std::size_t kMaxEmailLength = 254;

/// The address trimmed, or nullopt unless it looks like one mailbox: one "@", a local part and
/// a domain with a dot, no spaces or angle brackets, at most kMaxEmailLength characters.
std::optional<std::string> normaliseEmail(std::string_view text);

/// True for a UK mobile number as normaliseUkPhone writes it ("07..." or "+44 7...").
bool isUkMobile(std::string_view normalisedPhone);

/// Who messages go to and how. With a contact name, messages address that carer or next of
/// kin (at the e-mail and mobile given), about the resident.
struct ContactPreferences {
    std::string email;
    std::string mobile;
    ContactChannel channel = ContactChannel::none;
    Language language = Language::en;
    std::string contactName;          ///< Empty: the resident themself.
    std::string contactRelationship;  ///< "daughter", "carer", ...; with contactName only.
};

/// The channel a resident gets when none is chosen: text with a mobile, else e-mail with an
/// address, else none (no letter is sent unless asked for).
ContactChannel defaultChannel(const ContactPreferences& contact);

/// A new resident's contact details as given: blank texts count as none, and without a channel
/// chosen the default for what was given (defaultChannel).
ContactPreferences newContact(std::string email, std::string mobile, std::string contactName,
                              std::string contactRelationship, Language language,
                              std::optional<ContactChannel> chosen);

/// Why `contact` cannot be kept as it is (the field and a sentence), or nullopt: a text needs a
/// mobile, an e-mail an address, a relationship a contact name.
struct ContactProblem {
    std::string field;
    std::string message;
};
std::optional<ContactProblem> contactProblem(const ContactPreferences& contact);

}  // namespace ces
