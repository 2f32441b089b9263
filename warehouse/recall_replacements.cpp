#include "warehouse/recall_replacements.h"

#include <map>

#include "core/errors.h"
#include "core/recalls.h"
#include "core/store/catalogue/catalogue_changes.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/recall_replacements.h"
#include "warehouse/asset_lifecycle.h"
#include "warehouse/recycling.h"

namespace ces::warehouse {

namespace {

void move(store::Connection& c, const store::AssetRecord& asset, AssetStep step, DepotId depot,
          const std::string& note, const Actor& actor, Instant now,
          const store::AssetRecord* loanOf = nullptr) {
    store::AssetMove m;
    m.step = step;
    m.from = asset.state;
    m.to = requireStep(asset.state, step);
    m.depot = depot;
    if (loanOf) {
        m.resident = loanOf->resident;
        m.orderLineId = loanOf->orderLineId;
        m.loanId = loanOf->loanId;
    }
    m.note = note;
    store::moveAsset(c, asset.id, m, actor.id, now);
}

// One unit of `itemCode` leaves state `from` at `fromDepot` for `to` at `toDepot`.
void count(store::Connection& c, const std::string& itemCode, AssetState from, DepotId fromDepot,
           AssetState to, DepotId toDepot) {
    store::CountDelta out;
    store::CountDelta in;
    out.add(from, -1);
    in.add(to, 1);
    if (!store::applyCountDelta(c, fromDepot, itemCode, out) ||
        !store::applyCountDelta(c, toDepot, itemCode, in)) {
        throw Conflict("stock_mismatch", "the count of " + itemCode + " does not match");
    }
}

// The first free unit of `itemCode` the campaign's notice does not cover, reserved for `unit`;
// false when there is none.
bool reserveOf(store::Connection& c, const std::string& itemCode,
               const store::UnitAwaitingReplacement& unit, const RecallFilter& notice,
               const Actor& actor, Instant now) {
    const bool anyDepot = unit.visit && !unit.visitPlanned;
    for (const auto& free : store::freeUnitsOf(c, itemCode, unit.depot, anyDepot)) {
        if (recallCovers(notice, free.facts)) continue;
        store::CountDelta delta;
        delta.add(AssetState::available, -1).add(AssetState::reserved, 1);
        if (!store::applyCountDelta(c, free.depot, itemCode, delta)) continue;
        store::AssetMove m;
        m.step = AssetStep::pick;
        m.from = AssetState::available;
        m.to = AssetState::reserved;
        m.depot = free.depot;
        m.orderLineId = unit.orderLine;
        m.note = "replacement for " + unit.barcode + " under a safety recall";
        store::moveAsset(c, free.asset, m, actor.id, now);
        store::setRecallReplacement(c, unit.recall, unit.asset, free.asset);
        if (unit.visit) {
            if (free.depot != unit.depot)
                store::moveUnplannedVisitToDepot(c, *unit.visit, free.depot);
            store::appendVisitNote(
                c, *unit.visit, "take replacement " + free.facts.barcode + " for " + unit.barcode);
        }
        return true;
    }
    return false;
}

// A unit of the same model first, else of a close technical equivalent.
bool reserveOne(store::Connection& c, const store::UnitAwaitingReplacement& unit,
                const RecallFilter& notice, const Actor& actor, Instant now) {
    if (reserveOf(c, unit.itemCode, unit, notice, actor, now)) return true;
    for (const auto& equivalent : store::equivalentsOf(c, unit.itemCode)) {
        if (reserveOf(c, equivalent, unit, notice, actor, now)) return true;
    }
    return false;
}

}  // namespace

ReplacementsReserved reserveRecallReplacements(store::Connection& c, std::optional<RecallId> recall,
                                               const Actor& actor, Instant now) {
    if (actor.role != Role::admin && actor.role != Role::warehouse) {
        throw Forbidden("only the admin or the warehouse may reserve recall replacements");
    }
    ReplacementsReserved done;
    std::map<std::int64_t, RecallFilter> notices;
    for (const auto& unit : store::unitsAwaitingReplacement(c, recall)) {
        auto notice = notices.find(unit.recall.value());
        if (notice == notices.end()) {
            notice =
                notices.emplace(unit.recall.value(), store::recallFilterOf(c, unit.recall)).first;
        }
        ++(reserveOne(c, unit, notice->second, actor, now) ? done.reserved : done.waiting);
    }
    return done;
}

std::int64_t exchangeRecallUnits(store::Connection& c, VisitId visit, DepotId depot,
                                 const Actor& actor, Instant now) {
    std::int64_t exchanged = 0;
    for (const auto& exchange : store::exchangesOfVisit(c, visit)) {
        if (!exchange.replacement) {
            throw Conflict("replacement_not_reserved",
                           "no unaffected unit is reserved to replace " + exchange.affected +
                               ": record the visit as failed; it is tried again once the "
                               "warehouse reserves one from the recall's page");
        }
        const auto out = loadAsset(c, exchange.affected);
        const auto in = loadAsset(c, *exchange.replacement);
        if (!out.itemCode || out.state != AssetState::on_loan) {
            throw Conflict("invalid_step", exchange.affected + " is not on loan in the home");
        }
        if (!in.itemCode) throw Conflict("invalid_step", in.barcode + " has no catalogue item");
        count(c, *in.itemCode, AssetState::reserved, in.depot, AssetState::on_loan, in.depot);
        move(c, in, AssetStep::issue, in.depot, "replaces " + out.barcode + " (safety recall)",
             actor, now, &out);
        count(c, *out.itemCode, AssetState::on_loan, out.depot, AssetState::quarantined, depot);
        move(c, out, AssetStep::exchange_for_recall, depot,
             "replaced by " + in.barcode + " (safety recall)", actor, now);
        ++exchanged;
    }
    return exchanged;
}

}  // namespace ces::warehouse
