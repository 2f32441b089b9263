#include "core/store/messages/outbox.h"

#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/typed_columns.h"
#include "core/store/messages/resident_messages.h"
#include "core/vocabulary_names.h"

namespace ces::store {

namespace {

constexpr NameTable<MessageChannel, 3> kChannels{{
    {MessageChannel::email, "email"},
    {MessageChannel::text, "text"},
    {MessageChannel::letter, "letter"},
}};

const char* const kColumns =
    "SELECT id, created_at, recipient_user_id, recipient, subject, body, entity, entity_id, "
    "sent_at, channel, kind, language, fields, resident_id, send_after, attempts, "
    "next_attempt_at, last_error, failed_at, cancelled_at FROM outbox ";
const char* const kQueueMessage =
    "INSERT INTO outbox (created_at, recipient_user_id, recipient, subject, body, entity, "
    "entity_id, channel, kind, language, fields, resident_id, send_after) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
const char* const kWaiting = "sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL";
const char* const kDue =
    "(send_after IS NULL OR send_after <= $1) AND (next_attempt_at IS NULL OR "
    "next_attempt_at <= $1) ORDER BY id LIMIT $2";

OutboxMessage messageFrom(const Rows& rows, std::size_t i) {
    OutboxMessage m;
    m.id = MessageId(rows.integer(i, 0));
    m.createdAt = instantAt(rows, i, 1, "outbox time");
    if (!rows.isNull(i, 2)) m.recipientUser = UserId(rows.integer(i, 2));
    m.recipient = rows.text(i, 3);
    m.subject = rows.text(i, 4);
    m.body = rows.text(i, 5);
    m.entity = rows.text(i, 6);
    m.entityId = rows.text(i, 7);
    m.sentAt = rows.optionalText(i, 8);
    m.channel = parseMessageChannel(rows.text(i, 9)).value_or(MessageChannel::email);
    m.kind = rows.text(i, 10);
    m.language = parseLanguage(rows.text(i, 11)).value_or(Language::en);
    m.fields = rows.text(i, 12);
    if (!rows.isNull(i, 13)) m.resident = ResidentId(rows.integer(i, 13));
    if (!rows.isNull(i, 14)) m.sendAfter = instantAt(rows, i, 14, "outbox send_after");
    m.attempts = static_cast<int>(rows.integer(i, 15));
    m.nextAttemptAt = rows.optionalText(i, 16);
    m.lastError = rows.optionalText(i, 17);
    m.failedAt = rows.optionalText(i, 18);
    m.cancelledAt = rows.optionalText(i, 19);
    return m;
}

std::vector<OutboxMessage> messagesFrom(const Rows& rows) {
    std::vector<OutboxMessage> messages;
    for (std::size_t i = 0; i < rows.size(); ++i) messages.push_back(messageFrom(rows, i));
    return messages;
}

/// The WHERE of a list: all, waiting, or given up on.
std::string filterCondition(OutboxFilter filter) {
    switch (filter) {
        case OutboxFilter::waiting:
            return std::string("WHERE ") + kWaiting + " AND ";
        case OutboxFilter::failed:
            return "WHERE failed_at IS NOT NULL AND ";
        case OutboxFilter::all:
            break;
    }
    return "WHERE ";
}

/// "$4, $5": placeholders for `values`, added to the end of `params`.
std::string placeholdersFor(const std::vector<std::string>& values, std::vector<SqlValue>& params) {
    std::string among;
    for (const auto& value : values) {
        params.emplace_back(value);
        among += (among.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    return among;
}

/// "WHERE ..." of the messages for `channels` due at $1 (at most $2), oldest first; the channel
/// names are added to `params`.
std::string dueWhere(const std::vector<MessageChannel>& channels, std::vector<SqlValue>& params) {
    std::vector<std::string> names;
    for (const auto channel : channels) names.emplace_back(toString(channel));
    return std::string("WHERE ") + kWaiting + " AND channel IN (" + placeholdersFor(names, params) +
           ") AND " + kDue;
}

}  // namespace

std::optional<OutboxFilter> parseOutboxFilter(std::string_view text) {
    if (text == "all") return OutboxFilter::all;
    if (text == "waiting") return OutboxFilter::waiting;
    if (text == "failed") return OutboxFilter::failed;
    return std::nullopt;
}

std::string_view toString(MessageChannel channel) { return nameIn(kChannels, channel); }
std::optional<MessageChannel> parseMessageChannel(std::string_view text) {
    return valueIn(kChannels, text);
}

MessageId queueMessage(Connection& c, const OutboxMessage& m, Instant now) {
    const SqlValue none = std::monostate{};
    return MessageId(
        c.insert(kQueueMessage,
                 {formatInstant(now), m.recipientUser ? SqlValue(m.recipientUser->value()) : none,
                  m.recipient, m.subject, m.body, m.entity, m.entityId,
                  std::string(toString(m.channel)), m.kind, std::string(toString(m.language)),
                  m.fields, m.resident ? SqlValue(m.resident->value()) : none,
                  m.sendAfter ? SqlValue(formatInstant(*m.sendAfter)) : none}));
}

std::optional<OutboxMessage> findMessage(Connection& c, MessageId id) {
    Rows rows = c.query(std::string(kColumns) + "WHERE id = $1", {id.value()});
    if (rows.empty()) return std::nullopt;
    return messageFrom(rows, 0);
}

Page<OutboxMessage> listOutbox(Connection& c, OutboxFilter filter, const PageRequest& page) {
    Rows rows = c.query(std::string(kColumns) + filterCondition(filter) +
                            "($1 = 0 OR id < $1) ORDER BY id DESC LIMIT $2",
                        {cursorParam(page), fetchLimit(page)});
    return pageOf(messagesFrom(rows), page, [](const OutboxMessage& m) { return m.id.value(); });
}

OutboxDepth outboxDepth(Connection& c) {
    Rows rows =
        c.query(std::string("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE ") + kWaiting);
    Rows failed = c.query("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL");
    OutboxDepth depth;
    depth.waiting = rows.integer(0, 0);
    if (!rows.isNull(0, 1)) depth.oldestWaiting = instantAt(rows, 0, 1, "outbox time");
    depth.failed = failed.integer(0, 0);
    return depth;
}

bool anyDueMessages(Connection& c, Instant now, const std::vector<MessageChannel>& channels) {
    if (channels.empty()) return false;
    std::vector<SqlValue> params = {formatInstant(now), std::int64_t{1}};
    return !c.query("SELECT id FROM outbox " + dueWhere(channels, params), params).empty();
}

std::vector<OutboxMessage> claimDueMessages(Connection& c, Instant now, std::chrono::seconds lease,
                                            int limit,
                                            const std::vector<MessageChannel>& channels) {
    if (channels.empty()) return {};
    // A reminder of a visit that is no longer planned (cancelled, done, moved) says nothing true.
    c.execute(std::string("UPDATE outbox SET cancelled_at = $1 WHERE ") + kWaiting +
                  " AND entity = 'visit' AND kind IN ($2, $3) AND NOT EXISTS (SELECT 1 FROM "
                  "visits v WHERE CAST(v.id AS TEXT) = outbox.entity_id AND v.status = 'planned')",
              {formatInstant(now), std::string(message_kind::visitTomorrow),
               std::string(message_kind::visitToday)});
    std::vector<SqlValue> params = {formatInstant(now), std::int64_t{limit}};
    std::string sql = std::string(kColumns) + dueWhere(channels, params);
    if (c.dialect() == Dialect::postgresql) sql += " FOR UPDATE SKIP LOCKED";
    auto messages = messagesFrom(c.query(sql, params));
    const std::string until = formatInstant(now + lease);
    for (auto& m : messages) {
        c.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1 WHERE id = $2",
                  {until, m.id.value()});
        ++m.attempts;
        m.nextAttemptAt = until;
    }
    return messages;
}

void markMessageSent(Connection& c, MessageId id, Instant at, const std::string& subject,
                     const std::string& body) {
    c.execute(
        "UPDATE outbox SET sent_at = $1, last_error = NULL, subject = CASE WHEN $2 = '' THEN "
        "subject ELSE $2 END, body = CASE WHEN $3 = '' THEN body ELSE $3 END "
        "WHERE id = $4 AND sent_at IS NULL",
        {formatInstant(at), subject, body, id.value()});
}

void markMessageRetry(Connection& c, MessageId id, const std::string& error, Instant retryAt) {
    c.execute("UPDATE outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3",
              {error, formatInstant(retryAt), id.value()});
}

void markMessageFailed(Connection& c, MessageId id, const std::string& error, Instant at) {
    c.execute("UPDATE outbox SET last_error = $1, failed_at = $2 WHERE id = $3 AND sent_at IS NULL",
              {error, formatInstant(at), id.value()});
}

void retryFailedMessage(Connection& c, MessageId id, UserId by, Instant now) {
    const auto message = findMessage(c, id);
    if (!message) throw NotFound("no message has the id " + std::to_string(id.value()));
    if (!message->failedAt) {
        throw Conflict("not_failed", "only a message that failed can be tried again");
    }
    c.execute(
        "UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = NULL "
        "WHERE id = $1 AND sent_at IS NULL",
        {id.value()});
    audit(c, by, "message.retry", "message", std::to_string(id.value()), now);
}

bool messageWritten(Connection& c, const std::string& entity, const std::string& entityId,
                    const std::string& kind) {
    return !c.query("SELECT 1 FROM outbox WHERE entity = $1 AND entity_id = $2 AND kind = $3",
                    {entity, entityId, kind})
                .empty();
}

std::optional<Instant> waitingMessageDue(Connection& c, const std::string& entity,
                                         const std::string& entityId, const std::string& kind) {
    Rows rows = c.query(std::string("SELECT COALESCE(send_after, created_at) FROM outbox WHERE "
                                    "entity = $1 AND entity_id = $2 AND kind = $3 AND ") +
                            kWaiting + " ORDER BY id DESC LIMIT 1",
                        {entity, entityId, kind});
    if (rows.empty()) return std::nullopt;
    return instantAt(rows, 0, 0, "send_after");
}

std::string_view messageStatus(const OutboxMessage& message) {
    if (message.sentAt) return "sent";
    if (message.failedAt) return "failed";
    if (message.cancelledAt) return "cancelled";
    return "waiting";
}

std::size_t markMessagesSentBefore(Connection& c, Instant before) {
    return c.executeCounting(
        std::string("UPDATE outbox SET sent_at = COALESCE(send_after, created_at) WHERE ") +
            kWaiting + " AND created_at < $1 AND (send_after IS NULL OR send_after < $1)",
        {formatInstant(before)});
}

void cancelWaitingMessages(Connection& c, const std::string& entity, const std::string& entityId,
                           const std::vector<std::string>& kinds, Instant at) {
    if (kinds.empty()) return;
    std::vector<SqlValue> params = {formatInstant(at), entity, entityId};
    const std::string among = placeholdersFor(kinds, params);
    c.execute(
        "UPDATE outbox SET cancelled_at = $1 WHERE entity = $2 AND entity_id = $3 AND "
        "kind IN (" +
            among + ") AND " + kWaiting,
        params);
}

}  // namespace ces::store
