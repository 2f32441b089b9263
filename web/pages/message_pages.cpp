// The admin's view of the outbox: what waits (and why: no channel configured, or not due yet),
// what went, what failed, with "try again"; and the day's letters, printable, one page each.
#include "core/store/infrastructure/audit.h"
#include "core/store/messages/outbox.h"
#include "core/store/residents/residents.h"
#include "notify/outbox_sender.h"
#include "web/http/paging.h"
#include "web/http/request_numbers.h"
#include "web/pages/page_routes.h"
#include "web/pages/presenters.h"

namespace ces::web {

namespace {

constexpr int kLettersPerBatch = 200;

store::OutboxFilter filterNamed(const std::string& text) {
    return store::parseOutboxFilter(text).value_or(store::OutboxFilter::waiting);
}

std::string channelWords(store::MessageChannel channel) {
    switch (channel) {
        case store::MessageChannel::text:
            return "Text message";
        case store::MessageChannel::letter:
            return "Letter";
        case store::MessageChannel::email:
            break;
    }
    return "E-mail";
}

bool configured(const App& app, store::MessageChannel channel) {
    return std::find(app.messageChannels.begin(), app.messageChannels.end(), channel) !=
           app.messageChannels.end();
}

/// Why a waiting message has not gone, in plain words.
std::string waitingWhy(const App& app, const store::OutboxMessage& m) {
    if (m.channel == store::MessageChannel::letter) return "Print it with the day's letters";
    if (!configured(app, m.channel)) return "No " + channelWords(m.channel) + " channel is set up";
    if (m.sendAfter && *m.sendAfter > app.now()) return "Goes at " + ukDateTime(*m.sendAfter);
    if (m.lastError) return "Trying again: " + *m.lastError;
    return "Going now";
}

mustache::data messageRows(const App& app, const std::vector<store::OutboxMessage>& messages) {
    mustache::data rows(mustache::data::type::list);
    for (const auto& m : messages) {
        mustache::data row;
        const std::string status(store::messageStatus(m));
        const auto words = app.messageTemplates
                               ? notify::wordsOf(m, *app.messageTemplates, app.publicUrl)
                               : notify::RenderedMessage{m.subject, m.body, m.body};
        row.set("id", std::to_string(m.id.value()));
        row.set("at", formatInstant(m.createdAt));
        row.set("atText", ukDateTime(m.createdAt));
        row.set("to", m.recipient);
        row.set("channel", channelWords(m.channel));
        row.set("subject", m.subject.empty() ? words.subject : m.subject);
        row.set("status", status);
        row.set("failed", status == "failed");
        row.set("detail", status == "waiting"  ? waitingWhy(app, m)
                          : status == "failed" ? m.lastError.value_or("")
                          : status == "sent"   ? "Sent " + ukDateTime(*m.sentAt)
                                               : "Cancelled: a later plan replaced it");
        row.set("attempts", std::to_string(m.attempts));
        rows.push_back(row);
    }
    return rows;
}

Response messagesPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const std::string status = request.queryValue("status");
    const auto filter = filterNamed(status);
    const auto page = pageRequest(request, 50);
    const auto [messages, depth] = site.app.db.read([&](store::Connection& c) {
        return std::make_pair(store::listOutbox(c, filter, page), store::outboxDepth(c));
    });
    PageView view;
    view.title = "Messages";
    view.templateName = "admin_messages";
    view.section = "messages";
    view.data.set("waiting", std::to_string(depth.waiting));
    view.data.set("failed", std::to_string(depth.failed));
    view.data.set("oldest", depth.oldestWaiting ? ukDateTime(*depth.oldestWaiting) : "");
    view.data.set("emailOn", configured(site.app, store::MessageChannel::email));
    view.data.set("textOn", configured(site.app, store::MessageChannel::text));
    view.data.set("showingWaiting", filter == store::OutboxFilter::waiting);
    view.data.set("showingFailed", filter == store::OutboxFilter::failed);
    view.data.set("showingAll", filter == store::OutboxFilter::all);
    view.data.set("messages", messageRows(site.app, messages.items));
    view.data.set("none", messages.items.empty());
    if (request.queryValue("retried") == "1")
        view.data.set("banner", "The message will be tried again.");
    setNextLink(view, "/admin/messages?status=" + std::string(status.empty() ? "waiting" : status),
                messages.next, "Older messages");
    return site.render(request, actor, std::move(view));
}

Response retryMessage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const std::string& text = request.pathParams["id"];
    const MessageId id(parsePathId(text, "no message has the id " + text.substr(0, 40)));
    try {
        site.app.db.write([&](store::Connection& c) {
            store::retryFailedMessage(c, id, actor.id, site.app.now());
            return 0;
        });
    } catch (const Conflict&) {
        // Sent or retried meanwhile (a second click): the list shows where it is.
    }
    return Site::redirect("/admin/messages?status=failed&retried=1");
}

