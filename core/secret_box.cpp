#include "core/secret_box.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ces {

namespace {

constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr const char* kVersion = "v1:";

using Cipher = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Cipher newCipher() {
    Cipher cipher(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!cipher) throw std::runtime_error("no memory for a cipher");
    return cipher;
}

std::string toHex(const std::vector<unsigned char>& bytes) {
    static const char* const digits = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (const unsigned char b : bytes) {
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return hex;
}

std::optional<std::vector<unsigned char>> fromHex(const std::string& hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<unsigned char> bytes;
    bytes.reserve(hex.size() / 2);
    const auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = value(hex[i]);
        const int low = value(hex[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes.push_back(static_cast<unsigned char>(high * 16 + low));
    }
    return bytes;
}

const unsigned char* bytesOf(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

SecretBox SecretBox::fromKeyFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument("cannot read the secrets key file " + path);
    std::stringstream text;
    text << in.rdbuf();
    std::string hex = text.str();
    const auto first = hex.find_first_not_of(" \t\r\n");
    const auto last = hex.find_last_not_of(" \t\r\n");
    hex = first == std::string::npos ? "" : hex.substr(first, last - first + 1);
    const auto bytes = fromHex(hex);
    if (!bytes || bytes->size() != kKeyBytes) {
        throw std::invalid_argument("the secrets key file " + path +
                                    " must hold 64 hexadecimal characters (32 random bytes)");
    }
    std::array<unsigned char, kKeyBytes> key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return SecretBox(key);
}

std::string SecretBox::newKeyText() {
    std::vector<unsigned char> key(kKeyBytes);
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        throw std::runtime_error("no random bytes for a key");
    }
    return toHex(key);
}

std::string SecretBox::seal(const std::string& plain, const std::string& associated) const {
    std::vector<unsigned char> out(kNonceBytes + plain.size() + kTagBytes);
    if (RAND_bytes(out.data(), static_cast<int>(kNonceBytes)) != 1) {
        throw std::runtime_error("no random bytes for a nonce");
    }
    const auto cipher = newCipher();
    int length = 0;
    int ignored = 0;
    unsigned char* body = out.data() + kNonceBytes;
    if (EVP_EncryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, key_.data(), out.data()) !=
            1 ||
        EVP_EncryptUpdate(cipher.get(), nullptr, &ignored, bytesOf(associated),
                          static_cast<int>(associated.size())) != 1 ||
        EVP_EncryptUpdate(cipher.get(), body, &length, bytesOf(plain),
                          static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(cipher.get(), body + length, &ignored) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                            body + plain.size()) != 1) {
        throw std::runtime_error("sealing a secret failed");
    }
    return kVersion + toHex(out);
}

std::optional<std::string> SecretBox::open(const std::string& sealed,
                                           const std::string& associated) const {
    if (!sealed.starts_with(kVersion)) return std::nullopt;
    const auto bytes = fromHex(sealed.substr(std::string(kVersion).size()));
    if (!bytes || bytes->size() < kNonceBytes + kTagBytes) return std::nullopt;
    const std::size_t size = bytes->size() - kNonceBytes - kTagBytes;
    std::vector<unsigned char> tag(bytes->end() - kTagBytes, bytes->end());
    std::string plain(size, '\0');
    auto* out = reinterpret_cast<unsigned char*>(plain.data());
    const auto cipher = newCipher();
    int length = 0;
    int ignored = 0;
    if (EVP_DecryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, key_.data(), bytes->data()) !=
            1 ||
        EVP_DecryptUpdate(cipher.get(), nullptr, &ignored, bytesOf(associated),
                          static_cast<int>(associated.size())) != 1 ||
        EVP_DecryptUpdate(cipher.get(), out, &length, bytes->data() + kNonceBytes,
                          static_cast<int>(size)) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes),
                            tag.data()) != 1 ||
        EVP_DecryptFinal_ex(cipher.get(), out + length, &ignored) != 1) {
        return std::nullopt;
    }
    return plain;
}

}  // namespace ces
