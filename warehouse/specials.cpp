#include "warehouse/specials.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/store/admin/geography.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

namespace {

constexpr std::array<std::pair<SpecialStatus, std::string_view>, 6> kStatusNames{{
    {SpecialStatus::requested, "requested"},
    {SpecialStatus::approved, "approved"},
    {SpecialStatus::quoted, "quoted"},
    {SpecialStatus::ordered, "ordered"},
    {SpecialStatus::received, "received"},
    {SpecialStatus::delivered, "delivered"},
}};

Instant instantOr(const std::optional<std::string>& text, Instant otherwise) {
    if (!text) return otherwise;
    return parseInstant(*text).value_or(otherwise);
}

Pence priceOf(const store::SpecialRecord& s) {
    return std::max(s.estimatedPricePence, s.quotePence.value_or(0));
}

store::SpecialRecord load(store::Connection& c, std::int64_t id) {
    auto found = store::findSpecial(c, id);
    if (!found) throw NotFound("no special has the id " + std::to_string(id));
    if (found->orderStatus == "cancelled") {
        throw Conflict("order_cancelled",
                       "the special's order " + found->orderReference + " is cancelled");
    }
    return *found;
}

// Checks the step and answers the statuses' names (from, to).
std::pair<std::string, std::string> checkStep(const store::SpecialRecord& s, SpecialStep step,
                                              const SpecialsPolicy& policy) {
    const auto from = parseSpecialStatus(s.status);
    if (!from) throw Conflict("unknown_state", "the special has an unknown status " + s.status);
    const auto to = specialStatusAfter(*from, step, needsApproval(priceOf(s), policy));
    if (!to) {
        if (step == SpecialStep::approve && *from == SpecialStatus::requested) {
            throw Conflict("approval_not_needed", "a special of this value needs no approval");
        }
        if (step == SpecialStep::quote && *from == SpecialStatus::requested) {
            throw Conflict("needs_approval", "a budget holder must approve this special first");
        }
        throw Conflict("invalid_step",
                       "cannot " + std::string(toString(step)) + " a special that is " + s.status);
    }
    return {s.status, std::string(toString(*to))};
}

void requireText(const std::string& text, const char* field) {
    if (text.find_first_not_of(" \t") == std::string::npos || text.size() > 200) {
        throw ValidationError(field, std::string(field) + " needs 1 to 200 characters");
    }
}

}  // namespace

std::string_view toString(SpecialStatus status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) return name;
    }
    return "unknown";
}

