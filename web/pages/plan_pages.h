#pragma once
// The planner's day plan page, shared by the pages that change the day and show it again.
#include <chrono>
#include <optional>

#include "core/ids.h"
#include "web/pages/site.h"

namespace ces::web {

/// The day plan of `day` (or what waits for it when it has none); `inserted`, when given, is a
/// visit just put into the day, announced at the top.
PageView planView(Site& site, std::chrono::year_month_day day,
                  std::optional<VisitId> inserted = std::nullopt);

}  // namespace ces::web
