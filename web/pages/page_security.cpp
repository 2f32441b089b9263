#include "web/pages/page_security.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include "core/credentials.h"

namespace ces::web {

namespace {

/// POCO's HMAC needs the block and digest sizes as constants; SHA-256's are 64 and 32.
class Sha256 : public Poco::SHA2Engine {
  public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

bool sameText(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

std::string basisOf(const Request& request) {
    if (auto session = request.cookie(kSessionCookie); !session.empty())
        return "session:" + session;
    if (auto visitor = request.cookie(kVisitorCookie); !visitor.empty())
        return "visitor:" + visitor;
    return {};
}

}  // namespace

PageSecurity::PageSecurity(std::string secret) : secret_(std::move(secret)) {}

std::string PageSecurity::sign(const std::string& basis) const {
    Poco::HMACEngine<Sha256> hmac(secret_);
    hmac.update(basis);
    return Poco::DigestEngine::digestToHex(hmac.digest());
}

std::string PageSecurity::tokenFor(Request& request, Response& response) const {
    std::string basis = basisOf(request);
    if (basis.empty()) {
        const std::string visitor = randomHex(16);
        response.headers.emplace_back("Set-Cookie", std::string(kVisitorCookie) + "=" + visitor +
                                                        "; Path=/; HttpOnly; SameSite=Strict");
        // Later forms in the same answer see the same visitor.
        auto& cookies = request.headers["cookie"];
        cookies += (cookies.empty() ? "" : "; ") + std::string(kVisitorCookie) + "=" + visitor;
        basis = "visitor:" + visitor;
    }
    return sign(basis);
}

bool PageSecurity::accepts(const Request& request, const std::string& submitted) const {
    const std::string basis = basisOf(request);
    return !basis.empty() && !submitted.empty() && sameText(sign(basis), submitted);
}

std::string PageSecurity::sessionCookie(const std::string& token, long long maxAgeSeconds) {
    return std::string(kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(maxAgeSeconds);
}

std::string PageSecurity::expiredSessionCookie() {
    return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

}  // namespace ces::web
