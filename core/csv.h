#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes.
#include <istream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ces {

/// Reads one record; nullopt at end of input. Throws ValidationError("csv", ...) on an
/// unterminated quote.
std::optional<std::vector<std::string>> readCsvRecord(std::istream& in);

/// `text` as one CSV field: as it is, or quoted (quotes doubled) when it holds a comma, quote
/// or line break.
std::string csvField(const std::string& text);
/// Appends one record of `fields` (each as csvField) and its CRLF.
void appendCsvRecord(std::string& csv, const std::vector<std::string>& fields);

/// A CSV file with a header row, read record by record with fields looked up by name.
class CsvTable {
  public:
    explicit CsvTable(std::istream& in);  ///< Reads the header row.
    bool next();                          ///< Advances to the next record; false at the end.
    const std::string& field(const std::string& column) const;  ///< Throws for unknown columns.
    bool has(const std::string& column) const { return columns_.count(column) > 0; }
    std::size_t line() const { return line_; }  ///< Record number, 1 = header.

  private:
    std::istream& in_;
    std::unordered_map<std::string, std::size_t> columns_;
    std::vector<std::string> record_;
    std::size_t line_ = 1;
};

}  // namespace ces
