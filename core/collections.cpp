#include "core/collections.h"

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<CollectionReason, 6> kReasons{{
    {CollectionReason::no_longer_needed, "no_longer_needed"},
    {CollectionReason::moved, "moved"},
    {CollectionReason::deceased, "deceased"},
    {CollectionReason::faulty, "faulty"},
    {CollectionReason::care_home, "care_home"},
    {CollectionReason::end_of_loan, "end_of_loan"},
}};
constexpr NameTable<CollectionRequester, 3> kRequesters{{
    {CollectionRequester::prescriber, "prescriber"},
    {CollectionRequester::resident, "resident"},
    {CollectionRequester::warehouse, "warehouse"},
}};
constexpr NameTable<CollectionMethod, 2> kMethods{{
    {CollectionMethod::home, "home"},
    {CollectionMethod::drop_off, "drop_off"},
}};
constexpr NameTable<CollectionStatus, 3> kStatuses{{
    {CollectionStatus::requested, "requested"},
    {CollectionStatus::collected, "collected"},
    {CollectionStatus::cancelled, "cancelled"},
}};

}  // namespace

std::string_view toString(CollectionReason reason) { return nameIn(kReasons, reason); }
std::optional<CollectionReason> parseCollectionReason(std::string_view text) {
    return valueIn(kReasons, text);
}
std::string_view toString(CollectionRequester requester) { return nameIn(kRequesters, requester); }
std::optional<CollectionRequester> parseCollectionRequester(std::string_view text) {
    return valueIn(kRequesters, text);
}
std::string_view toString(CollectionMethod method) { return nameIn(kMethods, method); }
std::optional<CollectionMethod> parseCollectionMethod(std::string_view text) {
    return valueIn(kMethods, text);
}
std::string_view toString(CollectionStatus status) { return nameIn(kStatuses, status); }
std::optional<CollectionStatus> parseCollectionStatus(std::string_view text) {
    return valueIn(kStatuses, text);
}

}  // namespace ces
