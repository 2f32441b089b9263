// NHS numbers: isValidNhsNumber agrees with normaliseNhsNumber, whose answer is ten digits
// that are themselves valid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.h"
#include "core/nhs_number.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool valid = ces::isValidNhsNumber(text);
    try {
        const std::string digits = ces::normaliseNhsNumber(text, "nhs_number");
        if (!valid || digits.size() != 10 || !ces::isValidNhsNumber(digits)) std::abort();
        for (const char ch : digits) {
            if (ch < '0' || ch > '9') std::abort();
        }
    } catch (const ces::ValidationError& e) {
        if (valid || e.field() != "nhs_number") std::abort();
    }
    return 0;
}
