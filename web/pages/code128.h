#pragma once
// Code 128 barcodes for the goods-in labels, drawn here as SVG so a label needs no external
// service: code set B (printable ASCII, which every asset barcode is), the start symbol, one
// symbol per character, the checksum (mod 103) and the stop pattern, with quiet zones.
#include <string>
#include <string_view>
#include <vector>

namespace ces::web {

/// The quiet zone each side of a Code 128 symbol, in modules (the standard asks for at least 10).
inline constexpr int kCode128QuietModules = 10;

/// The symbol values of `text` in code set B: start B (104), one per character, the checksum,
/// stop (106). std::invalid_argument for an empty text or a character outside space..'~'.
std::vector<int> code128Symbols(std::string_view text);

/// The checksum of the start and data values: start + the sum of each data value times its
/// position (from 1), modulo 103.
int code128Checksum(const std::vector<int>& startAndData);

/// The bar and space widths, in modules, of every symbol of `text` (bar first, the stop's final
/// bar included, no quiet zones): "211214..." for start B.
std::string code128Widths(std::string_view text);

/// An SVG of the barcode (black bars on white, quiet zones included), `heightModules` high,
/// labelled for screen readers with the text it encodes.
std::string code128Svg(std::string_view text, int heightModules = 40);

}  // namespace ces::web
