// The recall filter: the body of POST /api/v1/recalls, parsed and checked, then matched against
// units of every kind. Answers are a notice or a 400/422 naming the field; a checked filter
// never covers a unit of another model, and covering is the same whatever the order of asking.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.h"
#include "core/recalls.h"
#include "web/api/recall_body.h"
#include "web/http/json_body.h"

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

void matchUnits(const ces::RecallFilter& filter) {
    const std::optional<std::chrono::year_month_day> dates[] = {
        std::nullopt, std::chrono::year_month_day{year(2025), month(1), day(1)},
        std::chrono::year_month_day{year(1990), month(12), day(31)}};
    const std::optional<std::string> batches[] = {std::nullopt, std::string("B7")};
    for (const auto& made : dates) {
        for (const auto& batch : batches) {
            for (const auto state : ces::allAssetStates) {
                const std::string item = filter.itemCodes.empty() ? "X" : filter.itemCodes.front();
                const ces::RecallUnitFacts unit{item, "CES-000001", made, batch, state};
                const bool covered = ces::recallCovers(filter, unit);
                if (covered != ces::recallCovers(filter, unit)) std::abort();
                if (covered && state == ces::AssetState::scrapped) std::abort();
                ces::RecallUnitFacts other = unit;
                other.itemCode = item + "-OTHER";
                bool named = false;
                for (const auto& code : filter.itemCodes) named = named || code == other.itemCode;
                if (!named && ces::recallCovers(filter, other)) std::abort();
                (void)ces::recallPlaceOf(state, covered);
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        const auto notice = ces::web::parseRecallNotice(body);
        ces::validateRecallFilter(notice.filter);
        matchUnits(notice.filter);
    } catch (const ces::web::BadRequest& e) {
        if (std::string(e.what()).empty()) std::abort();
    } catch (const ces::ValidationError& e) {
        if (e.field().empty()) std::abort();
    }
    return 0;
}
