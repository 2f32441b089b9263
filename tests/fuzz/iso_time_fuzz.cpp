// ISO 8601 dates and instants: whatever parses is a real date or instant, and formats back to
// text that parses to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/iso_time.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto date = ces::parseDate(text)) {
        if (!date->ok()) std::abort();
        if (ces::parseDate(ces::formatDate(*date)) != date) std::abort();
    }
    if (const auto instant = ces::parseInstant(text)) {
        if (ces::parseInstant(ces::formatInstant(*instant)) != instant) std::abort();
    }
    return 0;
}
