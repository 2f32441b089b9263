// RFC 4180 CSV as the imports read it (core/csv.h): records, or a ValidationError for an
// unterminated quote; looking up columns by name never reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/csv.h"
#include "core/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        std::istringstream in(text);
        std::size_t records = 0;
        while (auto record = ces::readCsvRecord(in)) {
            if (record->empty()) std::abort();       // a record has at least one field
            if (++records > size + 1) std::abort();  // input is always consumed
        }
    } catch (const ces::ValidationError&) {
    }
    try {
        std::istringstream in(text);
        ces::CsvTable table(in);
        while (table.next()) {
            for (const char* column : {"code", "name", "postcode", "lat", ""}) {
                try {
                    (void)table.field(column);
                } catch (const ces::ValidationError&) {
                }
            }
        }
    } catch (const ces::ValidationError&) {
    }
    return 0;
}
