#include "core/store/dispatch/prescriber_tasks.h"

#include "core/errors.h"
#include "core/store/infrastructure/typed_columns.h"

namespace ces::store {

namespace {

const char* const kOpenTaskOf =
    "SELECT id FROM prescriber_tasks WHERE order_id = $1 AND status = 'open' LIMIT 1";
const char* const kRaiseTask =
    "INSERT INTO prescriber_tasks (order_id, prescriber_id, reason, status, created_at) "
    "VALUES ($1, $2, $3, 'open', $4) RETURNING id";
const std::string kTaskColumns =
    "SELECT k.id, k.order_id, o.reference, k.prescriber_id, u.display_name, t.phone, k.reason, "
    "k.status, k.created_at, k.done_at FROM prescriber_tasks k "
    "JOIN orders o ON o.id = k.order_id JOIN users u ON u.id = k.prescriber_id "
    "JOIN teams t ON t.id = o.team_id ";
const std::string kOpenTasks =
    kTaskColumns + "WHERE k.status = 'open' AND k.id > $1 ORDER BY k.id LIMIT $2";
const std::string kTasksOf = kTaskColumns + "WHERE k.order_id = $1 ORDER BY k.id";
const char* const kTaskStatus = "SELECT status FROM prescriber_tasks WHERE id = $1";
const char* const kMarkDone =
    "UPDATE prescriber_tasks SET status = 'done', done_at = $1, done_by = $2 "
    "WHERE id = $3 AND status = 'open'";

std::vector<PrescriberTask> tasksFrom(const Rows& rows) {
    std::vector<PrescriberTask> tasks;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PrescriberTask t;
        t.id = TaskId(rows.integer(i, 0));
        t.order = OrderId(rows.integer(i, 1));
        t.orderReference = rows.text(i, 2);
        t.prescriber = UserId(rows.integer(i, 3));
        t.prescriberName = rows.text(i, 4);
        t.teamPhone = rows.text(i, 5);
        t.reason = rows.text(i, 6);
        t.done = rows.text(i, 7) == "done";
        t.createdAt = instantAt(rows, i, 8, "task time");
        t.doneAt = optionalInstantAt(rows, i, 9, "task done time");
        tasks.push_back(std::move(t));
    }
    return tasks;
}

}  // namespace

std::optional<TaskId> raisePrescriberTask(Connection& c, OrderId order, UserId prescriber,
                                          const std::string& reason, Instant now) {
    if (!c.query(kOpenTaskOf, {order.value()}).empty()) return std::nullopt;
    Rows rows =
        c.query(kRaiseTask, {order.value(), prescriber.value(), reason, formatInstant(now)});
    return TaskId(rows.integer(0, 0));
}

Page<PrescriberTask> openPrescriberTasks(Connection& c, const PageRequest& page) {
    return pageOf(tasksFrom(c.query(kOpenTasks, {cursorParam(page), fetchLimit(page)})), page,
                  [](const PrescriberTask& t) { return t.id.value(); });
}

std::vector<PrescriberTask> prescriberTasksOf(Connection& c, OrderId order) {
    return tasksFrom(c.query(kTasksOf, {order.value()}));
}

void markPrescriberTaskDone(Connection& c, TaskId task, UserId who, Instant now) {
    Rows rows = c.query(kTaskStatus, {task.value()});
    if (rows.empty()) throw NotFound("no task has the id " + std::to_string(task.value()));
    if (rows.text(0, 0) != "open") throw Conflict("task_done", "that task is done already");
    c.execute(kMarkDone, {formatInstant(now), who.value(), task.value()});
}

}  // namespace ces::store
