#include "warehouse/emergencies.h"

#include "core/store/dispatch/dispatch.h"

namespace ces::warehouse {

std::optional<TaskId> escalateEmergency(store::Connection& c, OrderId order,
                                        const std::string& reference, const std::string& reason,
                                        Instant now) {
    const auto contact = store::orderContact(c, order);
    if (!contact) return std::nullopt;
    const auto task = store::raisePrescriberTask(c, order, contact->prescriber, reason, now);
    if (!task) return std::nullopt;
    store::OutboxMessage message;
    message.recipientUser = contact->prescriber;
    message.recipient = contact->mailbox();
    message.subject = "Emergency order " + reference + " cannot be delivered in time";
    message.body = "We cannot deliver emergency order " + reference + " in time: " + reason +
                   ". A planner will phone you about it.";
    message.entity = "order";
    message.entityId = reference;
    store::queueMessage(c, message, now);
    return task;
}

}  // namespace ces::warehouse
