// JSON request bodies: any bytes give a JsonFields or a BadRequest naming the field, never a
// crash or another exception (which the server would answer with 500).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.h"
#include "web/http/json_body.h"

namespace {

// Every accessor on every member, as a handler reading an unknown body would.
void readAll(const ces::web::JsonFields& fields, int depth) {
    static const char* const kNames[] = {"a", "b", "lines", "quantity", "item_code", "notes", ""};
    for (const char* name : kNames) {
        auto attempt = [](auto&& read) {
            try {
                read();
            } catch (const ces::web::BadRequest&) {
            }
        };
        attempt([&] { (void)fields.text(name); });
        attempt([&] { (void)fields.optionalText(name); });
        attempt([&] { (void)fields.integer(name); });
        attempt([&] { (void)fields.optionalInteger(name); });
        attempt([&] { (void)fields.texts(name, false); });
        attempt([&] {
            for (const auto& child : fields.objects(name, false)) {
                if (depth < 4) readAll(child, depth + 1);
            }
        });
    }
    try {
        fields.allowOnly({"a", "b"});
    } catch (const ces::web::BadRequest&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        readAll(ces::web::JsonFields::parse(body), 0);
    } catch (const ces::web::BadRequest&) {
    }
    return 0;
}
