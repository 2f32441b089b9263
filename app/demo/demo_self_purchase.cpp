#include "app/demo/demo_self_purchase.h"

#include <cstdint>
#include <map>

#include "core/store/catalogue/retail_alternatives.h"
#include "core/store/orders/self_purchase.h"

namespace ces::demo {

namespace {

// Orders of the last four weeks with an item that has a retail alternative.
const char* const kOffered =
    "SELECT o.reference, o.resident_id, o.prescriber_id, o.created_at, ol.item_code, ol.quantity "
    "FROM orders o JOIN order_lines ol ON ol.order_id = o.id "
    "JOIN retail_alternatives r ON r.item_code = ol.item_code "
    "WHERE o.created_at >= $1 ORDER BY o.id, ol.id";

const char* const kClinicalReasons[] = {
    "needs the height set and checked by the therapist after a fall",
    "cognitive impairment: a bought item could not be checked safely",
    "bariatric: no retail model is rated for the resident's weight",
};

// Choices are drawn from the reference, not the county's random stream, so the rest of the
// demo stays as it was.
std::uint64_t hashOf(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (const char ch : text) hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    return hash;
}

const Actor* prescriberWithId(const std::vector<Actor>& prescribers, std::int64_t id) {
    for (const auto& actor : prescribers) {
        if (actor.id.value() == id) return &actor;
    }
    return nullptr;
}

}  // namespace

std::string recordDemoSelfPurchase(
    store::Database& db, Instant now, const std::vector<Actor>& prescribers,
    const std::vector<std::pair<ResidentId, std::size_t>>& residents) {
    return db.write([&](store::Connection& c) {
        int declined = 0;
        int notAppropriate = 0;
        int bought = 0;
        const store::Rows rows = c.query(kOffered, {formatInstant(now - std::chrono::days(28))});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Actor* prescriber = prescriberWithId(prescribers, rows.integer(i, 2));
            if (!prescriber) continue;
            const auto hash = hashOf(rows.text(i, 0) + rows.text(i, 4));
            store::SelfPurchaseChoice choice{rows.text(i, 4), rows.integer(i, 5),
                                             SelfPurchaseOutcome::declined, ""};
            if (hash % 5 == 0) {
                choice.outcome = SelfPurchaseOutcome::not_appropriate;
                choice.reason = kClinicalReasons[(hash / 5) % 3];
                ++notAppropriate;
            } else {
                ++declined;
            }
            store::recordSelfPurchaseChoices(c, ResidentId(rows.integer(i, 1)), rows.text(i, 0),
                                             {choice}, *prescriber,
                                             parseInstant(rows.text(i, 3)).value_or(now));
        }
        // Some residents chose to buy their own, so no order was placed for them.
        std::vector<std::string> codes;
        for (const auto& [code, alternative] : store::retailAlternatives(c)) codes.push_back(code);
        for (const auto& [resident, index] : residents) {
            const auto hash = hashOf("self-purchase " + std::to_string(resident.value()));
            if (hash % 20 != 0 || codes.empty()) continue;
            const store::SelfPurchaseChoice choice{codes[(hash / 20) % codes.size()], 1,
                                                   SelfPurchaseOutcome::self_purchase, ""};
            const Instant when = now - std::chrono::hours(1 + static_cast<int>(hash % (27 * 24)));
            store::recordSelfPurchaseChoices(c, resident, std::nullopt, {choice},
                                             prescribers.at(index), when);
            ++bought;
        }
        const int offered = declined + notAppropriate + bought;
        return "self-purchase (illustrative): " + std::to_string(offered) +
               " residents offered a retail alternative in the last four weeks, " +
               std::to_string(bought) + " bought their own, " + std::to_string(declined) +
               " declined, " + std::to_string(notAppropriate) + " not appropriate";
    });
}

}  // namespace ces::demo
