#pragma once
// A small county in a temporary SQLite file: enough postcodes, items, depots and people to
// exercise the store's rules without the demo generator.
#include <filesystem>
#include <memory>

#include "core/iso_time.h"
#include "core/store/infrastructure/database.h"
#include "core/types.h"

namespace ces::test {

struct SmallCounty {
    SmallCounty();
    ~SmallCounty();

    std::filesystem::path directory;
    std::unique_ptr<store::Database> db;
    Actor prescriber;       ///< Team A (limit £2,000).
    Actor otherPrescriber;  ///< Team B, another funder.
    Actor budgetHolder;     ///< Team A's funder.
    Actor warehouse;
    Actor planner;
    ResidentId resident;  ///< Served by team A, lives in Maidstone (ME14 1AD).
    Instant now;          ///< Monday 2 March 2026, 10:00 UTC.
};

}  // namespace ces::test
