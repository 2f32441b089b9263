#include "warehouse/recycling.h"

#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/collections/collections.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/ledger/ledger.h"
#include "core/store/warehouse/counted_returns.h"
#include "warehouse/recalls.h"

namespace ces::warehouse {

store::AssetRecord loadAsset(store::Connection& c, const std::string& barcode) {
    auto asset = store::findAsset(c, barcode);
    if (!asset) throw NotFound("no asset has the barcode " + barcode);
    return *asset;
}

namespace {

DepotId depotOrOwn(store::Connection& c, const std::string& depotCode, DepotId own) {
    if (depotCode.empty()) return own;
    const auto depot = store::findDepotByCode(c, depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + depotCode);
    return depot->id;
}

// Moves the asset one step, moving one unit between the counts of its item when it has one.
void step(store::Connection& c, const store::AssetRecord& asset, AssetStep what, DepotId to,
          store::AssetMove placement, const Actor& actor, Instant now) {
    placement.step = what;
    placement.from = asset.state;
    placement.to = requireStep(asset.state, what);
    placement.depot = to;
    const std::string from(toString(placement.from));
    if (asset.itemCode) {
        store::CountDelta out;
        out.add(placement.from, -1);
        store::CountDelta in;
        in.add(placement.to, 1);
        if (!store::applyCountDelta(c, asset.depot, *asset.itemCode, out) ||
            !store::applyCountDelta(c, to, *asset.itemCode, in)) {
            throw Conflict("stock_mismatch", "the stock count of " + *asset.itemCode +
                                                 " has no unit " + from +
                                                 " to move; check the depot's counts");
        }
    }
    store::moveAsset(c, asset.id, placement, actor.id, now);
    store::audit(c, actor.id, "asset." + std::string(toString(what)), "asset", asset.barcode, now,
                 from + " -> " + std::string(toString(placement.to)) +
                     (placement.note.empty() ? "" : ": ") + placement.note);
}

store::AssetMove atDepot(const std::string& note) {
    store::AssetMove move;
    move.note = note;
    return move;
}

void requireText(const std::string& text, const char* field, const char* what) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw ValidationError(field, what);
    }
    if (text.size() > 2000) throw ValidationError(field, "at most 2000 characters");
}

}  // namespace

AssetDetail describeAsset(store::Connection& c, const std::string& barcode, Instant now) {
    AssetDetail detail;
    detail.asset = loadAsset(c, barcode);
    detail.itemName = detail.asset.description;
    if (detail.asset.itemCode) {
        if (const auto item = store::findItem(c, *detail.asset.itemCode)) {
            detail.itemName = item->name;
        }
    }
    detail.inspectionOverdue = isOverdue(detail.asset.nextInspectionDue, now);
    detail.history = store::assetHistory(c, detail.asset.id);
    return detail;
}

AssetDetail returnAsset(store::Connection& c, const std::string& barcode,
                        const std::string& depotCode, const std::string& condition,
                        const Actor& actor, Instant now) {
    const auto asset = loadAsset(c, barcode);
    const DepotId to = depotOrOwn(c, depotCode, asset.depot);
    requireStep(asset.state, AssetStep::return_to_depot);
    if (asset.loanId) store::returnLoanUnits(c, *asset.loanId, 1, now);
    step(c, asset, AssetStep::return_to_depot, to,
         atDepot(condition.empty() ? "returned" : "returned; condition: " + condition), actor, now);
    if (asset.loanId) store::closeReturnedCollections(c, LoanId(*asset.loanId), now);
    return describeAsset(c, barcode, now);
}

