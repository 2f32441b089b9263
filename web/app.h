#pragma once
// What every handler needs: the store, the clock, the rate limiter and the settings in force.
// Passed in, never global (tests set the clock).
#include <atomic>
#include <functional>
#include <initializer_list>
#include <memory>

#include "core/calendar.h"
#include "core/iso_time.h"
#include "core/secret_box.h"
#include "core/settings.h"
#include "core/store/infrastructure/database.h"
#include "core/store/messages/outbox.h"
#include "core/types.h"
#include "notify/message_templates.h"
#include "warehouse/dispatch.h"
#include "web/http/address_ranges.h"
#include "web/http/exchange.h"
#include "web/rate_limiter.h"
#include "web/service_metrics.h"
#include "web/settings_cache.h"

namespace ces::web {

struct DistrictOutlines;

struct App {
    store::Database& db;
    std::function<Instant()> clock;
    RateLimiter trackingLimiter;
    SettingsCache settingsCache;
    warehouse::DispatchPolicy dispatch{};  ///< With the road graph chosen at start-up, if any.
    /// Failed sign-ins per user name: 5 in 15 minutes lock the name until the oldest is 15 old.
    RateLimiter signInLimiter{5, std::chrono::minutes(15)};
    /// The county's district outlines drawn under routes; none when no outline file was read.
    std::shared_ptr<const DistrictOutlines> districtOutlines{};
    /// The words of resident messages (every language), for previews and letters.
    std::shared_ptr<const notify::MessageTemplates> messageTemplates{};
    /// The channels a sender is configured for (e-mail, text); messages for others wait.
    std::vector<store::MessageChannel> messageChannels{};
    /// The service's address as residents reach it, put before tracking links in messages.
    std::string publicUrl = "http://localhost:8080";
    /// Seals and opens key-safe codes; none when started without --secrets-key-file.
    std::shared_ptr<const SecretBox> secrets{};
    /// Requests, latency and solver runs, for /metrics.
    std::shared_ptr<ServiceMetrics> metrics = std::make_shared<ServiceMetrics>();
    /// Who may read /metrics (--metrics-allow): the operator's network, this machine by default.
    AddressRanges metricsAllow = AddressRanges::parse("127.0.0.1/32,::1/128");
    /// Set when the process is stopping: /health/ready answers 503 so balancers send no more.
    std::atomic<bool> draining{false};

    Instant now() const { return clock(); }
    /// The settings in force now (on today's UK date).
    Settings settings() { return settingsCache.history(db)->inForceOn(ukDateOf(now())); }
    /// England and Wales' working days less the extra bank holidays in force now.
    WorkingDayCalendar workingDays() { return WorkingDayCalendar(settings().extraBankHolidays); }
};

/// The tracking limiter with the limits in force now (call before asking it).
RateLimiter& trackingLimiterInForce(App& app);

/// The signed-in actor (bearer token or session cookie); Unauthenticated if none,
/// PasswordChangeRequired while the session was opened with a one-time password.
Actor requireActor(App& app, const Request& request);
/// The signed-in actor, also while a new password must be set first: for setting it and for
/// signing out, the only things such a session may do.
Actor requireActorBeforePasswordChange(App& app, const Request& request);
/// The actor if their role is one of `roles`; Forbidden otherwise.
Actor requireRole(App& app, const Request& request, std::initializer_list<Role> roles);

/// Runs a write honouring Idempotency-Key: a retry with the same key (same caller) gets the
/// first answer; the answer is stored in the same transaction as the write.
Response idempotentWrite(App& app, const Request& request, const Actor& actor,
                         const std::function<Response(store::Connection&)>& work);

}  // namespace ces::web
