#include "core/credentials.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace ces {

namespace {

std::string toHex(const unsigned char* data, std::size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += digits[data[i] >> 4];
        hex += digits[data[i] & 15];
    }
    return hex;
}

constexpr std::string_view kArgon2idPrefix = "$argon2id$";
constexpr std::string_view kPbkdf2Prefix = "pbkdf2-sha256$";

// sodium_init() picks the fastest implementations for this processor; it must run before the
// first hash, once (a function-local static is initialised once, even across threads).
void initialiseSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string derive(std::string_view password, const std::string& saltHex, int iterations) {
    unsigned char key[32];
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(saltHex.data()),
                          static_cast<int>(saltHex.size()), iterations, EVP_sha256(), sizeof key,
                          key) != 1) {
        throw std::runtime_error("PBKDF2 failed");
    }
    return toHex(key, sizeof key);
}

// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX", as passwords were stored before Argon2id.
bool verifyPbkdf2(std::string_view password, const std::string& stored) {
    const auto first = stored.find('$');
    const auto second = stored.find('$', first + 1);
    const auto third = stored.find('$', second + 1);
    if (first == std::string::npos || second == std::string::npos || third == std::string::npos) {
        return false;
    }
    int iterations = 0;
    try {
        iterations = std::stoi(stored.substr(first + 1, second - first - 1));
    } catch (const std::exception&) {
        return false;
    }
    if (iterations < 1) return false;
    const std::string salt = stored.substr(second + 1, third - second - 1);
    const std::string expected = stored.substr(third + 1);
    const std::string actual = derive(password, salt, iterations);
    return expected.size() == actual.size() &&
           CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
}

}  // namespace

std::string randomHex(std::size_t bytes) {
    std::vector<unsigned char> buffer(bytes);
    if (RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1) {
        throw std::runtime_error("the random number generator failed");
    }
    return toHex(buffer.data(), bytes);
}

std::string sha256Hex(std::string_view text) {
    // Fetched once: OpenSSL 3's one-shot SHA256() looks the algorithm up on every call under a
    // process-wide lock, which the server's threads contended for on every signed-in request.
    static const EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (sha256 == nullptr ||
        EVP_Digest(text.data(), text.size(), digest, &size, sha256, nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    return toHex(digest, size);
}

std::string hashPassword(std::string_view password) {
    initialiseSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kPasswordPasses,
                              kPasswordMemoryBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("Argon2id failed: out of memory");
    }
    return hash;
}

bool verifyPassword(std::string_view password, const std::string& stored) {
    if (stored.starts_with(kArgon2idPrefix)) {
        initialiseSodium();
        return stored.size() < crypto_pwhash_STRBYTES &&
               crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
    }
    return stored.starts_with(kPbkdf2Prefix) && verifyPbkdf2(password, stored);
}

bool passwordNeedsRehash(const std::string& stored) {
    initialiseSodium();
    return !stored.starts_with(kArgon2idPrefix) ||
           crypto_pwhash_str_needs_rehash(stored.c_str(), kPasswordPasses, kPasswordMemoryBytes) !=
               0;
}

void imitatePasswordCheck(std::string_view password) {
    static const std::string nobody = hashPassword(randomHex(16));
    verifyPassword(password, nobody);
}

}  // namespace ces
