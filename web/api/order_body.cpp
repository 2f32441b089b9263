#include "web/api/order_body.h"

#include "core/errors.h"
#include "web/http/json_body.h"

namespace ces::web {

store::NewOrder parseOrderBody(const std::string& text) {
    auto body = JsonFields::parse(text);
    body.allowOnly({"resident_id", "speed", "lines", "specials", "notes", "countersign"});
    store::NewOrder order;
    order.resident = ResidentId(body.integer("resident_id"));
    const std::string speed = body.text("speed");
    const auto parsed = parseSpeed(speed);
    if (!parsed) {
        throw ValidationError("speed", "speed must be one of emergency, next_day, 3_day, 5_day");
    }
    order.speed = *parsed;
    for (const auto& line : body.objects("lines", !body.has("specials"))) {
        line.allowOnly({"item_code", "quantity"});
        order.lines.push_back({line.text("item_code"), line.integer("quantity")});
    }
    for (const auto& special : body.objects("specials", false)) {
        special.allowOnly({"description", "estimated_price_pence"});
        order.specials.push_back(
            {special.text("description"), special.integer("estimated_price_pence")});
    }
    order.notes = body.optionalText("notes");
    order.countersign = body.optionalBoolean("countersign").value_or(false);
    return order;
}

}  // namespace ces::web
