#pragma once
// The order a prescriber is putting together, step by step, before it is sent. Kept in memory
// per user between the steps of the form (lost on restart, which only means starting again).
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"

namespace ces::web {

struct DraftResident {
    ResidentId id;
    std::string name;
    std::string dateOfBirth;
    std::string postcode;
    std::string district;
    std::string accessNotes;
};

struct DraftLine {
    std::string itemCode;
    std::string name;
    std::int64_t quantity = 0;
};

struct DraftSpecial {
    std::string description;
    std::int64_t estimatedPricePence = 0;
};

struct OrderDraft {
    std::optional<DraftResident> resident;
    std::vector<DraftLine> lines;
    std::vector<DraftSpecial> specials;
    std::string speed;  ///< API name ("next_day", ...); empty until chosen.
    std::string notes;
    bool notesGiven = false;  ///< The delivery-notes step has been answered (even if blank).
};

class OrderDrafts {
  public:
    /// The user's draft, or an empty one.
    OrderDraft get(UserId user) const;
    void put(UserId user, OrderDraft draft);
    /// Removes and answers the user's draft (so one draft is sent at most once).
    std::optional<OrderDraft> take(UserId user);

  private:
    mutable std::mutex mutex_;
    std::map<UserId, OrderDraft> drafts_;
};

}  // namespace ces::web
