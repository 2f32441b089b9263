// The body of POST /api/v1/orders: a NewOrder, or a 400/422 naming the field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.h"
#include "web/api/order_body.h"
#include "web/http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        // Empty lines, quantities and prices out of range are the store's to refuse (422).
        (void)ces::web::parseOrderBody(body);
    } catch (const ces::web::BadRequest& e) {
        if (std::string(e.what()).empty()) std::abort();
    } catch (const ces::ValidationError& e) {
        if (e.field().empty()) std::abort();
    }
    return 0;
}
