#include "app/migration/mapping.h"

#include <doctest/doctest.h>

#include <sstream>

#include "core/errors.h"

using namespace ces;
using namespace ces::migration;

namespace {

const char* const kMapping = R"({
  "files": {
    "residents": {
      "file": "clients.csv",
      "date_format": "%d/%m/%Y",
      "fields": {"reference": "Client Ref", "name": "Full Name", "date_of_birth": "DOB",
                 "address_line1": "Address", "postcode": "Post Code", "phone": "Tel"}
    }
  },
  "item_codes": {"OLD-BED": "KCE-BED-001"}
})";

Mapping mappingFrom(const std::string& text) {
    std::istringstream in(text);
    return readMapping(in);
}

std::string fieldOfError(const std::string& text) {
    try {
        mappingFrom(text);
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "";
}

}  // namespace

TEST_CASE("a mapping names the file, our fields from their headers, dates and item codes") {
    const auto mapping = mappingFrom(kMapping);
    REQUIRE(mapping.files.count("residents") == 1);
    const auto& residents = mapping.files.at("residents");
    CHECK(residents.file == "clients.csv");
    CHECK(residents.dateFormat == "%d/%m/%Y");
    CHECK(residents.fields.at("name") == "Full Name");
    CHECK(mapping.ourItemCode("OLD-BED") == "KCE-BED-001");
    CHECK(mapping.ourItemCode("KCE-BED-002") == "KCE-BED-002");
}

TEST_CASE("a mapping that is not JSON, or names an unknown kind or field, is refused") {
    CHECK(fieldOfError("{ not json") == "mapping");
    CHECK(fieldOfError("[]") == "mapping");
    CHECK(fieldOfError(R"({"files": {"vans": {"file": "v.csv", "fields": {}}}})") == "files.vans");
    CHECK(fieldOfError(R"({"files": {"assets": {"file": "a.csv",
        "fields": {"barcode": "B", "item_code": "I", "colour": "C"}}}})") ==
          "files.assets.fields.colour");
    CHECK(fieldOfError(R"({"files": {"assets": {"file": "a.csv", "fields": {"barcode": "B"}}}})") ==
          "files.assets.fields.item_code");
    CHECK(
        fieldOfError(R"({"files": {"assets": {"fields": {"barcode": "B", "item_code": "I"}}}})") ==
        "files.assets.file");
}

TEST_CASE("a mapped CSV file without one of the mapped headers is refused naming our field") {
    const auto mapping = mappingFrom(kMapping);
    std::istringstream csv("Client Ref,Full Name,DOB,Address,Tel\nC1,Ann,01/02/1940,1 High St,\n");
    try {
        MappedFile file(csv, mapping.files.at("residents"));
        FAIL("expected a missing header");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "postcode");
        CHECK(std::string(e.what()).find("Post Code") != std::string::npos);
    }
}

TEST_CASE("a mapped CSV file reads our fields by name, with line numbers and dates") {
    const auto mapping = mappingFrom(kMapping);
    std::istringstream csv(
        "Tel,Client Ref,Full Name,DOB,Address,Post Code\n"
        ",C1, Ann Example ,01/02/1940,\"1 High St, Maidstone\",ME14 1AD\n"
        "\n"
        ",C2,Bob Example,31/02/1940,2 High St,ME14 1AD\n");
    MappedFile file(csv, mapping.files.at("residents"));
    REQUIRE(file.next());
    CHECK(file.line() == 2);
    CHECK(file.text("name") == "Ann Example");
    CHECK(file.text("address_line1") == "1 High St, Maidstone");
    CHECK(file.text("nhs_number") == "");
    const auto born = file.date("date_of_birth");
    REQUIRE(born.has_value());
    CHECK(*born == std::chrono::year(1940) / 2 / 1);
    REQUIRE(file.next());
    CHECK(file.line() == 4);
    CHECK_THROWS_AS(file.date("date_of_birth"), ValidationError);
    CHECK_FALSE(file.next());
}

TEST_CASE("dates are read in the mapping's format and must be real dates") {
    CHECK(parseDate("05/11/2025", "%d/%m/%Y") == std::chrono::year(2025) / 11 / 5);
    CHECK(parseDate("2025-11-05", "%Y-%m-%d") == std::chrono::year(2025) / 11 / 5);
    CHECK_FALSE(parseDate("2025-11-05", "%d/%m/%Y").has_value());
    CHECK_FALSE(parseDate("31/04/2025", "%d/%m/%Y").has_value());
    CHECK_FALSE(parseDate("05/11/2025 extra", "%d/%m/%Y").has_value());
    CHECK_FALSE(parseDate("", "%d/%m/%Y").has_value());
}
