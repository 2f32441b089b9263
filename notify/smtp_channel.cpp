#include "notify/smtp_channel.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/URI.h>

#include <stdexcept>

namespace ces::notify {

namespace {

constexpr int kTimeoutSeconds = 20;

}  // namespace

SmtpSettings parseSmtpUrl(const std::string& url, const std::string& from) {
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument("--smtp-url is not a URL such as smtp://localhost:25");
    }
    if (uri.getScheme() != "smtp" || uri.getHost().empty()) {
        throw std::invalid_argument("--smtp-url must look like smtp://host:port");
    }
    if (from.find('@') == std::string::npos) {
        throw std::invalid_argument("--mail-from must be an e-mail address");
    }
    SmtpSettings settings;
    settings.host = uri.getHost();
    settings.port = uri.getPort() == 0 ? 25 : uri.getPort();
    settings.from = from;
    const std::string info = uri.getUserInfo();
    if (const auto colon = info.find(':'); colon != std::string::npos) {
        settings.username = info.substr(0, colon);
        settings.password = info.substr(colon + 1);
    }
    return settings;
}

SmtpChannel::SmtpChannel(SmtpSettings settings) : settings_(std::move(settings)) {}
SmtpChannel::~SmtpChannel() { close(); }

std::string SmtpChannel::domain() const {
    return settings_.from.substr(settings_.from.find('@') + 1);
}

void SmtpChannel::open() {
    session_ = std::make_unique<Poco::Net::SecureSMTPClientSession>(
        settings_.host, static_cast<Poco::UInt16>(settings_.port));
    session_->setTimeout(Poco::Timespan(kTimeoutSeconds, 0));
    session_->login(domain());
    // A server that offers STARTTLS gets an encrypted connection; one that does not answers
    // the command with an error and the session carries on in plain text.
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    if (session_->startTLS(context)) session_->login(domain());
    if (!settings_.username.empty()) {
        session_->login(Poco::Net::SMTPClientSession::AUTH_LOGIN, settings_.username,
                        settings_.password);
    }
}

void SmtpChannel::send(const Email& email) {
    Poco::Net::MailMessage message;
    message.setSender(settings_.from);
    message.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, email.to));
    message.setSubject(Poco::Net::MailMessage::encodeWord(email.subject, "UTF-8"));
    message.set("Message-ID", "<" + email.messageId + ">");
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(email.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    try {
        if (!session_) open();
        session_->sendMessage(message);
    } catch (const Poco::Net::SMTPException& e) {
        session_.reset();
        // 5xx refusals of the recipient or message do not change on a retry.
        const std::string text = e.message();
        const bool permanent = text.find(" 55") != std::string::npos || text.starts_with("55") ||
                               text.find("Recipient") != std::string::npos;
        throw ChannelError("the mail server refused it: " + e.displayText(), permanent);
    } catch (const Poco::Exception& e) {
        session_.reset();
        throw ChannelError("cannot reach the mail server: " + e.displayText(), false);
    }
}

void SmtpChannel::close() {
    if (!session_) return;
    try {
        session_->close();
    } catch (const Poco::Exception&) {
        // The connection is going anyway.
    }
    session_.reset();
}

}  // namespace ces::notify