CountedReturn returnCountedItems(store::Connection& c, const std::string& orderReference,
                                 const std::string& itemCode, std::int64_t quantity,
                                 const std::string& depotCode, const std::string& condition,
                                 const Actor& actor, Instant now) {
    const auto item = store::findItem(c, itemCode);
    if (!item) throw ValidationError("item_code", "no catalogue item has the code " + itemCode);
    if (item->serialised) {
        throw ValidationError("item_code", itemCode + " is a barcoded asset: scan each barcode");
    }
    if (!item->returnable) {
        throw ValidationError("item_code", itemCode + " is not returnable (fitted or single use)");
    }
    if (quantity < 1 || quantity > 1000) {
        throw ValidationError("quantity", "quantity must be between 1 and 1000");
    }
    auto loans = store::openLoansFor(c, orderReference, itemCode);
    std::int64_t out = 0;
    for (const auto& loan : loans) out += loan.quantity - loan.returnedQuantity;
    if (out == 0) {
        throw Conflict("already_returned", "order " + orderReference + " has no " + itemCode +
                                               " on loan (unknown order, or already returned)");
    }
    if (out < quantity) {
        throw Conflict("already_returned", "order " + orderReference + " has only " +
                                               std::to_string(out) + " " + itemCode +
                                               " still on loan");
    }
    const DepotId to = depotOrOwn(c, depotCode, loans.front().depot);
    std::int64_t left = quantity;
    for (const auto& loan : loans) {
        const std::int64_t units = std::min(left, loan.quantity - loan.returnedQuantity);
        if (units == 0) continue;
        store::returnLoanUnits(c, loan.id, units, now);
        store::closeReturnedCollections(c, loan.id, now);
        store::CountDelta back;
        back.onLoan = -units;
        store::CountDelta in;
        in.returned = units;
        if (!store::applyCountDelta(c, loan.depot, itemCode, back) ||
            !store::applyCountDelta(c, to, itemCode, in)) {
            throw Conflict("stock_mismatch", "the on-loan count of " + itemCode + " is too low");
        }
        store::recordCountedReturn(c, to, itemCode, loan.id, units, condition, now);
        left -= units;
        if (left == 0) break;
    }
    store::audit(
        c, actor.id, "stock.return", "order", orderReference, now,
        std::to_string(quantity) + " " + itemCode + (condition.empty() ? "" : "; ") + condition);
    std::string depotName;
    for (const auto& depot : store::listDepots(c)) {
        if (depot.id == to) depotName = depot.code;
    }
    return {orderReference, itemCode, quantity, depotName, out - quantity};
}

AssetDetail decontaminateAsset(store::Connection& c, const std::string& barcode, bool finished,
                               const std::string& notes, const Actor& actor, Instant now) {
    const auto asset = loadAsset(c, barcode);
    step(c, asset, finished ? AssetStep::finish_decontamination : AssetStep::start_decontamination,
         asset.depot, atDepot(notes), actor, now);
    return describeAsset(c, barcode, now);
}

AssetDetail inspectAsset(store::Connection& c, const std::string& barcode, InspectionResult result,
                         const std::string& notes, const MaintenancePolicy& policy,
                         const Actor& actor, Instant now) {
    const auto asset = loadAsset(c, barcode);
    int interval = asset.inspectionIntervalMonths;
    if (asset.itemCode) {
        if (const auto item = store::findItem(c, *asset.itemCode)) {
            interval = policy.intervalMonths(*item);
        }
    }
    if (asset.state == AssetState::on_loan) {
        if (result != InspectionResult::pass) {
            throw Conflict("collect_first",
                           "an asset that fails inspection in a home must be collected first "
                           "(book a collection), then inspected at the depot");
        }
        store::recordAssetEvent(c, asset.id, AssetStep::inspect_in_home, actor.id, now, notes);
        store::setAssetInspection(c, asset.id, now, nextInspectionDue(now, interval));
        store::audit(c, actor.id, "asset.inspect_in_home", "asset", barcode, now, notes);
        return describeAsset(c, barcode, now);
    }
    switch (result) {
        case InspectionResult::pass:
            step(c, asset, AssetStep::pass_inspection, asset.depot, atDepot(notes), actor, now);
            store::setAssetInspection(c, asset.id, now, nextInspectionDue(now, interval));
            store::recordCreditForInspection(c, asset.id, actor.id, now);  // credits the funder
            quarantineIfRecalled(c, asset, actor, now);
            break;
        case InspectionResult::repair:
            requireText(notes, "notes", "say what needs repairing");
            step(c, asset, AssetStep::fail_inspection, asset.depot, atDepot(notes), actor, now);
            break;
        case InspectionResult::scrap:
            requireText(notes, "notes", "a scrapped asset needs the reason in notes");
            step(c, asset, AssetStep::scrap, asset.depot, atDepot(notes), actor, now);
            resolveRecallAtDepot(c, asset.id, AssetStep::scrap, now);
            break;
    }
    return describeAsset(c, barcode, now);
}

AssetDetail finishRepair(store::Connection& c, const std::string& barcode, const std::string& notes,
                         const Actor& actor, Instant now) {
    const auto asset = loadAsset(c, barcode);
    step(c, asset, AssetStep::finish_repair, asset.depot, atDepot(notes), actor, now);
    return describeAsset(c, barcode, now);
}

AssetDetail releaseFromRecall(store::Connection& c, const std::string& barcode,
                              const std::string& notes, const Actor& actor, Instant now) {
    requireText(notes, "notes", "say what the safety notice asked and what was done");
    const auto asset = loadAsset(c, barcode);
    step(c, asset, AssetStep::release_from_recall, asset.depot, atDepot(notes), actor, now);
    resolveRecallAtDepot(c, asset.id, AssetStep::release_from_recall, now);
    return describeAsset(c, barcode, now);
}

