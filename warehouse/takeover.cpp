#include "warehouse/takeover.h"

#include "core/errors.h"
#include "core/store/admin/geography.h"
#include "core/store/orders/migrated_orders.h"
#include "core/store/residents/residents.h"
#include "core/store/warehouse/assets.h"

namespace ces::warehouse {

namespace {

constexpr std::int64_t kMostInOneLoan = 1000;
const char* const kNote = "in the home when the service was taken over";

}  // namespace

Takeover::Takeover(store::Connection& c, const Actor& actor, Instant now,
                   const MaintenancePolicy& maintenance)
    : c_(c), actor_(actor), now_(now), maintenance_(maintenance) {
    if (!actor.team) throw Forbidden("a takeover needs the team taking the residents over");
}

Takeover::Lent Takeover::lend(ResidentId resident, const CatalogueItem& item, std::int64_t quantity,
                              Instant since, const std::optional<std::string>& reference) {
    const auto person = store::findResident(c_, resident);
    if (!person) throw ValidationError("resident_reference", "no such resident");
    const auto depot = store::servingDepot(c_, person->district);
    if (!depot) {
        throw ValidationError("resident_reference",
                              "no depot serves " + person->district + ": set up the depots first");
    }
    auto order = store::migratedOrderOf(c_, resident);
    if (!order) {
        order = store::insertMigratedOrder(c_, {resident, *actor_.team, actor_.id, since}, now_);
    }
    const auto ids = store::insertMigratedLine(
        c_, {*order, resident, item.code, quantity, item.pricePence, *depot, since, reference});
    return {ids.line, ids.loan, *depot};
}

std::optional<Instant> Takeover::takeUnit(const UnitInHome& unit) {
    if (!unit.item.serialised) {
        throw ValidationError("item_code", unit.item.code +
                                               " is not tracked by barcode: list it with the "
                                               "loans, not the assets");
    }
    const Lent lent = lend(unit.resident, unit.item, 1, unit.since, std::nullopt);
    store::NewAsset asset;
    asset.barcode = unit.barcode;
    asset.itemCode = unit.item.code;
    asset.description = unit.item.name;
    asset.depot = lent.depot;
    asset.state = AssetState::on_loan;
    asset.inspectionIntervalMonths = maintenance_.intervalMonths(unit.item);
    asset.lastInspectedAt = unit.lastInspected;
    if (asset.inspectionIntervalMonths > 0) {
        asset.nextInspectionDue =
            unit.lastInspected
                ? nextInspectionDue(*unit.lastInspected, asset.inspectionIntervalMonths)
                : std::optional<Instant>(now_);
    }
    asset.resident = unit.resident;
    asset.loanId = lent.loan;
    asset.orderLineId = lent.line;
    store::insertAsset(c_, asset, actor_.id, now_, kNote);
    return asset.nextInspectionDue;
}

void Takeover::takeCount(const CountInHome& count) {
    if (count.item.serialised) {
        throw ValidationError("item_code", count.item.code +
                                               " is tracked by barcode: list each unit with the "
                                               "assets");
    }
    if (count.quantity < 1 || count.quantity > kMostInOneLoan) {
        throw ValidationError("quantity",
                              "quantity must be between 1 and " + std::to_string(kMostInOneLoan));
    }
    lend(count.resident, count.item, count.quantity, count.since, count.reference);
}

}  // namespace ces::warehouse
