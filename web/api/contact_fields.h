#pragma once
// The contact fields of a resident's JSON body: e-mail, mobile, how they want to hear from us,
// their language and the carer or next of kin who speaks for them.
#include <optional>
#include <string>

#include "core/contact.h"
#include "core/store/residents/residents.h"
#include "web/http/json_body.h"

namespace ces::web {

/// contact_channel's value; BadRequest naming the field unless it is one of ours.
ContactChannel contactChannelNamed(const std::string& text);
/// language's value; BadRequest naming the field unless it is one of ours.
Language languageNamed(const std::string& text);

/// The contact details of a new resident. Without contact_channel: text with a mobile, else
/// e-mail with an address, else none; without language: English.
ContactPreferences contactFields(const JsonFields& body);
/// The contact changes a PATCH body asks for (each field only when present).
void changeContactFields(const JsonFields& body, store::ResidentChanges& changes);

}  // namespace ces::web
