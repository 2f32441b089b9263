#pragma once
// Text messages through GOV.UK Notify's HTTP API (POST /v2/notifications/sms), authenticated
// as its documentation says: a JWT signed with HS256 by the API key's secret, whose "iss" is
// the key's service id and "iat" the time now.
#include <string>

#include "notify/channel_error.h"

namespace ces::notify {

struct NotifySettings {
    std::string baseUrl;     ///< "https://api.notifications.service.gov.uk" in production.
    std::string apiKey;      ///< "{key name}-{service id}-{secret}", as Notify issues it.
    std::string templateId;  ///< A Notify text template whose whole content is ((body)).
};

/// The service id and the secret in a Notify API key (each a 36-character UUID at its end);
/// std::invalid_argument when the key has not that shape.
struct NotifyKey {
    std::string serviceId;
    std::string secret;
};
NotifyKey parseNotifyKey(const std::string& apiKey);

/// The bearer token for a request at `issuedAtSeconds` (seconds since 1970).
std::string notifyToken(const NotifyKey& key, long long issuedAtSeconds);

class GovNotifyChannel {
  public:
    /// std::invalid_argument for a malformed URL, key or template id.
    explicit GovNotifyChannel(NotifySettings settings);

    /// Sends one text message; answers Notify's notification id. ChannelError: permanent for
    /// 400 (a bad number, say), temporary for 403 (a key being changed), 429 and 5xx.
    std::string sendSms(const std::string& phoneNumber, const std::string& body,
                        const std::string& reference);

  private:
    NotifySettings settings_;
    NotifyKey key_;
};

}  // namespace ces::notify
