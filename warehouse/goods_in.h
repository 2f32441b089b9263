#pragma once
// Goods in: a supplier's delivery to a depot. Counted items add to the depot's available
// stock; every serialised unit becomes a barcoded asset on the register, inspected on arrival
// and due again by its regime. The only way serialised stock enters the service.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/warehouse/assets.h"
#include "core/store/warehouse/receipts.h"
#include "core/types.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

/// What the warehouse says it received.
struct GoodsReceipt {
    std::string depotCode;
    std::string supplier;
    std::string supplierReference;
    std::vector<store::ReceiptLine> lines;
};

inline constexpr std::size_t kMaxReceiptLines = 200;
inline constexpr std::int64_t kMaxReceiptQuantity = 1000;

/// A line received: the depot's available count after it, and the barcodes given (serialised).
struct ReceivedLine {
    std::string itemCode;
    std::int64_t quantity = 0;
    std::int64_t available = 0;
    std::vector<std::string> barcodes;
    std::optional<Instant> inspectionDue;  ///< The registered units' first inspection, if any.
};

struct GoodsReceived {
    store::ReceiptId id;
    std::string depotCode;
    std::vector<ReceivedLine> lines;
};

/// A new available unit of a catalogue item at a depot, with a fresh barcode, last inspected
/// at `lastInspected` and due again by `months` (the caller sets anything else, then inserts).
store::NewAsset newUnit(store::Connection& c, const CatalogueItem& item, DepotId depot, int months,
                        Instant lastInspected);

/// Checks the receipt (ValidationError naming the field: depot, supplier, supplier_reference,
/// lines[i].item_code: unknown, retired or repeated; lines[i].quantity) and records it with its
/// counts and assets in the caller's write, audited.
GoodsReceived receiveGoods(store::Connection& c, const GoodsReceipt& receipt, const Actor& actor,
                           Instant now, const MaintenancePolicy& maintenance);

}  // namespace ces::warehouse
