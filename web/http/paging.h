#pragma once
// `?after=&limit=` on every list, and the `next` link of its answer.
#include <Poco/JSON/Object.h>

#include <optional>

#include "core/store/infrastructure/paging.h"
#include "web/http/exchange.h"

namespace ces::web {

inline constexpr std::size_t kDefaultPageLimit = 100;
inline constexpr std::size_t kMaxPageLimit = 500;

/// The page a request asks for; ValidationError naming `after` or `limit` (1..500) when
/// either is not a whole number in range.
store::PageRequest pageRequest(const Request& request,
                               std::size_t defaultLimit = kDefaultPageLimit);

/// The link to the page after this one (the same path and query, `after` set), or nothing.
std::optional<std::string> nextLink(const Request& request, std::optional<std::int64_t> next);

/// Sets `next` on a list's answer: the link, or null on the last page.
void setNext(Poco::JSON::Object::Ptr& answer, const Request& request,
             std::optional<std::int64_t> next);

}  // namespace ces::web
