#pragma once
// Daily roll-ups of the append-only rows the slowest reports sum: the ledger per day x kind x
// finance dimension, and barcoded asset steps per day x category (migration 004); for the equity
// reports, orders placed per day x place, and deliveries (order_events to 'delivered') per day x
// place x whole days from approval, with how many were on time (migration 005; place is the
// district or the deprivation decile). Each roll-up remembers the last id it has counted; topping
// up adds the rows after it, so a report that tops up first and then reads whole days from the
// roll-up answers exactly as the raw rows would.
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// Adds the ledger, asset_events, orders and order_events rows appended since the last call to
/// the roll-ups, in one write transaction (BEGIN IMMEDIATE on SQLite; the marker rows are locked
/// on PostgreSQL). Does not write when nothing is new. Must not be called inside an open
/// transaction.
void topUpReportRollups(Connection& c);

}  // namespace ces::store
