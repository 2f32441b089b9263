#pragma once
// How long a text message is on the network: GSM 03.38 7-bit characters when every character
// is in that alphabet (160 a segment, 153 when split), otherwise UCS-2 (70, then 67).
#include <cstddef>
#include <string>
#include <string_view>

namespace ces::notify {

/// The most segments a message of ours may take (306 GSM characters, 134 in UCS-2).
inline constexpr int kMostSegments = 2;

struct SmsSize {
    bool gsm = true;        ///< Every character is in the GSM alphabet (or its extension).
    std::size_t units = 0;  ///< Septets (an extension character counts 2) or UTF-16 units.
    int segments = 0;       ///< Messages the network sends it as.
};
SmsSize smsSize(std::string_view utf8);

/// `utf8` with the Polish and Romanian letters that GSM lacks (ą ć ę ł ń ó ś ź ż ă â î ș ț,
/// upper case too) written without their marks, so such a text stays in GSM characters.
std::string withoutDiacritics(std::string_view utf8);

}  // namespace ces::notify
