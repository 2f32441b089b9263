#include "warehouse/specials.h"

#include <algorithm>

#include "core/store/admin/geography.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/ledger/ledger.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

namespace {

constexpr std::size_t kSpecialsScanned = 500;  // rows read at a time while filtering

Pence priceOf(const store::SpecialRecord& s) {
    return std::max(s.estimatedPricePence, s.quotePence.value_or(0));
}

store::SpecialRecord load(store::Connection& c, SpecialId id) {
    auto found = store::findSpecial(c, id);
    if (!found) throw NotFound("no special has the id " + std::to_string(id.value()));
    if (found->orderStatus == OrderStatus::cancelled) {
        throw Conflict("order_cancelled",
                       "the special's order " + found->orderReference + " is cancelled");
    }
    return *found;
}

// Refuses a step the special's status does not allow.
void checkStep(const store::SpecialRecord& s, SpecialStep step, const SpecialsPolicy& policy) {
    if (specialStatusAfter(s.status, step, needsApproval(priceOf(s), policy))) return;
    if (step == SpecialStep::approve && s.status == SpecialStatus::requested) {
        throw Conflict("approval_not_needed", "a special of this value needs no approval");
    }
    if (step == SpecialStep::quote && s.status == SpecialStatus::requested) {
        throw Conflict("needs_approval", "a budget holder must approve this special first");
    }
    throw Conflict("invalid_step", "cannot " + std::string(toString(step)) + " a special that is " +
                                       std::string(toString(s.status)));
}

std::string auditId(SpecialId id) { return std::to_string(id.value()); }

void requireText(const std::string& text, const char* field) {
    if (text.find_first_not_of(" \t") == std::string::npos || text.size() > 200) {
        throw ValidationError(field, std::string(field) + " needs 1 to 200 characters");
    }
}

}  // namespace

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
    const Instant requested = record.requestedAt;
    const std::optional<Instant> received = record.receivedAt;
    view.targetArrival = targetArrival(requested, policy);
    view.breached = targetBreached(requested, received, now, policy);
    view.approvalNeeded = needsApproval(priceOf(record), policy);
    view.daysOpen =
        std::chrono::floor<std::chrono::days>(received.value_or(now) - requested).count();
    return view;
}

store::Page<SpecialView> listSpecials(store::Connection& c, bool breachedOnly,
                                      bool includeDelivered, Instant now,
                                      const SpecialsPolicy& policy,
                                      const store::PageRequest& page) {
    // Breach depends on the clock and the policy, not on a column: the store's pages are read
    // in turn until this page is full and one more special shows that another page follows.
    store::Page<SpecialView> result;
    store::PageRequest scan{page.after, breachedOnly ? kSpecialsScanned : page.limit + 1};
    for (;;) {
        const auto batch = store::listSpecials(c, includeDelivered || breachedOnly, scan);
        for (const auto& record : batch.items) {
            auto view = viewSpecial(record, now, policy);
            if (breachedOnly && !view.breached) continue;
            if (result.items.size() == page.limit) {
                result.next = result.items.back().record.id.value();
                return result;
            }
            result.items.push_back(std::move(view));
        }
        if (!batch.next) return result;
        scan.after = batch.next;
    }
}

SpecialView approveSpecial(store::Connection& c, SpecialId id, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy) {
    const auto special = load(c, id);
    if (actor.role != Role::budget_holder || !actor.team || *actor.team != special.team) {
        throw Forbidden("only a budget holder of the ordering team may approve this special");
    }
    checkStep(special, SpecialStep::approve, policy);
    store::recordSpecialApproval(c, id, special.status, actor.id, now);
    store::audit(c, actor.id, "special.approve", "special", auditId(id), now);
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView quoteSpecial(store::Connection& c, SpecialId id, const std::string& supplier,
                         Pence pricePence, const Actor& actor, Instant now,
                         const SpecialsPolicy& policy) {
    requireText(supplier, "supplier");
    if (pricePence <= 0 || pricePence > 100'000'000) {
        throw ValidationError("price_pence", "price_pence must be between 1 and 100000000");
    }
    auto special = load(c, id);
    special.quotePence = pricePence;  // the quote counts towards the approval threshold
    checkStep(special, SpecialStep::quote, policy);
    store::recordSpecialQuote(c, id, special.status, supplier, pricePence, now);
    store::audit(c, actor.id, "special.quote", "special", auditId(id), now,
                 supplier + " " + formatPounds(pricePence));
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView orderSpecial(store::Connection& c, SpecialId id, const std::string& purchaseOrder,
                         const Actor& actor, Instant now, const SpecialsPolicy& policy) {
    requireText(purchaseOrder, "purchase_order");
    const auto special = load(c, id);
    checkStep(special, SpecialStep::order, policy);
    store::recordSpecialOrder(c, id, special.status, purchaseOrder, now);
    store::audit(c, actor.id, "special.order", "special", auditId(id), now, purchaseOrder);
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

SpecialView receiveSpecial(store::Connection& c, SpecialId id, const std::string& depotCode,
                           int inspectionIntervalMonths, const Actor& actor, Instant now,
                           const SpecialsPolicy& policy) {
    const auto depot = store::findDepotByCode(c, depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + depotCode);
    if (inspectionIntervalMonths < 0 || inspectionIntervalMonths > 60) {
        throw ValidationError("inspection_interval_months", "between 0 and 60 months");
    }
    const auto special = load(c, id);
    checkStep(special, SpecialStep::receive, policy);
    store::recordSpecialReceipt(c, id, special.status, now);
    store::NewAsset asset;
    asset.barcode = store::nextBarcode(c, "SPC");
    asset.specialId = id;
    asset.description = special.description;
    asset.depot = depot->id;
    asset.state = AssetState::reserved;  // held for its order
    asset.inspectionIntervalMonths = inspectionIntervalMonths;
    asset.lastInspectedAt = now;
    asset.nextInspectionDue = nextInspectionDue(now, inspectionIntervalMonths);
    store::insertAsset(c, asset, actor.id, now, "special received for " + special.orderReference);
    store::audit(c, actor.id, "special.receive", "special", auditId(id), now, asset.barcode);
    const auto all = store::specialsOfOrder(c, special.order);
    const bool allIn = std::all_of(all.begin(), all.end(), [](const auto& s) {
        return s.status == SpecialStatus::received || s.status == SpecialStatus::delivered;
    });
    if (allIn && special.orderStatus == OrderStatus::awaiting_special) {
        store::releaseSpecialsHold(c, special.orderReference, actor, now);
    }
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

void deliverSpecials(store::Connection& c, OrderId order, const Actor& actor, Instant now) {
    for (const auto& special : store::specialsOfOrder(c, order)) {
        if (special.status != SpecialStatus::received) continue;
        store::recordSpecialDelivery(c, special.id, special.status, now);
        store::recordSpecialIssueCharge(c, special.id, now);  // charged to the order's funder
        if (special.barcode) {
            const auto asset = store::findAsset(c, *special.barcode);
            if (asset && asset->state == AssetState::reserved) {
                store::AssetMove move;
                move.step = AssetStep::issue;
                move.from = asset->state;
                move.to = AssetState::on_loan;
                move.depot = asset->depot;
                move.resident = special.resident;
                move.note = "special delivered with " + special.orderReference;
                store::moveAsset(c, asset->id, move, actor.id, now);
            }
        }
        store::audit(c, actor.id, "special.deliver", "special", auditId(special.id), now);
    }
}

}  // namespace ces::warehouse
