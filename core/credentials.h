#pragma once
// Passwords and tokens: Argon2id (libsodium) for passwords, with PBKDF2-HMAC-SHA256 hashes from
// before still accepted until their owner next signs in; tokens of 256 random bits.
#include <cstddef>
#include <string>
#include <string_view>

namespace ces {

// The cost of a new password hash: OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1).
// One hash takes about as long as the PBKDF2 (210,000 iterations) it replaces, measured here at
// 0.85 times; libsodium's INTERACTIVE limits (64 MiB) took 3.5 times as long and 64 MiB for each
// sign-in at once, with nothing in this service's threat model calling for it. libsodium is not
// built with the sanitizers, so a sanitizer build pays the same.
inline constexpr unsigned long long kPasswordPasses = 2;               ///< t: passes over memory.
inline constexpr std::size_t kPasswordMemoryBytes = 19 * 1024 * 1024;  ///< m: 19 MiB.

/// "$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH" (libsodium's encoding) for a fresh random salt.
std::string hashPassword(std::string_view password);

/// Checks a password against a stored hash, Argon2id or
/// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX" from before, in constant time; false for a
/// malformed hash.
bool verifyPassword(std::string_view password, const std::string& stored);

/// True when a stored hash is not Argon2id at today's cost: replace it with hashPassword() the
/// next time its password is verified.
bool passwordNeedsRehash(const std::string& stored);

/// Takes as long as verifyPassword on a new hash and checks nothing: a sign-in under an unknown
/// user name must not be told apart from a wrong password by its timing.
void imitatePasswordCheck(std::string_view password);

/// `bytes` random bytes from the operating system's generator, as lower-case hex.
std::string randomHex(std::size_t bytes);

/// SHA-256 of `text` as hex: session tokens are stored only as their hash.
std::string sha256Hex(std::string_view text);

}  // namespace ces
