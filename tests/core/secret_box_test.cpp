#include "core/secret_box.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

using namespace ces;

namespace {

SecretBox boxWith(unsigned char fill) {
    std::array<unsigned char, SecretBox::kKeyBytes> key{};
    key.fill(fill);
    return SecretBox(key);
}

std::string writeKeyFile(const std::string& text) {
    const std::string path = "secret_box_test.key";
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("a sealed secret opens with its key for its owner, and for nothing else") {
    const SecretBox box = boxWith(7);
    const std::string sealed = box.seal("4821 X", "resident:12");
    CHECK(sealed.starts_with("v1:"));
    CHECK(sealed.find("4821") == std::string::npos);
    CHECK(box.open(sealed, "resident:12") == std::optional<std::string>("4821 X"));
    CHECK_FALSE(box.open(sealed, "resident:13").has_value());         // copied to another resident
    CHECK_FALSE(boxWith(8).open(sealed, "resident:12").has_value());  // another key
    std::string tampered = sealed;
    tampered[tampered.size() - 40] = tampered[tampered.size() - 40] == 'a' ? 'b' : 'a';
    CHECK_FALSE(box.open(tampered, "resident:12").has_value());
    CHECK_FALSE(box.open("v1:zz", "resident:12").has_value());
    CHECK_FALSE(box.open("4821 X", "resident:12").has_value());
    // A fresh nonce each time: the same code never looks the same twice.
    CHECK(box.seal("4821 X", "resident:12") != sealed);
}

TEST_CASE("a key file holds 64 hexadecimal characters, and anything else is refused by saying so") {
    const std::string key = SecretBox::newKeyText();
    CHECK(key.size() == 64);
    CHECK(key != SecretBox::newKeyText());
    const SecretBox box = SecretBox::fromKeyFile(writeKeyFile(key + "\n"));
    CHECK(box.open(box.seal("1234", "a"), "a") == std::optional<std::string>("1234"));
    CHECK_THROWS_AS(SecretBox::fromKeyFile(writeKeyFile(key.substr(0, 62))), std::invalid_argument);
    CHECK_THROWS_AS(SecretBox::fromKeyFile(writeKeyFile(std::string(64, 'g'))),
                    std::invalid_argument);
    CHECK_THROWS_AS(SecretBox::fromKeyFile("no/such/file.key"), std::invalid_argument);
    std::remove("secret_box_test.key");
}
