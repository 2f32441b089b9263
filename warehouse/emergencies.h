#pragma once
// Emergencies that run into difficulty: domain.md has the prescriber phoned, with an e-mail
// follow-up. A planner gets a "phone the prescriber" task; the e-mail waits in the outbox.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/dispatch/prescriber_tasks.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

/// Raises the task to phone the order's prescriber about `reason` and queues the e-mail
/// follow-up, in the caller's transaction; nothing when a task is already open for the order
/// (or the order has no prescriber to phone). Answers the new task.
std::optional<TaskId> escalateEmergency(store::Connection& c, OrderId order,
                                        const std::string& reference, const std::string& reason,
                                        Instant now);

}  // namespace ces::warehouse
