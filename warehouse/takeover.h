#pragma once
// Taking the service over from an outgoing provider: equipment already in residents' homes
// becomes ours. Each item is a loan on an order recorded as delivered, for the team taking the
// residents over; a serialised unit joins the register on loan in the home, with its last
// inspection (none on record: due at once), so the planner sees its next one.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"
#include "warehouse/maintenance.h"

namespace ces::warehouse {

/// One barcoded unit in a home.
struct UnitInHome {
    std::string barcode;
    CatalogueItem item;
    ResidentId resident;
    Instant since;
    std::optional<Instant> lastInspected;
};

/// A counted item (or several) in a home, under the provider's loan reference.
struct CountInHome {
    std::string reference;
    CatalogueItem item;
    std::int64_t quantity = 1;
    ResidentId resident;
    Instant since;
};

/// Equipment taken over in the caller's write; all of a resident's hangs on one order.
class Takeover {
  public:
    Takeover(store::Connection& c, const Actor& actor, Instant now,
             const MaintenancePolicy& maintenance);

    /// Registers the unit on loan in the home; answers its next inspection due (nullopt: none
    /// planned). ValidationError("item_code") for an item not tracked by barcode;
    /// ValidationError("resident_reference") when no depot serves the resident's district.
    std::optional<Instant> takeUnit(const UnitInHome& unit);

    /// Records the loan; ValidationError("item_code") for a serialised item (it needs its
    /// barcode), ValidationError("quantity") outside 1..1000.
    void takeCount(const CountInHome& count);

  private:
    struct Lent {
        OrderLineId line;
        LoanId loan;
        DepotId depot;
    };
    Lent lend(ResidentId resident, const CatalogueItem& item, std::int64_t quantity, Instant since,
              const std::optional<std::string>& reference);

    store::Connection& c_;
    Actor actor_;
    Instant now_;
    MaintenancePolicy maintenance_;
};

}  // namespace ces::warehouse