std::optional<SpecialStatus> parseSpecialStatus(std::string_view text) {
    for (const auto& [value, name] : kStatusNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view toString(SpecialStep step) {
    switch (step) {
        case SpecialStep::approve:
            return "approve";
        case SpecialStep::quote:
            return "quote";
        case SpecialStep::order:
            return "order";
        case SpecialStep::receive:
            return "receive";
        case SpecialStep::deliver:
            return "deliver";
    }
    return "unknown";
}

bool needsApproval(Pence price, const SpecialsPolicy& policy) {
    return price > policy.approvalThresholdPence;
}

std::optional<SpecialStatus> specialStatusAfter(SpecialStatus from, SpecialStep step,
                                                bool approvalNeeded) {
    using enum SpecialStatus;
    switch (step) {
        case SpecialStep::approve:
            if (from == requested && approvalNeeded) return approved;
            break;
        case SpecialStep::quote:
            if (from == approved || (from == requested && !approvalNeeded)) return quoted;
            break;
        case SpecialStep::order:
            if (from == quoted) return ordered;
            break;
        case SpecialStep::receive:
            if (from == ordered) return received;
            break;
        case SpecialStep::deliver:
            if (from == received) return delivered;
            break;
    }
    return std::nullopt;
}

Instant targetArrival(Instant requestedAt, const SpecialsPolicy& policy) {
    return requestedAt + policy.target;
}

bool targetBreached(Instant requestedAt, std::optional<Instant> receivedAt, Instant now,
                    const SpecialsPolicy& policy) {
    return receivedAt.value_or(now) > targetArrival(requestedAt, policy);
}

SpecialView viewSpecial(const store::SpecialRecord& record, Instant now,
                        const SpecialsPolicy& policy) {
    SpecialView view;
    view.record = record;
    const Instant requested = instantOr(record.requestedAt, now);
    std::optional<Instant> received;
    if (record.receivedAt) received = parseInstant(*record.receivedAt);
    view.targetArrival = targetArrival(requested, policy);
    view.breached = targetBreached(requested, received, now, policy);
    view.approvalNeeded = needsApproval(priceOf(record), policy);
    view.daysOpen =
        std::chrono::floor<std::chrono::days>(received.value_or(now) - requested).count();
    return view;
}

std::vector<SpecialView> listSpecials(store::Connection& c, bool breachedOnly,
                                      bool includeDelivered, Instant now,
                                      const SpecialsPolicy& policy) {
    std::vector<SpecialView> views;
    for (const auto& record : store::listSpecials(c, includeDelivered || breachedOnly, 1000)) {
        auto view = viewSpecial(record, now, policy);
        if (!breachedOnly || view.breached) views.push_back(std::move(view));
    }
    return views;
}

SpecialView approveSpecial(store::Connection& c, std::int64_t id, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy) {
    const auto special = load(c, id);
    if (actor.role != Role::budget_holder || !actor.team || *actor.team != special.team) {
        throw Forbidden("only a budget holder of the ordering team may approve this special");
    }
    const auto [from, to] = checkStep(special, SpecialStep::approve, policy);
    store::recordSpecialApproval(c, id, from, actor.id, now);
    store::audit(c, actor.id, "special.approve", "special", std::to_string(id), now);
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView quoteSpecial(store::Connection& c, std::int64_t id, const std::string& supplier,
                         Pence pricePence, const Actor& actor, Instant now,
                         const SpecialsPolicy& policy) {
    requireText(supplier, "supplier");
    if (pricePence <= 0 || pricePence > 100'000'000) {
        throw ValidationError("price_pence", "price_pence must be between 1 and 100000000");
    }
    auto special = load(c, id);
    special.quotePence = pricePence;  // the quote counts towards the approval threshold
    const auto [from, to] = checkStep(special, SpecialStep::quote, policy);
    store::recordSpecialQuote(c, id, from, supplier, pricePence, now);
    store::audit(c, actor.id, "special.quote", "special", std::to_string(id), now,
                 supplier + " " + formatPounds(pricePence));
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView orderSpecial(store::Connection& c, std::int64_t id, const std::string& purchaseOrder,
                         const Actor& actor, Instant now, const SpecialsPolicy& policy) {
    requireText(purchaseOrder, "purchase_order");
    const auto special = load(c, id);
    const auto [from, to] = checkStep(special, SpecialStep::order, policy);
    store::recordSpecialOrder(c, id, from, purchaseOrder, now);
    store::audit(c, actor.id, "special.order", "special", std::to_string(id), now, purchaseOrder);
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView receiveSpecial(store::Connection& c, std::int64_t id, const std::string& depotCode,
                           int inspectionIntervalMonths, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy) {
    const auto depot = store::findDepotByCode(c, depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + depotCode);
    if (inspectionIntervalMonths < 0 || inspectionIntervalMonths > 60) {
        throw ValidationError("inspection_interval_months", "between 0 and 60 months");
    }
    const auto special = load(c, id);
    const auto [from, to] = checkStep(special, SpecialStep::receive, policy);
    store::recordSpecialReceipt(c, id, from, now);
    store::NewAsset asset;
    asset.barcode = store::nextBarcode(c, "SPC");
    asset.specialId = id;
    asset.description = special.description;
    asset.depot = depot->id;
    asset.state = "reserved";  // held for its order
    asset.inspectionIntervalMonths = inspectionIntervalMonths;
    asset.lastInspectedAt = now;
    asset.nextInspectionDue = nextInspectionDue(now, inspectionIntervalMonths);
    store::insertAsset(c, asset, actor.id, now, "special received for " + special.orderReference);
    store::audit(c, actor.id, "special.receive", "special", std::to_string(id), now, asset.barcode);
    const auto all = store::specialsOfOrder(c, special.order);
    const bool allIn = std::all_of(all.begin(), all.end(), [](const auto& s) {
        return s.status == "received" || s.status == "delivered";
    });
    if (allIn && special.orderStatus == "awaiting_special") {
        store::releaseSpecialsHold(c, special.orderReference, actor, now);
    }
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

void deliverSpecials(store::Connection& c, OrderId order, const Actor& actor, Instant now) {
    for (const auto& special : store::specialsOfOrder(c, order)) {
        if (special.status != "received") continue;
        store::recordSpecialDelivery(c, special.id, special.status, now);
        if (special.barcode) {
            const auto asset = store::findAsset(c, *special.barcode);
            if (asset && asset->state == "reserved") {
                store::AssetMove move;
                move.step = "issue";
                move.from = asset->state;
                move.to = "on_loan";
                move.depot = asset->depot;
                move.resident = special.resident;
                move.note = "special delivered with " + special.orderReference;
                store::moveAsset(c, asset->id, move, actor.id, now);
            }
        }
        store::audit(c, actor.id, "special.deliver", "special", std::to_string(special.id), now);
    }
}

}  // namespace ces::warehouse
