#pragma once
// The outbox: every message the service sends, written in the transaction of the event that
// causes it and drained by a sender (notify/) with at-least-once delivery. A message to staff
// holds its subject and body; a message to a resident holds what to say (kind, language,
// fields) and gets its words from the templates when it is sent.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces {
/// A message in the outbox.
using MessageId = Id<struct MessageTag>;
}  // namespace ces

namespace ces::store {

/// How a message travels.
enum class MessageChannel { email, text, letter };
std::string_view toString(MessageChannel channel);
std::optional<MessageChannel> parseMessageChannel(std::string_view text);

/// A message as the outbox holds it.
struct OutboxMessage {
    MessageId id;
    Instant createdAt;
    std::optional<UserId> recipientUser;
    std::string recipient;  ///< An e-mail address, a mobile number or a resident's name (letters).
    std::string subject;    ///< Staff messages; a resident message's once it is sent.
    std::string body;
    std::string entity;
    std::string entityId;
    std::optional<std::string> sentAt;
    MessageChannel channel = MessageChannel::email;
    std::string kind;  ///< A resident message's template; empty for staff messages.
    Language language = Language::en;
    std::string fields = "{}";  ///< The template's fields, a JSON object.
    std::optional<ResidentId> resident;
    std::optional<Instant> sendAfter;  ///< Not before (the day before a visit, say).
    int attempts = 0;
    std::optional<std::string> nextAttemptAt;
    std::optional<std::string> lastError;
    std::optional<std::string> failedAt;  ///< Given up on: shown to the admin.
    std::optional<std::string> cancelledAt;
};

MessageId queueMessage(Connection& c, const OutboxMessage& message, Instant now);
std::optional<OutboxMessage> findMessage(Connection& c, MessageId id);

/// Which messages a list shows.
enum class OutboxFilter { all, waiting, failed };
/// "all", "waiting" or "failed"; nullopt for anything else.
std::optional<OutboxFilter> parseOutboxFilter(std::string_view text);
/// A page of the outbox, newest first.
Page<OutboxMessage> listOutbox(Connection& c, OutboxFilter filter, const PageRequest& page);

/// How much waits: messages due now or later, and when the oldest was written.
struct OutboxDepth {
    std::int64_t waiting = 0;
    std::int64_t failed = 0;
    std::optional<Instant> oldestWaiting;
};
OutboxDepth outboxDepth(Connection& c);

/// Whether any message for `channels` is due at `now` (a read: an idle sender writes nothing).
bool anyDueMessages(Connection& c, Instant now, const std::vector<MessageChannel>& channels);
/// Takes up to `limit` messages for `channels` due at `now` (not sent, failed or cancelled; past
/// send_after and any earlier claim's lease), oldest first, counting an attempt and leasing each
/// until now + lease; on PostgreSQL rows another sender holds are skipped (FOR UPDATE SKIP LOCKED).
/// Call in a write transaction.
std::vector<OutboxMessage> claimDueMessages(Connection& c, Instant now, std::chrono::seconds lease,
                                            int limit, const std::vector<MessageChannel>& channels);
/// Marks a message sent at `at`, keeping the words that went (staff may also mark one by hand).
void markMessageSent(Connection& c, MessageId id, Instant at, const std::string& subject = "",
                     const std::string& body = "");
/// Records a failed attempt; the message is tried again at `retryAt`.
void markMessageRetry(Connection& c, MessageId id, const std::string& error, Instant retryAt);
/// Gives up on a message (a channel refused it for good, or it kept failing).
void markMessageFailed(Connection& c, MessageId id, const std::string& error, Instant at);
/// A failed message back in the queue, its attempts counted afresh (the admin's retry, audited
/// as `message.retry`); NotFound for an unknown id, Conflict("not_failed") unless it failed.
void retryFailedMessage(Connection& c, MessageId id, UserId by, Instant now);
/// Whether a message of `kind` about this entity was ever written (sent or not).
bool messageWritten(Connection& c, const std::string& entity, const std::string& entityId,
                    const std::string& kind);
/// When a still-waiting message of `kind` about an entity is to go (its send_after, else when it
/// was written); nullopt when none waits.
std::optional<Instant> waitingMessageDue(Connection& c, const std::string& entity,
                                         const std::string& entityId, const std::string& kind);
/// "waiting", "sent", "failed" or "cancelled".
std::string_view messageStatus(const OutboxMessage& message);
/// Marks every message written before `before` and still waiting as sent when it was written
/// (a demo county's past); answers how many.
std::size_t markMessagesSentBefore(Connection& c, Instant before);
/// Cancels the waiting messages of these kinds about an entity (a re-plan supersedes them).
void cancelWaitingMessages(Connection& c, const std::string& entity, const std::string& entityId,
                           const std::vector<std::string>& kinds, Instant at);

}  // namespace ces::store
