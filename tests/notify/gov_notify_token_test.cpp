#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <sstream>
#include <stdexcept>

#include "notify/gov_notify_channel.h"
#include "notify/smtp_channel.h"

namespace ces::notify {

namespace {

const std::string kServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
const std::string kSecret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
const std::string kKey = "ces_live-" + kServiceId + "-" + kSecret;

std::string base64UrlDecode(std::string text) {
    for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (text.size() % 4) text += '=';
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), {});
}

std::string base64UrlEncode(const std::string& bytes) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    int value = 0, bits = -6;
    for (unsigned char c : bytes) {
        value = (value << 8) + c;
        bits += 8;
        while (bits >= 0) {
            out += alphabet[(value >> bits) & 0x3F];
            bits -= 6;
        }
    }
    if (bits > -6) out += alphabet[((value << 8) >> (bits + 8)) & 0x3F];
    return out;
}

}  // namespace

TEST_CASE("a Notify API key gives its service id and secret; anything else is refused") {
    const NotifyKey key = parseNotifyKey(kKey);
    CHECK(key.serviceId == kServiceId);
    CHECK(key.secret == kSecret);
    CHECK_THROWS_AS(parseNotifyKey("not-a-key"), std::invalid_argument);
    CHECK_THROWS_AS(parseNotifyKey("name-" + kServiceId + "x" + kSecret), std::invalid_argument);
    CHECK_THROWS_AS(parseNotifyKey("name-" + kServiceId + "-" + std::string(36, 'z')),
                    std::invalid_argument);
}

TEST_CASE("the bearer token is an HS256 JWT of the key's service id and the time, as Notify says") {
    const std::string token = notifyToken(parseNotifyKey(kKey), 1764930000);
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    REQUIRE(second != std::string::npos);
    Poco::JSON::Parser parser;
    const auto header =
        parser.parse(base64UrlDecode(token.substr(0, first))).extract<Poco::JSON::Object::Ptr>();
    CHECK(header->getValue<std::string>("alg") == "HS256");
    CHECK(header->getValue<std::string>("typ") == "JWT");
    parser.reset();
    const auto claims = parser.parse(base64UrlDecode(token.substr(first + 1, second - first - 1)))
                            .extract<Poco::JSON::Object::Ptr>();
    CHECK(claims->getValue<std::string>("iss") == kServiceId);
    CHECK(claims->getValue<long long>("iat") == 1764930000);
    // The signature, computed here independently: HMAC-SHA256 of "header.claims" by the secret.
    const std::string signedPart = token.substr(0, second);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), kSecret.data(), static_cast<int>(kSecret.size()),
         reinterpret_cast<const unsigned char*>(signedPart.data()), signedPart.size(), digest,
         &length);
    CHECK(token.substr(second + 1) ==
          base64UrlEncode(std::string(reinterpret_cast<const char*>(digest), length)));
}

TEST_CASE("an SMTP address is smtp://host:port; a bad one is refused by name") {
    const SmtpSettings plain = parseSmtpUrl("smtp://127.0.0.1:2525", "equipment@kent.example");
    CHECK(plain.host == "127.0.0.1");
    CHECK(plain.port == 2525);
    const SmtpSettings signedIn =
        parseSmtpUrl("smtp://ces:secret@mail.example:587", "equipment@kent.example");
    CHECK(signedIn.username == "ces");
    CHECK(signedIn.password == "secret");
    CHECK(parseSmtpUrl("smtp://mail.example", "a@b.example").port == 25);
    CHECK_THROWS_AS(parseSmtpUrl("http://mail.example", "a@b.example"), std::invalid_argument);
    CHECK_THROWS_AS(parseSmtpUrl("smtp://mail.example", "nobody"), std::invalid_argument);
}

}  // namespace ces::notify
