// HTML form bodies (application/x-www-form-urlencoded) and the GOV.UK three-field dates read
// from them: decoded values or a BadRequest, and only real dates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/iso_time.h"
#include "web/http/json_body.h"
#include "web/pages/date_fields.h"
#include "web/pages/form_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        const auto form = ces::web::FormFields::parse(body);
        for (const char* name : {"nhs_number", "postcode", "dob-day", "password", ""}) {
            const std::string text = form.text(name);
            if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) std::abort();
            (void)form.raw(name);
            (void)form.all(name);
            (void)form.has(name);
        }
        if (const auto date = ces::web::dateFromParts(form, "dob")) {
            if (!ces::parseDate(*date)) std::abort();  // only real dates come out
        }
    } catch (const ces::web::BadRequest&) {
    }
    return 0;
}
