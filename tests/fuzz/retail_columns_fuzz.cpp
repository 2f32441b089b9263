// The catalogue CSV's retail-alternative columns: any bytes as a CSV file, each row's
// retail_product, retail_price_gbp, retail_where and retail_note read as the import reads them.
// Answers are an alternative (all four facts, a price within bounds) or a refusal naming a cell.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/csv.h"
#include "core/errors.h"
#include "core/self_purchase.h"

namespace {

std::string cell(const ces::CsvTable& table, const char* column) {
    return table.has(column) ? table.field(column) : std::string();
}

bool isRetailCell(const std::string& field) {
    return field == "retail_product" || field == "retail_price_gbp" || field == "retail_where" ||
           field == "retail_note";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        ces::CsvTable table(in);
        for (int rows = 0; rows < 1000 && table.next(); ++rows) {
            try {
                const auto alternative = ces::retailAlternativeFrom(
                    cell(table, "retail_product"), cell(table, "retail_price_gbp"),
                    cell(table, "retail_where"), cell(table, "retail_note"));
                if (alternative &&
                    (alternative->typicalPricePence < 1 ||
                     alternative->typicalPricePence > 1'000'000 || alternative->product.empty())) {
                    std::abort();
                }
            } catch (const ces::ValidationError& e) {
                if (!isRetailCell(e.field())) std::abort();
            }
        }
    } catch (const ces::ValidationError&) {
        // A malformed CSV file is refused as a whole (the csv fuzzer covers the reader).
    } catch (const std::runtime_error&) {
    }
    return 0;
}
