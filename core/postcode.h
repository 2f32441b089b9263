#pragma once
// UK postcodes: an outward code (area and district, e.g. "ME14") and an inward code (sector
// and unit, e.g. "1XX"), written with one space between them.
#include <optional>
#include <string>
#include <string_view>

namespace ces {

/// The postcode in its standard form ("ME14 1XX" from " me14 1xx " or "me141xx"), or nullopt
/// when it does not have a UK postcode's shape: outward A9, A99, AA9, AA99, A9A or AA9A and
/// inward 9AA, or the special "GIR 0AA". Checks the shape only, not that the postcode exists.
std::optional<std::string> normalisePostcode(std::string_view text);

}  // namespace ces
