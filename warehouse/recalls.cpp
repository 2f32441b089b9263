#include "warehouse/recalls.h"

#include <map>
#include <set>

#include "core/errors.h"
#include "core/settings.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/messages/outbox.h"
#include "core/store/messages/resident_messages.h"
#include "core/store/orders/order_access.h"
#include "core/store/orders/orders.h"
#include "core/store/warehouse/assets.h"
#include "warehouse/recall_replacements.h"

namespace ces::warehouse {

namespace {

void requireText(const std::string& text, const char* field, std::size_t longest) {
    if (text.find_first_not_of(" \t") == std::string::npos || text.size() > longest) {
        throw ValidationError(
            field, std::string(field) + " needs 1 to " + std::to_string(longest) + " characters");
    }
}

void validateNotice(store::Connection& c, const store::NewRecall& notice, Instant now) {
    requireText(notice.reference, "reference", 100);
    requireText(notice.title, "title", 200);
    validateRecallFilter(notice.filter);
    for (std::size_t i = 0; i < notice.filter.itemCodes.size(); ++i) {
        const std::string& code = notice.filter.itemCodes[i];
        const std::string at = "item_codes[" + std::to_string(i) + "]";
        const auto item = store::findItem(c, code);
        if (!item) throw ValidationError(at, "no catalogue item has the code " + code);
        if (!item->serialised) {
            throw ValidationError(at, code +
                                          " is counted, not barcoded: the register cannot "
                                          "find its units one by one");
        }
    }
    if (std::chrono::sys_days(notice.deadline) < std::chrono::sys_days(ukDateOf(now))) {
        throw ValidationError("deadline", "the deadline is in the past");
    }
    if (store::recallReferenceTaken(c, notice.reference)) {
        throw ValidationError(
            "reference", "a campaign with the reference " + notice.reference + " already exists");
    }
}

// The asset moves from `from` to `to` at its depot, with its history row.
void moveAtDepot(store::Connection& c, AssetId asset, DepotId depot, AssetStep step,
                 AssetState from, AssetState to, const std::string& note, const Actor& actor,
                 Instant now) {
    store::AssetMove move;
    move.step = step;
    move.from = from;
    move.to = to;
    move.depot = depot;
    move.note = note;
    store::moveAsset(c, asset, move, actor.id, now);
}

// Moves an available unit into quarantine with its count; false, with nothing changed, when the
// depot's count has no free unit to move (every one is promised to an order).
bool quarantine(store::Connection& c, AssetId asset, DepotId depot, const std::string& itemCode,
                const std::string& note, const Actor& actor, Instant now) {
    store::CountDelta delta;
    delta.add(AssetState::available, -1).add(AssetState::quarantined, 1);
    if (!store::applyCountDelta(c, depot, itemCode, delta)) return false;
    moveAtDepot(c, asset, depot, AssetStep::quarantine, AssetState::available,
                AssetState::quarantined, note, actor, now);
    return true;
}

// What one campaign does as it goes, unit by unit.
class Campaign {
  public:
    Campaign(store::Connection& c, const store::NewRecall& notice, RecallId id, const Actor& actor,
             Instant now)
        : c_(c),
          notice_(notice),
          note_("safety recall " + notice.reference),
          actor_(actor),
          now_(now) {
        raised_.id = id;
    }

    void take(const store::RecallCandidate& unit) {
        const bool onTheRoad = unit.orderStatus == OrderStatus::out_for_delivery;
        const RecallPlace place = recallPlaceOf(unit.facts.state, onTheRoad);
        store::NewRecallUnit row{raised_.id, unit.asset,   unit.facts.state, place,
                                 unit.depot, std::nullopt, std::nullopt};
        if (place == RecallPlace::shelf && unit.facts.state != AssetState::quarantined) hold(unit);
        if (place == RecallPlace::home || place == RecallPlace::van) {
            row.resident = place == RecallPlace::home ? unit.resident : unit.orderResident;
            if (row.resident) row.visit = visit(unit, *row.resident);
            if (unit.order) tellResident(*unit.order, unit.facts.itemCode);
        }
        store::insertRecallUnit(c_, row);
        ++raised_.found;
    }

    // Orders whose stock was taken try again for unaffected stock; those that still wait have
    // their prescriber told the same day.
    // Homes come first: a replacement for a unit in use is reserved before the orders whose
    // stock was taken are re-supplied.
    RecallRaised finish() {
        if (notice_.action == RecallAction::replace) {
            const auto replacements = reserveRecallReplacements(c_, raised_.id, actor_, now_);
            raised_.replacementsReserved = replacements.reserved;
            raised_.awaitingReplacement = replacements.waiting;
        }
        for (const auto& reference : released_) {
            try {
                store::allocateApprovedOrder(c_, reference, actor_, now_);
                ++raised_.ordersResupplied;
            } catch (const OutOfStock&) {
                ++raised_.ordersWaiting;
                tellPrescriber(reference);
            }
        }
        return raised_;
    }

