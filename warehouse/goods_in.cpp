#include "warehouse/goods_in.h"

#include <set>

#include "core/errors.h"
#include "core/settings.h"
#include "core/store/admin/geography.h"
#include "core/store/catalogue/catalogue.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/stock.h"

namespace ces::warehouse {

namespace {

void requireText(const std::string& field, const std::string& value, std::size_t longest) {
    if (value.find_first_not_of(" \t") == std::string::npos || value.size() > longest) {
        throw ValidationError(field,
                              field + " must be 1 to " + std::to_string(longest) + " characters");
    }
}

// The date of manufacture and batch on a unit's label: a date not in the future, a batch as
// the maker prints it; only barcoded units carry them (a safety recall finds them by these).
void requireMakersMarks(const store::ReceiptLine& line, const CatalogueItem& item,
                        const std::string& at, std::chrono::year_month_day today) {
    if ((line.madeOn || line.batch) && !item.serialised) {
        throw ValidationError(at + (line.madeOn ? ".made_on" : ".batch"),
                              line.itemCode +
                                  " is counted, not barcoded: its units carry no "
                                  "date of manufacture or batch on the register");
    }
    if (line.madeOn && std::chrono::sys_days(*line.madeOn) > std::chrono::sys_days(today)) {
        throw ValidationError(at + ".made_on", "the date of manufacture is in the future");
    }
    if (line.batch && (line.batch->empty() || line.batch->size() > 64 ||
                       line.batch->find_first_of(" ,\"'") != std::string::npos)) {
        throw ValidationError(at + ".batch",
                              "a batch is 1 to 64 characters without spaces or commas");
    }
}

// The catalogue item of each line, checked.
std::vector<CatalogueItem> itemsOf(store::Connection& c, const GoodsReceipt& receipt,
                                   std::chrono::year_month_day today) {
    if (receipt.lines.empty() || receipt.lines.size() > kMaxReceiptLines) {
        throw ValidationError("lines",
                              "a receipt has 1 to " + std::to_string(kMaxReceiptLines) + " lines");
    }
    std::vector<CatalogueItem> items;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        const auto& line = receipt.lines[i];
        const std::string at = "lines[" + std::to_string(i) + "]";
        const auto item = store::findItem(c, line.itemCode);
        if (!item) {
            throw ValidationError(at + ".item_code",
                                  "no catalogue item has the code " + line.itemCode);
        }
        if (item->retired) {
            throw ValidationError(at + ".item_code",
                                  line.itemCode + " is retired and takes no new stock");
        }
        if (!seen.insert(line.itemCode).second) {
            throw ValidationError(at + ".item_code", line.itemCode + " is on two lines");
        }
        if (line.quantity < 1 || line.quantity > kMaxReceiptQuantity) {
            throw ValidationError(at + ".quantity", "quantity must be between 1 and " +
                                                        std::to_string(kMaxReceiptQuantity));
        }
        requireMakersMarks(line, *item, at, today);
        items.push_back(*item);
    }
    return items;
}

// Where a receipt line's units go and what they are recorded against.
struct LineOfReceipt {
    store::ReceiptId receipt;
    std::int64_t number = 0;  ///< From 1.
    DepotId depot;
};

// Puts each unit of a serialised line on the register, recorded against the receipt's line;
// fills in the barcodes given and their first inspection.
void registerUnits(store::Connection& c, const CatalogueItem& item, const LineOfReceipt& at,
                   const store::ReceiptLine& made, const Actor& actor, Instant now,
                   const MaintenancePolicy& maintenance, const std::string& note,
                   ReceivedLine& line) {
    const int months = maintenance.intervalMonths(item);
    for (std::int64_t unit = 0; unit < line.quantity; ++unit) {
        // Checked on arrival, as goods in does.
        auto asset = newUnit(c, item, at.depot, months, now);
        asset.madeOn = made.madeOn;
        asset.batch = made.batch;
        const auto id = store::insertAsset(c, asset, actor.id, now, note);
        store::insertReceiptAsset(c, at.receipt, at.number, id);
        line.barcodes.push_back(asset.barcode);
        line.inspectionDue = asset.nextInspectionDue;
    }
}

}  // namespace

store::NewAsset newUnit(store::Connection& c, const CatalogueItem& item, DepotId depot, int months,
                        Instant lastInspected) {
    store::NewAsset asset;
    asset.barcode = store::nextBarcode(c, "CES");
    asset.itemCode = item.code;
    asset.description = item.name;
    asset.depot = depot;
    asset.state = AssetState::available;
    asset.inspectionIntervalMonths = months;
    asset.lastInspectedAt = lastInspected;
    asset.nextInspectionDue = nextInspectionDue(lastInspected, months);
    return asset;
}

GoodsReceived receiveGoods(store::Connection& c, const GoodsReceipt& receipt, const Actor& actor,
                           Instant now, const MaintenancePolicy& maintenance) {
    const auto depot = store::findDepotByCode(c, receipt.depotCode);
    if (!depot) throw ValidationError("depot", "no depot has the code " + receipt.depotCode);
    requireText("supplier", receipt.supplier, 200);
    requireText("supplier_reference", receipt.supplierReference, 100);
    const auto items = itemsOf(c, receipt, ukDateOf(now));
    GoodsReceived received;
    received.depotCode = receipt.depotCode;
    received.id = store::insertReceipt(
        c, {depot->id, receipt.supplier, receipt.supplierReference, receipt.lines}, actor.id, now);
    const std::string note = "received from " + receipt.supplier + ", " + receipt.supplierReference;
    for (std::size_t i = 0; i < items.size(); ++i) {
        ReceivedLine line{items[i].code, receipt.lines[i].quantity, 0, {}, std::nullopt};
        if (items[i].serialised) {
            const LineOfReceipt at{received.id, static_cast<std::int64_t>(i + 1), depot->id};
            registerUnits(c, items[i], at, receipt.lines[i], actor, now, maintenance, note, line);
        }
        line.available = store::addToAvailable(c, depot->id, line.itemCode, line.quantity);
        received.lines.push_back(std::move(line));
    }
    store::audit(c, actor.id, "stock.receive", "stock_receipt", std::to_string(received.id.value()),
                 now, receipt.depotCode + ": " + note);
    return received;
}

}  // namespace ces::warehouse
