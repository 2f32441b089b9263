// The outbox as the admin sees it: what waits, what went, what failed (and trying it again).
#include "core/store/messages/outbox.h"
#include "notify/outbox_sender.h"
#include "web/api/warehouse_routes.h"
#include "web/http/json_body.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"

namespace ces::web {

namespace {

store::OutboxFilter filterNamed(const std::string& text) {
    if (text.empty()) return store::OutboxFilter::all;
    const auto filter = store::parseOutboxFilter(text);
    if (!filter) throw BadRequest("status", "status must be waiting, failed or all");
    return *filter;
}

Poco::JSON::Object::Ptr messageJson(App& app, const store::OutboxMessage& m) {
    auto json = jsonObject();
    json->set("id", m.id.value());
    json->set("created_at", formatInstant(m.createdAt));
    json->set("status", std::string(messageStatus(m)));
    json->set("channel", std::string(toString(m.channel)));
    json->set("kind", m.kind.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.kind));
    json->set("language", std::string(toString(m.language)));
    json->set("recipient", m.recipient);
    json->set("recipient_user_id", m.recipientUser ? Poco::Dynamic::Var(m.recipientUser->value())
                                                   : Poco::Dynamic::Var());
    json->set("resident_id",
              m.resident ? Poco::Dynamic::Var(m.resident->value()) : Poco::Dynamic::Var());
    // A resident message's words are kept when it is sent; until then, the words it will go with.
    std::string subject = m.subject, body = m.body;
    if ((!m.sentAt || m.subject.empty()) && !m.kind.empty() && app.messageTemplates) {
        const auto words = notify::wordsOf(m, *app.messageTemplates, app.publicUrl);
        subject = words.subject;
        body = m.channel == store::MessageChannel::text ? words.text : words.email;
    }
    json->set("subject", subject);
    json->set("body", body);
    json->set("entity", m.entity);
    json->set("entity_id", m.entityId);
    json->set("send_after",
              m.sendAfter ? Poco::Dynamic::Var(formatInstant(*m.sendAfter)) : Poco::Dynamic::Var());
    json->set("attempts", m.attempts);
    json->set("last_error", orNull(m.lastError));
    json->set("sent_at", orNull(m.sentAt));
    json->set("failed_at", orNull(m.failedAt));
    return json;
}

Response outbox(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    auto filter = filterNamed(request.queryValue("status"));
    if (request.queryValue("unsent") == "true") filter = store::OutboxFilter::waiting;
    const auto page = pageRequest(request);
    const auto [messages, depth] = app.db.read([&](store::Connection& c) {
        return std::make_pair(store::listOutbox(c, filter, page), store::outboxDepth(c));
    });
    auto list = jsonArray();
    for (const auto& m : messages.items) list->add(messageJson(app, m));
    auto answer = jsonObject();
    answer->set("messages", list);
    answer->set("waiting", depth.waiting);
    answer->set("failed", depth.failed);
    answer->set("oldest_waiting", depth.oldestWaiting
                                      ? Poco::Dynamic::Var(formatInstant(*depth.oldestWaiting))
                                      : Poco::Dynamic::Var());
    auto channels = jsonArray();
    for (const auto channel : app.messageChannels) channels->add(std::string(toString(channel)));
    answer->set("channels", channels);
    setNext(answer, request, messages.next);
    return jsonResponse(200, answer);
}

Response retry(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const std::string& text = request.pathParams["id"];
    const MessageId id(parsePathId(text, "no message has the id " + text.substr(0, 40)));
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        store::retryFailedMessage(c, id, actor.id, app.now());
        return jsonResponse(200, messageJson(app, *store::findMessage(c, id)));
    });
}

}  // namespace

void addMessageRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/outbox", [&app](Request& r) { return outbox(app, r); });
    router.add("POST", "/api/v1/outbox/{id}/retry", [&app](Request& r) { return retry(app, r); });
}

}  // namespace ces::web
