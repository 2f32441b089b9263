#include "web/pages/code128.h"

#include <array>
#include <stdexcept>

namespace ces::web {

namespace {

// ISO/IEC 15417 table 1: the widths of bar, space, bar, space, bar, space for values 0 to 105,
// and the stop (106), which ends with a seventh element, the final bar.
const std::array<const char*, 107> kPatterns = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

constexpr int kStartB = 104;
constexpr int kStop = 106;

std::string escapeXml(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

}  // namespace

int code128Checksum(const std::vector<int>& startAndData) {
    long sum = startAndData.empty() ? 0 : startAndData.front();
    for (std::size_t i = 1; i < startAndData.size(); ++i) {
        sum += static_cast<long>(i) * startAndData[i];
    }
    return static_cast<int>(sum % 103);
}

std::vector<int> code128Symbols(std::string_view text) {
    if (text.empty()) throw std::invalid_argument("a barcode needs at least one character");
    std::vector<int> symbols{kStartB};
    for (const char c : text) {
        if (c < ' ' || c > '~') {
            throw std::invalid_argument("code set B has no symbol for that character");
        }
        symbols.push_back(c - ' ');
    }
    symbols.push_back(code128Checksum(symbols));
    symbols.push_back(kStop);
    return symbols;
}

std::string code128Widths(std::string_view text) {
    std::string widths;
    for (const int symbol : code128Symbols(text))
        widths += kPatterns[static_cast<std::size_t>(symbol)];
    return widths;
}

std::string code128Svg(std::string_view text, int heightModules) {
    const std::string widths = code128Widths(text);
    std::string bars;
    int x = kCode128QuietModules;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const int width = widths[i] - '0';
        if (i % 2 == 0) {  // Bars and spaces alternate, bar first.
            bars += "<rect x=\"" + std::to_string(x) + "\" y=\"0\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(heightModules) + "\"/>";
        }
        x += width;
    }
    const std::string total = std::to_string(x + kCode128QuietModules);
    const std::string height = std::to_string(heightModules);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ces-barcode\" viewBox=\"0 0 " +
           total + " " + height +
           "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Barcode " + escapeXml(text) +
           "\"><rect width=\"" + total + "\" height=\"" + height +
           "\" fill=\"#ffffff\"/><g fill=\"#000000\" shape-rendering=\"crispEdges\">" + bars +
           "</g></svg>";
}

}  // namespace ces::web
