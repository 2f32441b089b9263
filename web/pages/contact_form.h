#pragma once
// The contact part of a resident form: how they hear from us, in which language, and the carer
// or next of kin who speaks for them. Shared by the prescriber's forms and the resident's page.
#include <string>

#include "core/contact.h"
#include "core/store/residents/residents.h"
#include "web/pages/form_fields.h"
#include "web/pages/page_renderer.h"
#include "web/pages/words.h"

namespace ces::web {

/// Radio items {value,label,id,checked} for the channels (in the staff's words, or in a
/// resident's) and the languages (each named in itself).
mustache::data channelChoices(const std::string& chosen);
mustache::data channelChoices(const std::string& chosen, const WordsIn& w);
mustache::data languageChoices(const std::string& chosen);

/// Fills the `_contact_fields` partial's data: the typed values and the choices.
void setContactFields(mustache::data& data, const ContactPreferences& contact,
                      const std::string& chosenChannel);

/// A new resident's contact details from a form; without a channel chosen, the default for
/// the details given (text with a mobile, e-mail with an address, else none).
ContactPreferences contactFromForm(const FormFields& form);
/// The contact changes a prescriber's change form asks for (every field is on the form).
void contactChangesFromForm(const FormFields& form, store::ResidentChanges& changes);

/// The words for a contact field's validation message.
std::string contactMessage(const std::string& field, const std::string& storeMessage,
                           const WordsIn& w);

}  // namespace ces::web
