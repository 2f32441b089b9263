#include "notify/sms_size.h"

#include <array>
#include <utility>
#include <vector>

namespace ces::notify {

namespace {

// GSM 03.38's basic alphabet, as Unicode code points (ASCII letters, digits and most
// punctuation are in it; these are the rest, and the ASCII it lacks is checked below).
constexpr std::u32string_view kBasicExtras = U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ ¤¡ÄÖÑÜ§¿äöñüà";
constexpr std::u32string_view kExtension = U"\f^{}\\[~]|€";

std::vector<char32_t> codePoints(std::string_view utf8) {
    std::vector<char32_t> points;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : 4;
        char32_t point = length == 1   ? byte
                         : length == 2 ? byte & 0x1F
                         : length == 3 ? byte & 0x0F
                                       : byte & 0x07;
        for (int k = 1; k < length && i + k < utf8.size(); ++k) {
            point = (point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
        points.push_back(point);
        i += static_cast<std::size_t>(length);
    }
    return points;
}

bool inBasic(char32_t c) {
    if (c >= U'a' && c <= U'z') return true;
    if (c >= U'A' && c <= U'Z') return true;
    if (c >= U'0' && c <= U'9') return true;
    if (std::u32string_view(U"!\"#%&'()*+,-./:;<=>?").find(c) != std::u32string_view::npos) {
        return true;
    }
    return kBasicExtras.find(c) != std::u32string_view::npos;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

constexpr std::array<std::pair<char32_t, char>, 36> kPlain{{
    {U'ą', 'a'}, {U'ć', 'c'}, {U'ę', 'e'}, {U'ł', 'l'}, {U'ń', 'n'},  {U'ó', 'o'},
    {U'ś', 's'}, {U'ź', 'z'}, {U'ż', 'z'}, {U'ă', 'a'}, {U'â', 'a'},  {U'î', 'i'},
    {U'ș', 's'}, {U'ş', 's'}, {U'ț', 't'}, {U'ţ', 't'}, {U'Ą', 'A'},  {U'Ć', 'C'},
    {U'Ę', 'E'}, {U'Ł', 'L'}, {U'Ń', 'N'}, {U'Ó', 'O'}, {U'Ś', 'S'},  {U'Ź', 'Z'},
    {U'Ż', 'Z'}, {U'Ă', 'A'}, {U'Â', 'A'}, {U'Î', 'I'}, {U'Ș', 'S'},  {U'Ş', 'S'},
    {U'Ț', 'T'}, {U'Ţ', 'T'}, {U'–', '-'}, {U'—', '-'}, {U'’', '\''}, {U'‘', '\''},
}};

}  // namespace

SmsSize smsSize(std::string_view utf8) {
    const auto points = codePoints(utf8);
    SmsSize size;
    for (char32_t c : points) {
        if (inBasic(c)) {
            size.units += 1;
        } else if (kExtension.find(c) != std::u32string_view::npos) {
            size.units += 2;
        } else {
            size.gsm = false;
        }
    }
    if (!size.gsm) {
        size.units = 0;
        for (char32_t c : points) size.units += c >= 0x10000 ? 2 : 1;
    }
    const std::size_t single = size.gsm ? 160 : 70;
    const std::size_t part = size.gsm ? 153 : 67;
    size.segments = size.units <= single ? 1 : static_cast<int>((size.units + part - 1) / part);
    return size;
}

std::string withoutDiacritics(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (char32_t c : codePoints(utf8)) {
        char plain = 0;
        for (const auto& [marked, letter] : kPlain) {
            if (marked == c) plain = letter;
        }
        if (plain) {
            out += plain;
        } else {
            appendUtf8(out, c);
        }
    }
    return out;
}

}  // namespace ces::notify
