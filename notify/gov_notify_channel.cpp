#include "notify/gov_notify_channel.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace ces::notify {

namespace {

constexpr std::size_t kUuidLength = 36;
constexpr int kTimeoutSeconds = 20;

bool isUuid(const std::string& text) {
    if (text.size() != kUuidLength) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == '-')) return false;
        if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

/// Notify's first error message in an error answer, or the body itself.
std::string errorOf(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        const auto errors = object->getArray("errors");
        if (errors && errors->size() > 0) {
            const auto first = errors->getObject(0);
            return first->optValue<std::string>("error", "") + ": " +
                   first->optValue<std::string>("message", "");
        }
    } catch (const Poco::Exception&) {
        // Not Notify's JSON: report the body.
    }
    return body.substr(0, 200);
}

}  // namespace

NotifyKey parseNotifyKey(const std::string& apiKey) {
    if (apiKey.size() < 2 * kUuidLength + 2) {
        throw std::invalid_argument("--notify-key is not a GOV.UK Notify API key");
    }
    NotifyKey key;
    key.secret = apiKey.substr(apiKey.size() - kUuidLength);
    key.serviceId = apiKey.substr(apiKey.size() - 2 * kUuidLength - 1, kUuidLength);
    if (!isUuid(key.secret) || !isUuid(key.serviceId) ||
        apiKey[apiKey.size() - kUuidLength - 1] != '-') {
        throw std::invalid_argument(
            "--notify-key must end with the service id and the secret, as Notify issues it");
    }
    return key;
}

std::string notifyToken(const NotifyKey& key, long long issuedAtSeconds) {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer(key.serviceId);
    token.setIssuedAt(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(issuedAtSeconds)));
    Poco::JWT::Signer signer(key.secret);
    return signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

GovNotifyChannel::GovNotifyChannel(NotifySettings settings)
    : settings_(std::move(settings)), key_(parseNotifyKey(settings_.apiKey)) {
    const Poco::URI uri(settings_.baseUrl);
    if ((uri.getScheme() != "http" && uri.getScheme() != "https") || uri.getHost().empty()) {
        throw std::invalid_argument("--notify-url must be an http(s) address");
    }
    if (!isUuid(settings_.templateId)) {
        throw std::invalid_argument("--notify-template must be a Notify template id (a UUID)");
    }
}

std::string GovNotifyChannel::sendSms(const std::string& phoneNumber, const std::string& body,
                                      const std::string& reference) {
    const Poco::URI base(settings_.baseUrl);
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (base.getScheme() == "https") {
        Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
        session = std::make_unique<Poco::Net::HTTPSClientSession>(base.getHost(), base.getPort(),
                                                                  context);
    } else {
        session = std::make_unique<Poco::Net::HTTPClientSession>(base.getHost(), base.getPort());
    }
    session->setTimeout(Poco::Timespan(kTimeoutSeconds, 0));

    Poco::JSON::Object personalisation;
    personalisation.set("body", body);
    Poco::JSON::Object payload;
    payload.set("phone_number", phoneNumber);
    payload.set("template_id", settings_.templateId);
    payload.set("personalisation", personalisation);
    payload.set("reference", reference);
    std::ostringstream json;
    payload.stringify(json);

    std::string path = base.getPathEtc();
    while (!path.empty() && path.back() == '/') path.pop_back();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                   path + "/v2/notifications/sms",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    request.set("Authorization", "Bearer " + notifyToken(key_, now));
    request.set("User-Agent", "ces-notify/1");
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(json.str().size()));
    Poco::Net::HTTPResponse response;
    std::string answer;
    try {
        session->sendRequest(request) << json.str();
        std::istream& in = session->receiveResponse(response);
        Poco::StreamCopier::copyToString(in, answer);
    } catch (const Poco::Exception& e) {
        throw ChannelError("cannot reach GOV.UK Notify: " + e.displayText(), false);
    }
    const int status = static_cast<int>(response.getStatus());
    if (status == 201) {
        try {
            Poco::JSON::Parser parser;
            return parser.parse(answer).extract<Poco::JSON::Object::Ptr>()->optValue<std::string>(
                "id", "");
        } catch (const Poco::Exception&) {
            return "";
        }
    }
    const std::string why =
        "GOV.UK Notify answered " + std::to_string(status) + ": " + errorOf(answer);
    throw ChannelError(why, status == 400);
}

}  // namespace ces::notify
