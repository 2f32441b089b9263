#include "notify/outbox_sender.h"

#include <algorithm>

namespace ces::notify {

std::chrono::seconds retryDelay(int attempts, const SenderSettings& settings) {
    auto delay = settings.firstRetry;
    for (int i = 1; i < attempts && delay < settings.longestRetry; ++i) delay *= 2;
    return std::min(delay, settings.longestRetry);
}

RenderedMessage wordsOf(const store::OutboxMessage& message, const MessageTemplates& templates,
                        const std::string& publicUrl) {
    if (message.kind.empty()) return {message.subject, message.body, message.body};
    return templates.render(message.kind, message.language, message.fields, publicUrl);
}

OutboxSender::OutboxSender(store::Database& db, const MessageTemplates& templates,
                           SenderSettings settings, std::function<Instant()> clock)
    : db_(db), templates_(templates), settings_(std::move(settings)), clock_(std::move(clock)) {}

OutboxSender::~OutboxSender() { stop(); }

std::vector<store::MessageChannel> OutboxSender::channels() const {
    std::vector<store::MessageChannel> configured;
    if (email_) configured.push_back(store::MessageChannel::email);
    if (text_) configured.push_back(store::MessageChannel::text);
    return configured;
}

DrainReport OutboxSender::drainOnce() {
    DrainReport report;
    const auto configured = channels();
    if (configured.empty()) return report;
    if (!db_.read(
            [&](store::Connection& c) { return store::anyDueMessages(c, clock_(), configured); })) {
        return report;
    }
    const auto claimed = db_.write([&](store::Connection& c) {
        return store::claimDueMessages(c, clock_(), settings_.lease, settings_.batch, configured);
    });
    report.claimed = static_cast<int>(claimed.size());
    for (const auto& message : claimed) sendOne(message, report);
    if (email_) email_->close();
    return report;
}

void OutboxSender::sendOne(const store::OutboxMessage& message, DrainReport& report) {
    std::string error;
    bool permanent = false;
    RenderedMessage words;
    try {
        words = wordsOf(message, templates_, settings_.publicUrl);
        const std::string id = "ces-" + std::to_string(message.id.value());
        if (message.channel == store::MessageChannel::email) {
            if (message.recipient.find('@') == std::string::npos) {
                throw ChannelError("no e-mail address is on record for " + message.recipient, true);
            }
            email_->send(
                {message.recipient, words.subject, words.email, id + "@" + email_->domain()});
        } else {
            text_->sendSms(message.recipient, words.text, id);
        }
    } catch (const ChannelError& e) {
        error = e.what();
        permanent = e.permanent();
    } catch (const std::exception& e) {
        error = std::string("cannot write the message: ") + e.what();
        permanent = true;
    }
    const Instant now = clock_();
    db_.write([&](store::Connection& c) {
        if (error.empty()) {
            const bool text = message.channel == store::MessageChannel::text;
            store::markMessageSent(c, message.id, now, words.subject,
                                   text ? words.text : words.email);
        } else if (permanent || message.attempts >= settings_.mostAttempts) {
            store::markMessageFailed(c, message.id, error, now);
        } else {
            store::markMessageRetry(c, message.id, error,
                                    now + retryDelay(message.attempts, settings_));
        }
        return 0;
    });
    if (error.empty()) {
        ++report.sent;
    } else if (permanent || message.attempts >= settings_.mostAttempts) {
        ++report.failed;
    } else {
        ++report.retried;
    }
}

void OutboxSender::start(std::chrono::milliseconds interval) {
    if (!channels().empty()) task_.start(interval);
}

void OutboxSender::stop() { task_.stop(); }

}  // namespace ces::notify
