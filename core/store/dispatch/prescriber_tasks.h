#pragma once
// Tasks for planners to phone a prescriber: raised when an emergency cannot be met (no van can
// reach it before its due time, or its delivery visit failed), marked done once phoned.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

/// A task with what the planner needs to make the call.
struct PrescriberTask {
    TaskId id;
    OrderId order;
    std::string orderReference;
    UserId prescriber;
    std::string prescriberName;
    std::string teamPhone;
    std::string reason;
    bool done = false;
    Instant createdAt;
    std::optional<Instant> doneAt;
};

/// Raises a task to phone the order's prescriber about `reason`, unless one is already open
/// for the order; answers the new task's id (nullopt when one was open).
std::optional<TaskId> raisePrescriberTask(Connection& c, OrderId order, UserId prescriber,
                                          const std::string& reason, Instant now);

/// A page of the open tasks, oldest first.
Page<PrescriberTask> openPrescriberTasks(Connection& c, const PageRequest& page);

/// Every task raised for the order, oldest first.
std::vector<PrescriberTask> prescriberTasksOf(Connection& c, OrderId order);

/// Marks an open task done. NotFound for an unknown task, Conflict("task_done") when it is done
/// already.
void markPrescriberTaskDone(Connection& c, TaskId task, UserId who, Instant now);

}  // namespace ces::store
