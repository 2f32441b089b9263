#pragma once
// Strong id types: an id is not a number to add to, and a ResidentId is not an OrderId.
#include <compare>
#include <cstdint>
#include <functional>

namespace ces {

template <class Tag>
class Id {
  public:
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t value) : value_(value) {}
    constexpr std::int64_t value() const { return value_; }  ///< The database row id.
    constexpr bool valid() const { return value_ > 0; }
    friend constexpr auto operator<=>(const Id&, const Id&) = default;

  private:
    std::int64_t value_ = 0;
};

using ResidentId = Id<struct ResidentTag>;
using OrderId = Id<struct OrderTag>;
using UserId = Id<struct UserTag>;
using TeamId = Id<struct TeamTag>;
using FunderId = Id<struct FunderTag>;
using DepotId = Id<struct DepotTag>;
using LoanId = Id<struct LoanTag>;
using OrderLineId = Id<struct OrderLineTag>;
using AssetId = Id<struct AssetTag>;
using SpecialId = Id<struct SpecialTag>;
using LedgerEntryId = Id<struct LedgerEntryTag>;
using CollectionId = Id<struct CollectionTag>;
using VisitId = Id<struct VisitTag>;
using VanId = Id<struct VanTag>;
using CrewId = Id<struct CrewTag>;
/// A "phone the prescriber" task.
using TaskId = Id<struct TaskTag>;
using RecallId = Id<struct RecallTag>;

}  // namespace ces

template <class Tag>
struct std::hash<ces::Id<Tag>> {
    std::size_t operator()(const ces::Id<Tag>& id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
