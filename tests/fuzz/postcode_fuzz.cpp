// UK postcodes: a normalised postcode is upper case with one space, and normalising it again
// changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/postcode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto postcode = ces::normalisePostcode(text);
    if (!postcode) return 0;
    if (postcode->size() < 6 || postcode->size() > 8) std::abort();
    if (postcode->find(' ') != postcode->size() - 4) std::abort();
    for (const char ch : *postcode) {
        if (!(ch == ' ' || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) std::abort();
    }
    if (ces::normalisePostcode(*postcode) != postcode) std::abort();
    return 0;
}
