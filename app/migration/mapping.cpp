#include "app/migration/mapping.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "core/csv.h"
#include "core/errors.h"

namespace ces::migration {

namespace {

struct KindFields {
    std::set<std::string> required;
    std::set<std::string> optional;
};

const std::map<std::string, KindFields>& kindFields() {
    static const std::map<std::string, KindFields> fields = {
        {"residents",
         {{"reference", "name", "date_of_birth", "address_line1", "postcode"},
          {"nhs_number", "town", "phone", "access_notes"}}},
        {"assets", {{"barcode", "item_code", "resident_reference"}, {"last_inspected", "since"}}},
        {"loans", {{"reference", "resident_reference", "item_code", "start_date"}, {"quantity"}}},
    };
    return fields;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string stringAt(const Poco::JSON::Object::Ptr& object, const std::string& key,
                     const std::string& path) {
    if (!object->has(key) || !object->get(key).isString()) {
        throw ValidationError(path + "." + key, "needs a text value");
    }
    return object->getValue<std::string>(key);
}

Poco::JSON::Object::Ptr objectAt(const Poco::JSON::Object::Ptr& object, const std::string& key,
                                 const std::string& path) {
    auto child = object->getObject(key);
    if (!child) throw ValidationError(path.empty() ? key : path + "." + key, "needs an object");
    return child;
}

FileMapping readFileMapping(const std::string& kind, const Poco::JSON::Object::Ptr& object) {
    const std::string path = "files." + kind;
    const auto known = kindFields().find(kind);
    if (known == kindFields().end()) {
        throw ValidationError(path, "unknown kind of file (residents, assets or loans)");
    }
    FileMapping mapping;
    mapping.kind = kind;
    mapping.file = stringAt(object, "file", path);
    if (object->has("date_format")) mapping.dateFormat = stringAt(object, "date_format", path);
    if (mapping.dateFormat.empty()) throw ValidationError(path + ".date_format", "is empty");
    const auto fields = objectAt(object, "fields", path);
    for (const auto& [ours, theirs] : *fields) {
        const std::string fieldPath = path + ".fields." + ours;
        if (!known->second.required.count(ours) && !known->second.optional.count(ours)) {
            throw ValidationError(fieldPath, "unknown field");
        }
        if (!theirs.isString() || theirs.toString().empty()) {
            throw ValidationError(fieldPath, "needs their header as text");
        }
        mapping.fields[ours] = theirs.toString();
    }
    for (const auto& field : known->second.required) {
        if (!mapping.fields.count(field)) {
            throw ValidationError(path + ".fields." + field, "is required");
        }
    }
    return mapping;
}

}  // namespace

const std::vector<std::string>& fileKinds() {
    static const std::vector<std::string> kinds = {"residents", "assets", "loans"};
    return kinds;
}

std::string Mapping::ourItemCode(const std::string& theirs) const {
    const auto found = itemCodes.find(theirs);
    return found == itemCodes.end() ? theirs : found->second;
}

Mapping readMapping(std::istream& in) {
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception& e) {
        throw ValidationError("mapping", std::string("is not a JSON object: ") + e.what());
    }
    if (!root) throw ValidationError("mapping", "is not a JSON object");
    Mapping mapping;
    const auto files = objectAt(root, "files", "");
    for (const auto& [kind, value] : *files) {
        const auto object = files->getObject(kind);
        if (!object) throw ValidationError("files." + kind, "needs an object");
        mapping.files[kind] = readFileMapping(kind, object);
    }
    if (root->has("item_codes")) {
        const auto codes = objectAt(root, "item_codes", "");
        for (const auto& [theirs, ours] : *codes) {
            if (!ours.isString()) throw ValidationError("item_codes." + theirs, "needs our code");
            mapping.itemCodes[theirs] = ours.toString();
        }
    }
    return mapping;
}

Mapping readMappingFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ValidationError("mapping", "cannot read " + path);
    return readMapping(in);
}

std::optional<std::chrono::year_month_day> parseDate(const std::string& text,
                                                     const std::string& format) {
    std::tm parts{};
    std::istringstream in(trimmed(text));
    in >> std::get_time(&parts, format.c_str());
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(parts.tm_year + 1900),
                                           std::chrono::month(unsigned(parts.tm_mon + 1)),
                                           std::chrono::day(unsigned(parts.tm_mday))};
    if (!date.ok()) return std::nullopt;
    return date;
}

MappedFile::MappedFile(std::istream& in, const FileMapping& mapping) : in_(in), mapping_(mapping) {
    const auto header = readCsvRecord(in_);
    if (!header) throw ValidationError(mapping.kind, mapping.file + " is empty");
    for (const auto& [ours, theirs] : mapping.fields) {
        const auto found = std::find_if(header->begin(), header->end(),
                                        [&](const std::string& h) { return trimmed(h) == theirs; });
        if (found == header->end()) {
            throw ValidationError(ours, mapping.file + " has no column \"" + theirs + "\"");
        }
        columns_[ours] = static_cast<std::size_t>(found - header->begin());
    }
}

bool MappedFile::next() {
    while (auto record = readCsvRecord(in_)) {
        ++line_;
        const bool blank = record->size() == 1 && trimmed(record->front()).empty();
        if (blank) continue;
        record_ = std::move(*record);
        return true;
    }
    return false;
}

std::string MappedFile::text(const std::string& field) const {
    const auto column = columns_.find(field);
    if (column == columns_.end() || column->second >= record_.size()) return "";
    return trimmed(record_[column->second]);
}

std::optional<std::chrono::year_month_day> MappedFile::date(const std::string& field) const {
    const auto value = text(field);
    if (value.empty()) return std::nullopt;
    auto date = parseDate(value, mapping_.dateFormat);
    if (!date) {
        throw ValidationError(field,
                              "\"" + value + "\" is not a date in the form " + mapping_.dateFormat);
    }
    return date;
}

}  // namespace ces::migration
