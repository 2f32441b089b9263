#pragma once
// Lists come a page at a time, by row id: a page asks for the rows past a cursor (the last id
// of the page before) and says where the next page starts, so nothing is ever cut off silently.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

struct PageRequest {
    std::optional<std::int64_t> after;  ///< The previous page's last id; none for the first.
    std::size_t limit = 100;
};

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<std::int64_t> next;  ///< The cursor of the following page; none at the end.
};

/// The cursor bound as a query parameter: 0 when there is none (ids start at 1).
inline SqlValue cursorParam(const PageRequest& page) { return page.after.value_or(0); }

/// The LIMIT to ask for: one more row than the page, to know whether another page follows.
inline std::int64_t fetchLimit(const PageRequest& page) {
    return static_cast<std::int64_t>(page.limit) + 1;
}

/// Builds a page from rows fetched with fetchLimit: `idOf` answers a row's id.
template <class T, class IdOf>
Page<T> pageOf(std::vector<T> rows, const PageRequest& page, IdOf idOf) {
    Page<T> result;
    if (rows.size() > page.limit) {
        rows.resize(page.limit);
        result.next = idOf(rows.back());
    }
    result.items = std::move(rows);
    return result;
}

}  // namespace ces::store
