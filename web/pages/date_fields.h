#pragma once
// GOV.UK date input: a date entered as three fields NAME-day, NAME-month, NAME-year.
#include <optional>
#include <string>

#include "web/pages/form_fields.h"

namespace ces::web {

/// The ISO date ("1942-05-17") the three fields make, or nullopt if any is missing or the date
/// does not exist.
std::optional<std::string> dateFromParts(const FormFields& form, const std::string& name);

}  // namespace ces::web