AssetDetail reportLost(store::Connection& c, const std::string& barcode, const std::string& reason,
                       const Actor& actor, Instant now) {
    requireText(reason, "reason", "say why the asset is lost");
    const auto asset = loadAsset(c, barcode);
    requireStep(asset.state, AssetStep::report_lost);
    if (asset.loanId) store::returnLoanUnits(c, *asset.loanId, 1, now);
    step(c, asset, AssetStep::report_lost, asset.depot, atDepot(reason), actor, now);
    if (asset.loanId) store::closeReturnedCollections(c, LoanId(*asset.loanId), now);
    return describeAsset(c, barcode, now);
}

AssetDetail pickAsset(store::Connection& c, const std::string& barcode,
                      const std::string& orderReference, const Actor& actor, Instant now) {
    const auto asset = loadAsset(c, barcode);
    requireStep(asset.state, AssetStep::pick);
    if (isOverdue(asset.nextInspectionDue, now)) {
        throw Conflict("inspection_overdue", "asset " + barcode +
                                                 " is overdue for inspection and may not be "
                                                 "issued until inspected");
    }
    if (!asset.itemCode) throw Conflict("not_reserved", "a special is issued with its order");
    const auto line = store::lineToPick(c, orderReference, *asset.itemCode, asset.depot);
    const bool open = line && (line->orderStatus == OrderStatus::allocated ||
                               line->orderStatus == OrderStatus::scheduled ||
                               line->orderStatus == OrderStatus::failed_visit);
    if (!open || line->picked >= line->quantity) {
        throw Conflict("not_reserved", "order " + orderReference + " has no reservation of " +
                                           *asset.itemCode + " at " + asset.depotCode +
                                           " left to pick for");
    }
    store::AssetMove move = atDepot("picked for " + orderReference);
    move.orderLineId = line->lineId;
    move.step = AssetStep::pick;
    move.from = asset.state;
    move.to = AssetState::reserved;
    move.depot = asset.depot;
    store::moveAsset(c, asset.id, move, actor.id, now);  // counts stay: the line holds them
    store::audit(c, actor.id, "asset.pick", "asset", barcode, now, orderReference);
    return describeAsset(c, barcode, now);
}

namespace {

// Units passing inspection credit the funders of the loans they came back from; scrapped units
// settle their returns without credit; a failed inspection (repair) settles nothing yet.
void settleInspectedUnits(store::Connection& c, DepotId depot, const std::string& itemCode,
                          std::int64_t quantity, AssetStep what, const Actor& actor, Instant now) {
    if (what != AssetStep::pass_inspection && what != AssetStep::scrap) return;
    const auto how = what == AssetStep::pass_inspection ? store::Settlement::passed
                                                        : store::Settlement::scrapped;
    for (const auto& settled : store::settleCountedUnits(c, depot, itemCode, quantity, how, now)) {
        if (how == store::Settlement::passed) {
            store::recordCreditForCountedPass(c, settled.loan, settled.quantity, settled.condition,
                                              actor.id, now);
        }
    }
}

}  // namespace

store::StateLevels processCountedItems(store::Connection& c, const std::string& depotCode,
                                       const std::string& itemCode, std::int64_t quantity,
                                       AssetStep what, const std::string& notes, const Actor& actor,
                                       Instant now) {
    const auto depot = store::findDepotByCode(c, depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + depotCode);
    const auto item = store::findItem(c, itemCode);
    if (!item) throw ValidationError("item_code", "no catalogue item has the code " + itemCode);
    if (item->serialised) {
        throw ValidationError("item_code", itemCode + " is a barcoded asset: use its barcode");
    }
    if (quantity < 1 || quantity > 10000) {
        throw ValidationError("quantity", "quantity must be between 1 and 10000");
    }
    AssetState from = AssetState::awaiting_inspection;
    if (what == AssetStep::finish_decontamination) from = AssetState::returned;
    if (what == AssetStep::finish_repair) from = AssetState::in_repair;
    const AssetState to = requireStep(from, what);
    if (what == AssetStep::scrap) requireText(notes, "notes", "scrapping needs the reason");
    store::CountDelta delta;
    delta.add(from, -quantity);
    delta.add(to, quantity);
    if (!store::applyCountDelta(c, depot->id, itemCode, delta)) {
        throw Conflict("not_enough_units", "fewer than " + std::to_string(quantity) + " " +
                                               itemCode + " are " + std::string(toString(from)) +
                                               " at " + depotCode);
    }
    settleInspectedUnits(c, depot->id, itemCode, quantity, what, actor, now);
    store::audit(c, actor.id, "stock." + std::string(toString(what)), "stock",
                 depotCode + "/" + itemCode, now,
                 std::to_string(quantity) + (notes.empty() ? "" : ": " + notes));
    for (const auto& level : store::stateLevels(c, depotCode)) {
        if (level.itemCode == itemCode) return level;
    }
    throw NotFound("no stock row for " + itemCode);
}

}  // namespace ces::warehouse
