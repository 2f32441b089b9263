#pragma once
// A van's pick list: what to load for a planned route, listed in stop order with the load
// order beside it (the last stop's items go in first, so the first stop's come out first).
#include <chrono>
#include <string>
#include <vector>

#include "core/store/dispatch/dispatch.h"

namespace ces::warehouse {

/// One item to pick for one stop.
struct PickLine {
    int stop = 0;         ///< 1 = first visit of the day.
    int loadOrder = 0;    ///< 1 = loaded first (the last stop).
    std::string arrival;  ///< "HH:MM".
    VisitId visitId;
    VisitKind kind = VisitKind::delivery;
    std::string orderReference;
    std::string residentName;
    std::string postcode;
    std::string itemCode;
    std::string itemName;
    std::int64_t quantity = 0;
    std::string barcodes;  ///< Picked barcodes, space-separated.
    bool twoPerson = false;
    bool needsFitting = false;
};

/// The pick list of one van on a stored plan.
struct PickList {
    std::chrono::year_month_day date;
    std::string vanCode;
    std::string depotCode;
    std::string crewName;
    std::vector<PickLine> lines;
};

/// Deliveries on the van's route, one line per item; NotFound when the van has no route.
PickList pickListFor(const store::StoredPlan& plan, const std::string& vanCode);

/// The list as CSV (RFC 4180 quoting), one row per line, with a header row.
std::string pickListCsv(const PickList& list);

}  // namespace ces::warehouse
