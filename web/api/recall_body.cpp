#include "web/api/recall_body.h"

#include "core/errors.h"
#include "web/http/json_body.h"

namespace ces::web {

store::NewRecall parseRecallNotice(const std::string& text) {
    auto body = JsonFields::parse(text);
    body.allowOnly({"title", "reference", "item_codes", "made_from", "made_to", "batch", "barcodes",
                    "action", "deadline"});
    store::NewRecall notice;
    notice.title = body.text("title");
    notice.reference = body.text("reference");
    notice.filter.itemCodes = body.texts("item_codes");
    notice.filter.madeFrom = body.optionalDate("made_from");
    notice.filter.madeTo = body.optionalDate("made_to");
    if (body.has("batch")) notice.filter.batch = body.text("batch");
    if (body.has("barcodes")) notice.filter.barcodes = body.texts("barcodes");
    const auto action = parseRecallAction(body.text("action"));
    if (!action) throw ValidationError("action", "action must be inspect, replace or withdraw");
    notice.action = *action;
    const auto deadline = body.optionalDate("deadline");
    if (!deadline) throw BadRequest("deadline", "deadline is required");
    notice.deadline = *deadline;
    return notice;
}

}  // namespace ces::web
