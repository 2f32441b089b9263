#pragma once
// A small service with a hand-built February 2026 whose every KPI is known (see the numbers in
// service_history.cpp): three deliveries (two on time), three collections (one on time, one
// late, one overdue), one credit, two specials (one within 8 weeks), two collection visits
// (one failed for no access), one route of 25 km.
#include <string>

#include "tests/core/store/fixture.h"

namespace ces::test {

/// An instant in February/March 2026 (UTC; GMT then).
Instant at(unsigned month, unsigned day, int hour, int minute = 0);

struct ServiceHistory : SmallCounty {
    ServiceHistory();

    std::string orderA;  ///< BED x1, 5_day, delivered on time (3 days).
    std::string orderB;  ///< FRAME x2, 5_day, delivered late (10 days).
    std::string orderC;  ///< FRAME x1, next_day, delivered on time (1 day).
    std::string bedBarcode;
    std::string collection1;    ///< The bed, on time, passed inspection (credit).
    std::string collection2;    ///< Order B by the resident, never returned (overdue).
    std::string collection3;    ///< Order C by the warehouse, urgent, returned late.
    ResidentId thanetResident;  ///< Served by team B (NHS).
    Actor driver;
};

}  // namespace ces::test
