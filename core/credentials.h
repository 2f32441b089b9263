#pragma once
// Passwords and tokens: PBKDF2-HMAC-SHA256 with a per-user salt; tokens of 256 random bits.
#include <string>
#include <string_view>

namespace ces {

/// Iterations for new hashes (OWASP 2023 guidance for PBKDF2-SHA256: at least 210,000).
inline constexpr int kPasswordIterations = 210000;

/// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX" for a fresh random salt.
std::string hashPassword(std::string_view password, int iterations = kPasswordIterations);

/// Checks a password against a stored hash in constant time; false for a malformed hash.
bool verifyPassword(std::string_view password, const std::string& stored);

/// `bytes` random bytes from the operating system's generator, as lower-case hex.
std::string randomHex(std::size_t bytes);

/// SHA-256 of `text` as hex: session tokens are stored only as their hash.
std::string sha256Hex(std::string_view text);

}  // namespace ces
