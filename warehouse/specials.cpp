#include "warehouse/specials.h"

#include <algorithm>

#include "core/date_words.h"
#include "core/settings.h"
#include "core/store/admin/geography.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/ledger/ledger.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

namespace {

constexpr std::size_t kSpecialsScanned = 500;  // rows read at a time while filtering
constexpr std::int64_t kLateReportedAtOnce = 200;

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

// The resident (or their carer) hears that their special is ordered or has arrived.
void tellResident(store::Connection& c, const store::SpecialRecord& special, bool arrived,
                  bool allIn, Instant now, const SpecialsPolicy& policy) {
    store::ResidentNotice notice{.kind = store::message_kind::specialProgress,
                                 .entity = "special",
                                 .entityId = auditId(special.id),
                                 .fields = {{"item", special.description}}};
    const Instant expected = targetArrival(special.requestedAt, policy);
    if (!arrived && expected > now)
        notice.fields.emplace_back("date", formatDate(ukDateOf(expected)));
    if (arrived) notice.flags.push_back("arrived");
    if (allIn) notice.flags.push_back("all_in");
    store::messageResident(c, special.order, notice, now);
}

// The e-mail a prescriber gets about their special that has not arrived by its target.
store::OutboxMessage lateSpecialMessage(const store::SpecialRecord& special,
                                        const store::OrderContact& contact,
                                        const SpecialsPolicy& policy) {
    const auto weeks = std::chrono::floor<std::chrono::weeks>(policy.target).count();
    std::string where = "It is " + std::string(toString(special.status));
    if (special.supplier) where += "; the supplier is " + *special.supplier;
    if (special.purchaseOrder) where += ", purchase order " + *special.purchaseOrder;
    if (special.orderedAt) where += ", ordered on " + dayMonthYear(ukDateOf(*special.orderedAt));
    store::OutboxMessage m;
    m.recipientUser = contact.prescriber;
    m.recipient = contact.mailbox();
    m.subject = "The special for order " + special.orderReference + " is late: not at the " +
                "warehouse " + std::to_string(weeks) + " weeks after it was requested";
    m.body = "The special \"" + special.description + "\" for order " + special.orderReference +
             ", requested on " + dayMonthYear(ukDateOf(special.requestedAt)) +
             ", should have been at the warehouse by " +
             dayMonthYear(ukDateOf(targetArrival(special.requestedAt, policy))) + ". " + where +
             ". The warehouse team sees it among the late specials on their specials page. You "
             "may want to tell the resident, or order a close equivalent from the catalogue "
             "meanwhile.";
    m.entity = "special";
    m.entityId = auditId(special.id);
    return m;
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
    tellResident(c, special, false, false, now, policy);
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
    tellResident(c, special, true, allIn, now, policy);
    return viewSpecial(*store::findSpecial(c, id), now, policy);
}

int reportLateSpecials(store::Connection& c, Instant now, const SpecialsPolicy& policy) {
    int told = 0;
    const Instant requestedBefore = now - policy.target;
    for (const auto& special :
         store::unreportedLateSpecials(c, requestedBefore, kLateReportedAtOnce)) {
        if (!store::markSpecialLateReported(c, special.id, now)) continue;
        const auto contact = store::orderContact(c, special.order);
        if (!contact) continue;
        store::queueMessage(c, lateSpecialMessage(special, *contact, policy), now);
        ++told;
    }
    return told;
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
