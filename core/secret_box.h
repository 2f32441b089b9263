#pragma once
// Secrets kept at rest (a resident's key-safe code): sealed with AES-256-GCM under a key that
// lives in a file outside the database, never beside what it protects. Each sealing takes a
// fresh random nonce; the associated text binds a sealed value to its owner, so a value copied
// to another row does not open.
#include <array>
#include <optional>
#include <string>

namespace ces {

class SecretBox {
  public:
    static constexpr std::size_t kKeyBytes = 32;
    explicit SecretBox(const std::array<unsigned char, kKeyBytes>& key) : key_(key) {}
    /// Reads a key file: 64 hexadecimal characters (surrounding white space ignored). Throws
    /// std::invalid_argument saying what is wrong with it.
    static SecretBox fromKeyFile(const std::string& path);
    /// A new random key as 64 hexadecimal characters.
    static std::string newKeyText();

    /// "v1:" and the hexadecimal of nonce, ciphertext and tag.
    std::string seal(const std::string& plain, const std::string& associated) const;
    /// The plain text; nullopt when the value was not sealed by this key for `associated`.
    std::optional<std::string> open(const std::string& sealed, const std::string& associated) const;

  private:
    std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace ces
