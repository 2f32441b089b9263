#include "core/password_rules.h"

#include <doctest/doctest.h>

#include <set>

#include "core/errors.h"

using namespace ces;

namespace {

// The field a refusal names, or "" when the password is accepted.
std::string refusal(std::string_view password, std::string_view username,
                    const std::string& field = "password") {
    try {
        checkNewPassword(password, username, field);
        return "";
    } catch (const ValidationError& e) {
        return e.field();
    }
}

}  // namespace

TEST_CASE("a password has at least 12 and at most 1000 characters") {
    CHECK(refusal("eleven-char", "alice") == "password");
    CHECK(refusal("twelve-chars", "alice").empty());
    CHECK(refusal(std::string(1000, 'x') + "", "alice").empty());
    CHECK(refusal(std::string(1001, 'x'), "alice") == "password");
    CHECK(refusal("", "alice") == "password");
}

TEST_CASE("a password is not the user name and does not contain it, whatever the case") {
    CHECK(refusal("prescriber01", "prescriber01") == "password");
    CHECK(refusal("PRESCRIBER01", "prescriber01") == "password");
    CHECK(refusal("my-Prescriber01-pass", "prescriber01") == "password");
    CHECK(refusal("blue kettle garden", "prescriber01").empty());
}

TEST_CASE("a commonly used password is refused, whatever the case") {
    CHECK(refusal("password1234", "alice") == "password");
    CHECK(refusal("Password1234", "alice") == "password");
    CHECK(refusal("123456789012", "alice") == "password");
    CHECK(refusal("QWERTYUIOPAS", "alice") == "password");
    CHECK(refusal("password1235x", "alice").empty());
}

TEST_CASE("the refusal names the field it was asked about") {
    CHECK(refusal("short", "alice", "new_password") == "new_password");
}

TEST_CASE("one-time passwords are four groups of four unambiguous symbols, fresh each time") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string password = oneTimePassword();
        REQUIRE(password.size() == 19);
        for (std::size_t at : {4u, 9u, 14u}) CHECK(password[at] == '-');
        CHECK(password.find_first_of("ilo1IO") == std::string::npos);
        CHECK(refusal(password, "admin").empty());
        seen.insert(password);
    }
    CHECK(seen.size() == 200);
}
