#pragma once
// The residents' self-purchase choices as recorded when a prescriber offers an item's retail
// alternative, and their tallies for the commissioner (by district and deprivation decile).
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/self_purchase.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::store {

/// One item offered and what the resident chose.
struct SelfPurchaseChoice {
    std::string itemCode;
    std::int64_t quantity = 1;
    SelfPurchaseOutcome outcome = SelfPurchaseOutcome::declined;
    std::string reason;  ///< The clinical reason when not appropriate.
};

inline constexpr std::size_t kMaxChoices = 50;

/// Checks the choices: ValidationError naming choices, choices[i].item_code (unknown or without a
/// retail alternative, or twice), choices[i].quantity (1 to 100) or choices[i].reason.
void checkSelfPurchaseChoices(Connection& c, const std::vector<SelfPurchaseChoice>& choices);

/// Records the choices of the resident, offered by `actor` (a prescriber of a team serving them;
/// ValidationError naming resident_id otherwise), with the order their other items went on, if
/// any; checked as above; audited `self_purchase.record`.
void recordSelfPurchaseChoices(Connection& c, ResidentId resident,
                               const std::optional<std::string>& orderReference,
                               const std::vector<SelfPurchaseChoice>& choices, const Actor& actor,
                               Instant now);

/// A tally of the choices made in [from, to) (ISO dates) for one district or decile ("unknown"
/// when the postcode has none), or for the whole county (key "all").
struct SelfPurchaseRow {
    std::string key;
    SelfPurchaseTally tally;
};
std::vector<SelfPurchaseRow> selfPurchaseByDistrict(Connection& c, const std::string& from,
                                                    const std::string& to);
std::vector<SelfPurchaseRow> selfPurchaseByDecile(Connection& c, const std::string& from,
                                                  const std::string& to);
SelfPurchaseTally selfPurchaseTotal(Connection& c, const std::string& from, const std::string& to);

/// The items of an order (by reference) whose retail alternative was offered, the alternative
/// and what the resident chose (the tracking page explains the option).
struct OfferedAlternative {
    std::string itemCode;
    std::string itemName;
    RetailAlternative alternative;
    SelfPurchaseOutcome outcome = SelfPurchaseOutcome::declined;
};
std::vector<OfferedAlternative> alternativesOffered(Connection& c, const std::string& reference);

}  // namespace ces::store
