#pragma once
// What a new password must be, and the one-time passwords an administrator hands out.
#include <string>
#include <string_view>

namespace ces {

inline constexpr std::size_t kMinPasswordLength = 12;    ///< NCSC: length beats complexity.
inline constexpr std::size_t kMaxPasswordLength = 1000;  ///< As much as sign-in reads.

/// ValidationError naming `field` unless `password` is 12 to 1000 characters, neither is nor
/// contains the user name (ignoring case), and is not one of the commonly used passwords.
void checkNewPassword(std::string_view password, std::string_view username,
                      const std::string& field = "password");

/// A random password for one sign-in only, in four groups of four letters and digits that cannot
/// be mistaken for one another ("k7mq-2hxv-..."), 80 bits; it passes checkNewPassword.
std::string oneTimePassword();

}  // namespace ces
