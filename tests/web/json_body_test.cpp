// A request's JSON body: every missing or wrongly typed field is a BadRequest naming it.
#include "web/http/json_body.h"

#include <doctest/doctest.h>

using namespace ces::web;

namespace {

/// The field a BadRequest names, or "(no error)".
template <class Work>
std::string refusedField(Work work) {
    try {
        work();
    } catch (const BadRequest& e) {
        return e.field();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("json body - a body that is not a JSON object is refused") {
    for (const char* body : {"", "{", "not json", "[1,2]", "42", "\"text\"", "null"}) {
        CAPTURE(body);
        CHECK(refusedField([&] { JsonFields::parse(body); }) == "");
    }
}

TEST_CASE("json body - required fields are named when missing, null or of the wrong type") {
    const auto body = JsonFields::parse(R"({"name":"Ann","count":3,"flag":true,"none":null})");
    CHECK(body.text("name") == "Ann");
    CHECK(body.integer("count") == 3);
    CHECK(refusedField([&] { body.text("missing"); }) == "missing");
    CHECK(refusedField([&] { body.text("none"); }) == "none");
    CHECK(refusedField([&] { body.text("count"); }) == "count");
    CHECK(refusedField([&] { body.integer("name"); }) == "name");
    CHECK(refusedField([&] { body.integer("flag"); }) == "flag");
    CHECK(body.optionalText("missing", "x") == "x");
    CHECK_FALSE(body.optionalInteger("none").has_value());
}

TEST_CASE("json body - integers: whole numbers only, and within int64") {
    const auto body =
        JsonFields::parse(R"({"max":9223372036854775807,"over":18446744073709551615,"huge":1e300,)"
                          R"("half":2.5,"whole":4.0,"text":"12"})");
    CHECK(body.integer("max") == 9223372036854775807LL);
    CHECK(refusedField([&] { body.integer("over"); }) == "over");
    CHECK(refusedField([&] { body.integer("huge"); }) == "huge");
    CHECK(refusedField([&] { body.integer("half"); }) == "half");
    CHECK(body.integer("whole") == 4);
    CHECK(refusedField([&] { body.integer("text"); }) == "text");
}

TEST_CASE("json body - nested objects and arrays name the element at fault") {
    const auto body =
        JsonFields::parse(R"({"lines":[{"code":"A1","quantity":1},{"code":"B2","quantity":"two"}],)"
                          R"("tags":["a",3],"notArray":{}})");
    const auto lines = body.objects("lines");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].integer("quantity") == 1);
    CHECK(refusedField([&] { lines[1].integer("quantity"); }) == "lines[1].quantity");
    CHECK(refusedField([&] { body.texts("tags"); }) == "tags[1]");
    CHECK(refusedField([&] { body.objects("notArray"); }) == "notArray");
    CHECK(refusedField([&] { body.objects("absent"); }) == "absent");
    CHECK(body.objects("absent", false).empty());
    CHECK(refusedField([&] { JsonFields::parse(R"({"lines":[1]})").objects("lines"); }) ==
          "lines[0]");
}

TEST_CASE("json body - allowOnly refuses the first unknown field") {
    const auto body = JsonFields::parse(R"({"reason":"x","amount_pence":1,"extra":true})");
    CHECK(refusedField([&] { body.allowOnly({"reason", "amount_pence"}); }) == "extra");
    CHECK(refusedField([&] {
              body.allowOnly({"reason", "amount_pence", "extra"});
          }) == "(no error)");
}

TEST_CASE("json body - an optional boolean is true, false, absent or a 400 naming it") {
    const auto body =
        JsonFields::parse(R"({"yes":true,"no":false,"word":"true","lines":[{"x":1}]})");
    CHECK(body.optionalBoolean("yes") == std::optional<bool>(true));
    CHECK(body.optionalBoolean("no") == std::optional<bool>(false));
    CHECK_FALSE(body.optionalBoolean("absent").has_value());
    CHECK(refusedField([&] { body.optionalBoolean("word"); }) == "word");
    CHECK(refusedField([&] { body.objects("lines")[0].optionalBoolean("x"); }) == "lines[0].x");
}
