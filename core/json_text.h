#pragma once
// JSON text for the writers that stream it by hand (the open export, `ces route`), without POCO.
#include <string>
#include <string_view>

namespace ces {

/// `text` as a quoted JSON string: quotes, backslashes and control characters escaped.
std::string jsonString(std::string_view text);

}  // namespace ces
