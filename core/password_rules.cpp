#include "core/password_rules.h"

#include <algorithm>
#include <array>

#include "core/credentials.h"
#include "core/errors.h"

namespace ces {

namespace {

// Passwords of 12 or more characters found near the top of published breach lists; shorter
// ones are already refused by length.
constexpr std::array<std::string_view, 24> kCommonPasswords{
    "123456789012", "1234567890123",    "12345678901234", "111111111111", "000000000000",
    "123123123123", "qwertyuiop12",     "qwertyuiopas",   "qwerty123456", "password1234",
    "password123!", "passwordpassword", "password12345",  "iloveyou1234", "letmein12345",
    "welcome12345", "administrator",    "changeme1234",   "abc123abc123", "abcdefghijkl",
    "1q2w3e4r5t6y", "trustno1trustno1", "football1234",   "monkey123456"};

std::string lowerCase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return lower;
}

}  // namespace

void checkNewPassword(std::string_view password, std::string_view username,
                      const std::string& field) {
    if (password.size() < kMinPasswordLength) {
        throw ValidationError(field, "a password must be at least " +
                                         std::to_string(kMinPasswordLength) + " characters");
    }
    if (password.size() > kMaxPasswordLength) {
        throw ValidationError(field, "a password must be at most " +
                                         std::to_string(kMaxPasswordLength) + " characters");
    }
    const std::string lower = lowerCase(password);
    const std::string name = lowerCase(username);
    if (!name.empty() && lower.find(name) != std::string::npos) {
        throw ValidationError(field, "a password must not contain the user name");
    }
    if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
        kCommonPasswords.end()) {
        throw ValidationError(field, "this password is too commonly used; choose another");
    }
}

std::string oneTimePassword() {
    // 32 symbols with no look-alikes (no i, l, o or 1): 5 bits each, so 16 carry 80 random bits.
    static constexpr std::string_view kSymbols = "abcdefghjkmnpqrstuvwxyz023456789";
    const std::string random = randomHex(16);
    std::string password;
    for (std::size_t i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0) password += '-';
        const int byte = std::stoi(random.substr(i * 2, 2), nullptr, 16);
        password += kSymbols[static_cast<std::size_t>(byte) % kSymbols.size()];
    }
    return password;
}

}  // namespace ces
