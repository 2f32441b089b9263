#pragma once
// Collections (domain.md): who asked, why, how the equipment comes back (a home visit or a
// drop-off at a collection point) and where the collection is in its life. The text of each
// value is the one the database and the JSON hold.
#include <array>
#include <optional>
#include <string_view>

namespace ces {

/// Why the equipment is coming back.
enum class CollectionReason { no_longer_needed, moved, deceased, faulty, care_home, end_of_loan };

inline constexpr std::array allCollectionReasons{
    CollectionReason::no_longer_needed, CollectionReason::moved,     CollectionReason::deceased,
    CollectionReason::faulty,           CollectionReason::care_home, CollectionReason::end_of_loan};

std::string_view toString(CollectionReason reason);  ///< "no_longer_needed", "moved", ...
std::optional<CollectionReason> parseCollectionReason(std::string_view text);

/// Who asked for a collection.
enum class CollectionRequester { prescriber, resident, warehouse };
std::string_view toString(CollectionRequester requester);  ///< "prescriber", ...
std::optional<CollectionRequester> parseCollectionRequester(std::string_view text);

/// How the equipment comes back: a collection visit, or the resident drops it off.
enum class CollectionMethod { home, drop_off };
std::string_view toString(CollectionMethod method);  ///< "home" or "drop_off".
std::optional<CollectionMethod> parseCollectionMethod(std::string_view text);

/// Open until every item is back (collected) or it is called off (cancelled).
enum class CollectionStatus { requested, collected, cancelled };
std::string_view toString(CollectionStatus status);  ///< "requested", ...
std::optional<CollectionStatus> parseCollectionStatus(std::string_view text);

}  // namespace ces
