#pragma once
// Drains the outbox through the channels configured: at least once (a message is marked sent
// only after its channel took it; a sender that dies leaves its claim to expire and the message
// to go again with the same id), retried with backoff, and given up on, visibly, when it keeps
// failing. Messages for a channel that is not configured wait in the outbox.
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "core/iso_time.h"
#include "core/periodic_task.h"
#include "core/store/infrastructure/database.h"
#include "core/store/messages/outbox.h"
#include "notify/gov_notify_channel.h"
#include "notify/message_templates.h"
#include "notify/smtp_channel.h"

namespace ces::notify {

struct SenderSettings {
    std::string publicUrl = "http://localhost:8080";  ///< Put before every tracking link.
    std::chrono::seconds lease{60};  ///< A claimed message is not taken again before this.
    int batch = 50;
    int mostAttempts = 8;
    std::chrono::seconds firstRetry{30};      ///< Doubled after each failure...
    std::chrono::seconds longestRetry{3600};  ///< ...up to this.
};

/// The wait before the next try after `attempts` failed ones.
std::chrono::seconds retryDelay(int attempts, const SenderSettings& settings);

struct DrainReport {
    int sent = 0;
    int retried = 0;
    int failed = 0;
    int claimed = 0;
};

/// The words a message goes out with: a staff message's own, a resident message's from the
/// templates in its language.
RenderedMessage wordsOf(const store::OutboxMessage& message, const MessageTemplates& templates,
                        const std::string& publicUrl);

class OutboxSender {
  public:
    OutboxSender(store::Database& db, const MessageTemplates& templates, SenderSettings settings,
                 std::function<Instant()> clock);
    ~OutboxSender();
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    void useEmail(std::unique_ptr<SmtpChannel> channel) { email_ = std::move(channel); }
    void useText(std::unique_ptr<GovNotifyChannel> channel) { text_ = std::move(channel); }
    /// The channels configured (letters are printed, never sent from here).
    std::vector<store::MessageChannel> channels() const;

    /// Sends one batch of what is due now.
    DrainReport drainOnce();
    /// A thread that drains every `interval` until stop() (the destructor stops it too).
    void start(std::chrono::milliseconds interval);
    void stop();

  private:
    void sendOne(const store::OutboxMessage& message, DrainReport& report);
    store::Database& db_;
    const MessageTemplates& templates_;
    SenderSettings settings_;
    std::function<Instant()> clock_;
    std::unique_ptr<SmtpChannel> email_;
    std::unique_ptr<GovNotifyChannel> text_;
    // A full batch means more is waiting: the next one goes at once.
    PeriodicTask task_{"the outbox sender",
                       [this] { return drainOnce().claimed == settings_.batch; }};
};

}  // namespace ces::notify
