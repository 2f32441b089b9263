#pragma once
// E-mail over SMTP (Poco::Net::SMTPClientSession), upgraded with STARTTLS when the server
// offers it. One connection serves a batch of messages.
#include <memory>
#include <optional>
#include <string>

#include "notify/channel_error.h"

namespace Poco::Net {
class SecureSMTPClientSession;
}

namespace ces::notify {

struct SmtpSettings {
    std::string host;
    int port = 25;
    std::string username;  ///< With a password: AUTH LOGIN after STARTTLS.
    std::string password;
    std::string from;  ///< The sender's address.
};

/// smtp://[user:password@]host[:port] and the sender's address; std::invalid_argument naming
/// what is wrong.
SmtpSettings parseSmtpUrl(const std::string& url, const std::string& from);

/// One e-mail: plain text in UTF-8, with the outbox's id as its Message-ID so that a message
/// sent again after a crash is the same message to the reader's mail program.
struct Email {
    std::string to;
    std::string subject;
    std::string body;
    std::string messageId;  ///< Without angle brackets: "ces-42@example.org".
};

class SmtpChannel {
  public:
    explicit SmtpChannel(SmtpSettings settings);
    ~SmtpChannel();
    SmtpChannel(const SmtpChannel&) = delete;
    SmtpChannel& operator=(const SmtpChannel&) = delete;

    /// Sends one e-mail over the open connection (opening one if needed); ChannelError when
    /// the server refuses it (permanent for a 5xx about the recipient, temporary otherwise).
    void send(const Email& email);
    /// Ends the connection (QUIT); the next send opens another.
    void close();
    /// The domain of the sender's address, for Message-IDs.
    std::string domain() const;

  private:
    void open();
    SmtpSettings settings_;
    std::unique_ptr<Poco::Net::SecureSMTPClientSession> session_;
};

}  // namespace ces::notify
