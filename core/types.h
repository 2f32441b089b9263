#pragma once
// Plain records of the service: who acts, what is in the catalogue, residents and orders.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/errors.h"
#include "core/ids.h"
#include "core/item_maintenance.h"
#include "core/money.h"

namespace ces {

/// What a signed-in person may do (domain.md "Users and what they may see").
enum class Role { prescriber, budget_holder, warehouse, planner, driver, commissioner, admin };

std::string_view toString(Role role);                  ///< "prescriber", "budget_holder", ...
std::optional<Role> parseRole(std::string_view text);  ///< The inverse of toString.

/// The signed-in person a request acts for.
struct Actor {
    UserId id;
    std::string username;
    std::string displayName;
    Role role = Role::prescriber;
    std::optional<TeamId> team;  ///< Prescribers and budget holders belong to a team.
};

/// A stock item of the one county catalogue.
struct CatalogueItem {
    std::string code;
    std::string name;
    std::string category;
    Pence pricePence = 0;
    bool serialised = false;       ///< Tracked one by one with a barcode (beds, hoists, chairs).
    bool returnable = true;        ///< False for fitted or small non-returnable aids.
    bool creditEligible = false;   ///< Earns the funder a credit when it passes inspection.
    std::string inspectionRegime;  ///< The catalogue's words, for reading; rules use maintenance.
    ItemMaintenance maintenance;   ///< Regime, interval and skill of its checks in a home.
    int vanSpace = 1;              ///< Van capacity units one item takes.
    bool needsFitting = false;
    bool twoPerson = false;
    bool retired = false;              ///< Takes no new orders; what was lent stays as it is.
    std::string competence = "basic";  ///< What a prescriber must hold to order it.
};

/// A catalogue item as a prescriber sees it: with what is in stock and its equivalents.
struct CatalogueEntry {
    CatalogueItem item;
    std::int64_t available = 0;
    std::vector<std::string> equivalents;
};

/// A close technical equivalent that is in stock now.
struct EquivalentInStock {
    std::string code;
    std::string name;
    std::int64_t available = 0;
};

/// No depot can fill a line; carries the equivalents a prescriber may accept instead.
class OutOfStock : public Conflict {
  public:
    OutOfStock(std::string field, const std::string& message,
               std::vector<EquivalentInStock> equivalents)
        : Conflict("out_of_stock", message),
          field_(std::move(field)),
          equivalents_(std::move(equivalents)) {}
    const std::string& field() const { return field_; }
    const std::vector<EquivalentInStock>& equivalents() const { return equivalents_; }

  private:
    std::string field_;
    std::vector<EquivalentInStock> equivalents_;
};

/// What a prescriber gives to register a resident.
struct NewResident {
    std::string nhsNumber;
    std::string name;
    std::string dateOfBirth;  ///< ISO date, e.g. "1942-05-17".
    std::string addressLine1;
    std::string town;
    std::string postcode;
    std::string phone;
    std::string accessNotes;
    ContactPreferences
        contact{};  ///< How messages reach them (or their carer), and in which language.
};

/// A registered resident (personal data: every read is audited).
struct Resident : NewResident {
    ResidentId id;
    std::string district;
};

/// Where a postcode is and whether the county serves it.
struct PostcodeInfo {
    std::string postcode;
    double lat = 0;
    double lon = 0;
    std::string district;
    bool inCounty = false;
    std::optional<int> imdDecile;
};

}  // namespace ces
