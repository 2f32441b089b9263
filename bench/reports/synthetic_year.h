#pragma once
// A synthetic county-year for timing the reports (bench/reports): rows written straight into
// the tables with set-based SQL, not through the domain rules, so a year of data takes seconds.
// SQLite only (it uses SQLite's date functions); never used by the service itself.
#include <cstdint>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

struct SyntheticYear {
    std::int64_t residents = 120'000;
    std::int64_t orders = 200'000;       ///< About 350k lines: 1 or 2 per order.
    std::int64_t collections = 200'000;  ///< Loans collected, oldest first.
    std::int64_t visitsPerDay = 700;
    std::int64_t auditRows = 2'000'000;
    std::int64_t vans = 25;
    std::int64_t startUnixSeconds = 1'743'465'600;  ///< 2025-04-01T00:00:00Z.
};

/// Fills an empty, migrated database whose postcodes are loaded. Answers total rows written.
std::int64_t generateSyntheticYear(Connection& c, const SyntheticYear& year);

}  // namespace ces::store