/// The letters waiting, with the address of each resident (a read of personal data: audited).
struct Letter {
    store::OutboxMessage message;
    Resident resident;
};

std::vector<Letter> lettersWaiting(store::Connection& c, const Actor& actor, Instant now) {
    std::vector<Letter> letters;
    const auto waiting = store::listOutbox(c, store::OutboxFilter::waiting,
                                           store::PageRequest{std::nullopt, kLettersPerBatch});
    for (const auto& m : waiting.items) {
        if (m.channel != store::MessageChannel::letter || !m.resident) continue;
        if (m.sendAfter && *m.sendAfter > now) continue;
        const auto resident = store::findResident(c, *m.resident);
        if (!resident) continue;
        store::audit(c, actor.id, "resident.letter", "resident",
                     std::to_string(m.resident->value()), now);
        letters.push_back({m, *resident});
    }
    return letters;
}

Response lettersPage(Site& site, Request& request) {
    const Actor actor = site.require(request, {Role::admin});
    const Instant now = site.app.now();
    const auto letters =
        site.app.db.write([&](store::Connection& c) { return lettersWaiting(c, actor, now); });
    PageView view;
    view.title = "Letters to post";
    view.templateName = "admin_letters";
    view.section = "messages";
    mustache::data list(mustache::data::type::list);
    std::string ids;
    for (const auto& letter : letters) {
        const auto words =
            notify::wordsOf(letter.message, *site.app.messageTemplates, site.app.publicUrl);
        mustache::data row;
        row.set("to", letter.message.recipient);
        row.set("address", letter.resident.addressLine1);
        row.set("town", letter.resident.town);
        row.set("postcode", letter.resident.postcode);
        row.set("lang", std::string(toString(letter.message.language)));
        row.set("subject", words.subject);
        mustache::data paragraphs(mustache::data::type::list);
        std::string paragraph;
        const std::string body = words.email + "\n\n";
        for (std::size_t at = 0, next; (next = body.find("\n\n", at)) != std::string::npos;
             at = next + 2) {
            paragraph = body.substr(at, next - at);
            if (!paragraph.empty()) paragraphs.push_back(mustache::data(paragraph));
        }
        row.set("paragraphs", paragraphs);
        list.push_back(row);
        ids += (ids.empty() ? "" : ",") + std::to_string(letter.message.id.value());
    }
    view.data.set("letters", list);
    view.data.set("count", std::to_string(letters.size()));
    view.data.set("none", letters.empty());
    view.data.set("ids", ids);
    view.data.set("large", request.queryValue("large") == "1");
    if (request.queryValue("posted") == "1")
        view.data.set("banner", "The letters are marked posted.");
    return site.render(request, actor, std::move(view));
}

Response markLettersPosted(Site& site, Request& request, const FormFields& form) {
    const Actor actor = site.require(request, {Role::admin});
    const Instant now = site.app.now();
    std::vector<MessageId> ids;
    const std::string text = form.text("ids");
    for (std::size_t at = 0; at < text.size();) {
        const auto comma = std::min(text.find(',', at), text.size());
        ids.emplace_back(parsePathId(text.substr(at, comma - at), "no message has that id"));
        at = comma + 1;
    }
    site.app.db.write([&](store::Connection& c) {
        for (const auto id : ids) {
            const auto message = store::findMessage(c, id);
            if (!message || message->channel != store::MessageChannel::letter) continue;
            const auto words =
                notify::wordsOf(*message, *site.app.messageTemplates, site.app.publicUrl);
            store::markMessageSent(c, id, now, words.subject, words.email);
        }
        store::audit(c, actor.id, "letters.posted", "outbox", std::to_string(ids.size()), now);
        return 0;
    });
    return Site::redirect("/admin/messages/letters?posted=1");
}

}  // namespace

void addMessagePages(Router& router, Site& site) {
    site.get(router, "/admin/messages", [&site](Request& r) { return messagesPage(site, r); });
    site.post(router, "/admin/messages/{id}/retry",
              [&site](Request& r, const FormFields&) { return retryMessage(site, r); });
    site.get(router, "/admin/messages/letters",
             [&site](Request& r) { return lettersPage(site, r); });
    site.post(router, "/admin/messages/letters/posted",
              [&site](Request& r, const FormFields& f) { return markLettersPosted(site, r, f); });
}

}  // namespace ces::web