  private:
    // A unit on the shelf is held at once: a picked one goes back first; when every free unit of
    // the shelf is promised to orders, the newest such order gives its stock back.
    void hold(const store::RecallCandidate& unit) {
        if (unit.facts.state == AssetState::reserved) {
            moveAtDepot(c_, unit.asset, unit.depot, AssetStep::unpick, AssetState::reserved,
                        AssetState::available, note_, actor_, now_);
        }
        const std::string& item = unit.facts.itemCode;
        if (!quarantine(c_, unit.asset, unit.depot, item, note_, actor_, now_)) {
            const auto order = store::orderHoldingUnpickedStock(c_, unit.depot, item);
            if (!order) {
                throw Conflict("stock_mismatch", "no free or reserved count of " + item +
                                                     " is left to hold " + unit.facts.barcode);
            }
            release(*order);
            if (!quarantine(c_, unit.asset, unit.depot, item, note_, actor_, now_)) {
                throw Conflict("stock_mismatch", "the count of " + item + " does not match");
            }
        }
        ++raised_.held;
    }

    void release(const std::string& reference) {
        const auto lines = store::returnToWaitingForStock(c_, reference, actor_, now_, note_);
        for (const OrderLineId line : lines) {
            store::unpickLineAssets(c_, line, actor_.id, now_, note_);
        }
        released_.insert(reference);
    }

    VisitId visit(const store::RecallCandidate& unit, ResidentId resident) {
        store::NewVisit visit;
        visit.kind = recallVisitKind(notice_.action);
        visit.assetId = unit.asset;
        visit.resident = resident;
        visit.depot = unit.depot;
        visit.dueDate = notice_.deadline;
        visit.notes = "Safety recall " + notice_.reference + ": " + notice_.title + " (" +
                      std::string(toString(notice_.action)) + " " + unit.facts.barcode + ")";
        ++raised_.visits;
        return store::createVisit(c_, visit, now_);
    }

    void tellResident(OrderId order, const std::string& itemCode) {
        if (!toldOrders_.insert(order.value()).second) return;
        const auto item = store::findItem(c_, itemCode);
        store::ResidentNotice notice{
            .kind = store::message_kind::safetyRecall,
            .entity = "recall",
            .entityId = std::to_string(raised_.id.value()),
            .fields = {{"item", item ? item->name : itemCode},
                       {"date", formatDate(notice_.deadline)}},
            .flags = {"is_" + std::string(toString(recallVisitKind(notice_.action)))}};
        store::messageResident(c_, order, notice, now_);
    }

    void tellPrescriber(const std::string& reference) {
        const auto order = store::findOrderRow(c_, reference);
        const auto contact = store::orderContact(c_, order.id);
        if (!contact) return;
        store::OutboxMessage message;
        message.recipientUser = contact->prescriber;
        message.recipient = contact->mailbox();
        message.subject = "Order " + reference + " waits for stock after a safety recall";
        message.body = "A safety recall (" + notice_.reference + ": " + notice_.title +
                       ") has withdrawn the stock reserved for order " + reference +
                       ", and no unaffected unit is free in any depot. The order waits, "
                       "approved, for stock; its page shows close equivalents you may accept.";
        message.entity = "order";
        message.entityId = reference;
        store::queueMessage(c_, message, now_);
    }

    store::Connection& c_;
    const store::NewRecall& notice_;
    std::string note_;
    const Actor& actor_;
    Instant now_;
    RecallRaised raised_;
    std::set<std::string> released_;
    std::set<std::int64_t> toldOrders_;
};

}  // namespace

RecallRaised raiseRecall(store::Connection& c, const store::NewRecall& notice, const Actor& actor,
                         Instant now) {
    if (actor.role != Role::admin && actor.role != Role::warehouse) {
        throw Forbidden("only the admin or the warehouse may raise a safety recall");
    }
    validateNotice(c, notice, now);
    const RecallId id = store::insertRecall(c, notice, actor.id, now);
    Campaign campaign(c, notice, id, actor, now);
    for (const auto& itemCode : notice.filter.itemCodes) {
        for (const auto& unit : store::recallCandidates(c, itemCode)) {
            if (recallCovers(notice.filter, unit.facts)) campaign.take(unit);
        }
    }
    const RecallRaised raised = campaign.finish();
    store::audit(c, actor.id, "recall.raise", "recall", std::to_string(id.value()), now,
                 notice.reference + ": " + std::to_string(raised.found) + " units found, " +
                     std::to_string(raised.held) + " held, " + std::to_string(raised.visits) +
                     " visits");
    return raised;
}

bool quarantineIfRecalled(store::Connection& c, const store::AssetRecord& passed,
                          const Actor& actor, Instant now) {
    if (!passed.itemCode || !store::underOpenRecall(c, passed.id)) return false;
    if (!quarantine(c, passed.id, passed.depot, *passed.itemCode, "held by a safety recall", actor,
                    now)) {
        throw Conflict("stock_mismatch", "the count of " + *passed.itemCode + " does not match");
    }
    store::audit(c, actor.id, "asset.quarantine", "asset", passed.barcode, now,
                 "open safety recall");
    return true;
}

void resolveRecallVisit(store::Connection& c, VisitId visit, VisitKind kind, Instant now) {
    // A withdrawn unit is resolved only when the depot scraps it: collected, it comes back
    // through inspection into quarantine, never onto the shelf.
    if (kind == VisitKind::inspection) store::resolveRecallUnitsOfVisit(c, visit, "inspected", now);
    if (kind == VisitKind::repair) store::resolveRecallUnitsOfVisit(c, visit, "replaced", now);
}

void resolveRecallAtDepot(store::Connection& c, AssetId asset, AssetStep step, Instant now) {
    if (step == AssetStep::scrap) store::resolveRecallUnits(c, asset, "withdrawn", now);
    if (step == AssetStep::release_from_recall) {
        store::resolveRecallUnits(c, asset, "released", now);
    }
}

}  // namespace ces::warehouse
