#pragma once
// The column mapping of an outgoing provider's export: per file kind (residents, assets,
// loans) the file's name, our field <- their header, the date format, and their item codes
// translated to our catalogue's.
#include <chrono>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ces::migration {

/// The kinds of file, in the order they are read (assets and loans name migrated residents).
/// assets: serialised units in homes (barcode, item_code, resident_reference, last_inspected?,
/// since?); loans: counted items in homes (reference, resident_reference, item_code,
/// quantity?, start_date).
const std::vector<std::string>& fileKinds();

/// How one of their files reads as ours.
struct FileMapping {
    std::string kind;
    std::string file;                           ///< Name in the export directory.
    std::map<std::string, std::string> fields;  ///< Our field -> their header.
    std::string dateFormat = "%Y-%m-%d";        ///< strptime-style, e.g. "%d/%m/%Y".
};

struct Mapping {
    std::map<std::string, FileMapping> files;      ///< By kind; a kind may be absent.
    std::map<std::string, std::string> itemCodes;  ///< Their item code -> our catalogue code.
    /// Our code for theirs: the translation, else theirs unchanged.
    std::string ourItemCode(const std::string& theirs) const;
};

/// Reads a mapping; ValidationError naming the JSON path ("files.residents.fields.nme") for bad
/// JSON, an unknown kind or field, a missing required field, or an empty date format.
Mapping readMapping(std::istream& in);
Mapping readMappingFile(const std::string& path);

/// `text` read with a strptime-style format; nullopt unless the whole text is a real date.
std::optional<std::chrono::year_month_day> parseDate(const std::string& text,
                                                     const std::string& format);

/// One of their CSV files read through its mapping, row by row, fields by our names.
class MappedFile {
  public:
    /// Reads the header row; ValidationError(our field, ...) when a mapped header is missing.
    MappedFile(std::istream& in, const FileMapping& mapping);
    bool next();                                       ///< False at the end.
    std::size_t line() const { return line_; }         ///< 1 = the header.
    std::string text(const std::string& field) const;  ///< Trimmed; "" if not mapped.
    /// The field as a date; nullopt when empty; ValidationError(field, ...) when not a date.
    std::optional<std::chrono::year_month_day> date(const std::string& field) const;

  private:
    std::istream& in_;
    const FileMapping& mapping_;
    std::map<std::string, std::size_t> columns_;  ///< Our field -> column index.
    std::vector<std::string> record_;
    std::size_t line_ = 1;
};

}  // namespace ces::migration
