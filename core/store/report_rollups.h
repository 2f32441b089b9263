#pragma once
// Daily roll-ups of the append-only tables the slowest reports sum (migration 004): the ledger
// per day x kind x finance dimension, and barcoded asset steps per day x category. Each roll-up
// remembers the last id it has counted; topping up adds the rows after it, so a report that tops
// up first and then reads whole days from the roll-up answers exactly as the raw rows would.
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/connection.h"

namespace ces::store {

/// Adds the ledger and asset_events rows appended since the last call to the roll-ups, in one
/// write transaction (BEGIN IMMEDIATE on SQLite; the marker rows are locked on PostgreSQL). Does
/// not write when nothing is new. Must not be called inside an open transaction.
void topUpReportRollups(Connection& c);

}  // namespace ces::store
