#include "core/csv.h"

#include "core/errors.h"

namespace ces {

std::optional<std::vector<std::string>> readCsvRecord(std::istream& in) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    bool any = false;
    for (int c = in.get(); c != EOF; c = in.get()) {
        any = true;
        if (quoted) {
            if (c == '"') {
                if (in.peek() == '"') {
                    field += static_cast<char>(in.get());
                } else {
                    quoted = false;
                }
            } else {
                field += static_cast<char>(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            fields.push_back(std::move(field));
            return fields;
        } else if (c != '\r') {
            field += static_cast<char>(c);
        }
    }
    if (quoted) throw ValidationError("csv", "a quoted field is not closed before the end");
    if (!any) return std::nullopt;
    fields.push_back(std::move(field));
    return fields;
}

CsvTable::CsvTable(std::istream& in) : in_(in) {
    auto header = readCsvRecord(in_);
    if (!header) throw ValidationError("csv", "the file is empty: a header row is needed");
    for (std::size_t i = 0; i < header->size(); ++i) columns_[(*header)[i]] = i;
}

bool CsvTable::next() {
    for (;;) {
        auto record = readCsvRecord(in_);
        if (!record) return false;
        ++line_;
        if (record->size() == 1 && (*record)[0].empty()) continue;  // blank line
        record_ = std::move(*record);
        return true;
    }
}

const std::string& CsvTable::field(const std::string& column) const {
    static const std::string empty;
    auto found = columns_.find(column);
    if (found == columns_.end()) throw ValidationError(column, "the CSV has no column " + column);
    return found->second < record_.size() ? record_[found->second] : empty;
}

void appendCsvRecord(std::string& csv, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) csv.push_back(',');
        csv.append(csvField(fields[i]));
    }
    csv.append("\r\n");
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + "\"";
}

}  // namespace ces
