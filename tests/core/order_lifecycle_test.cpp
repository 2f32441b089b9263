#include "core/order_lifecycle.h"

#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/errors.h"

using ces::OrderStatus;
using enum ces::OrderStatus;

namespace {

using Move = std::pair<OrderStatus, OrderStatus>;

/// The allowed moves, as listed in design.md, and the countersignature an item needing a
/// competence its prescriber does not hold waits for (issue 15).
const std::set<Move>& allowedMoves() {
    static const std::set<Move> moves{
        {submitted, approved},
        {submitted, awaiting_approval},
        {awaiting_approval, approved},
        {approved, allocated},
        {approved, awaiting_special},
        {awaiting_special, allocated},
        {awaiting_special, approved},
        {allocated, scheduled},
        {scheduled, out_for_delivery},
        {out_for_delivery, delivered},
        {out_for_delivery, failed_visit},
        {failed_visit, scheduled},
        {scheduled, allocated},
        {submitted, cancelled},
        {awaiting_approval, cancelled},
        {approved, cancelled},
        {awaiting_special, cancelled},
        {allocated, cancelled},
        {scheduled, cancelled},
        {failed_visit, cancelled},
        {submitted, awaiting_countersignature},
        {awaiting_countersignature, approved},
        {awaiting_countersignature, awaiting_approval},
        {awaiting_countersignature, cancelled},
        {allocated, approved},  // a safety recall took its stock (issue 15)
        {scheduled, approved},
        {failed_visit, approved},
    };
    return moves;
}

}  // namespace

TEST_CASE("status names round-trip and are snake_case") {
    CHECK(ces::toString(awaiting_approval) == "awaiting_approval");
    CHECK(ces::toString(out_for_delivery) == "out_for_delivery");
    CHECK(ces::toString(failed_visit) == "failed_visit");
    for (OrderStatus status : ces::allOrderStatuses) {
        CHECK(ces::parseOrderStatus(ces::toString(status)) == std::optional{status});
    }
    CHECK_FALSE(ces::parseOrderStatus("Delivered").has_value());
    CHECK_FALSE(ces::parseOrderStatus("out-for-delivery").has_value());
    CHECK_FALSE(ces::parseOrderStatus("").has_value());
    CHECK_FALSE(ces::parseOrderStatus("unknown").has_value());
}

TEST_CASE("every allowed transition is allowed") {
    CHECK(allowedMoves().size() == 27);
    for (const auto& [from, to] : allowedMoves()) {
        CAPTURE(ces::toString(from));
        CAPTURE(ces::toString(to));
        CHECK(ces::canTransition(from, to));
        CHECK_NOTHROW(ces::requireTransition(from, to));
    }
}

TEST_CASE("every other pair is refused with an invalid_transition conflict") {
    int refused = 0;
    for (OrderStatus from : ces::allOrderStatuses) {
        for (OrderStatus to : ces::allOrderStatuses) {
            if (allowedMoves().count({from, to}) != 0) continue;
            CAPTURE(ces::toString(from));
            CAPTURE(ces::toString(to));
            ++refused;
            CHECK_FALSE(ces::canTransition(from, to));
            CHECK_THROWS_AS(ces::requireTransition(from, to), ces::Conflict);
        }
    }
    CHECK(refused == 121 - 27);
}

TEST_CASE("a refused transition names both statuses") {
    try {
        ces::requireTransition(out_for_delivery, cancelled);
        FAIL("expected Conflict");
    } catch (const ces::Conflict& conflict) {
        CHECK(conflict.code() == "invalid_transition");
        CHECK(std::string(conflict.what()) ==
              "cannot move an order from out_for_delivery to cancelled");
    }
}

TEST_CASE("notable refusals") {
    CHECK_FALSE(ces::canTransition(out_for_delivery, cancelled));
    CHECK_FALSE(ces::canTransition(delivered, cancelled));
    CHECK_FALSE(ces::canTransition(cancelled, cancelled));
    CHECK_FALSE(ces::canTransition(submitted, allocated));  // must be approved first
    CHECK_FALSE(ces::canTransition(awaiting_special, delivered));
    CHECK_FALSE(ces::canTransition(failed_visit, out_for_delivery));  // reschedule first
    CHECK_FALSE(ces::canTransition(scheduled, scheduled));
}

TEST_CASE("terminal statuses are delivered and cancelled, and have no way out") {
    for (OrderStatus status : ces::allOrderStatuses) {
        CAPTURE(ces::toString(status));
        const bool terminal = status == delivered || status == cancelled;
        CHECK(ces::isTerminal(status) == terminal);
        bool hasMove = false;
        for (OrderStatus to : ces::allOrderStatuses)
            hasMove = hasMove || ces::canTransition(status, to);
        CHECK(hasMove == !terminal);
    }
}

TEST_CASE("every status has a distinct plain-English description for residents") {
    CHECK(ces::residentDescription(allocated) ==
          "Your equipment is reserved and waiting for a delivery date.");
    std::set<std::string_view> seen;
    for (OrderStatus status : ces::allOrderStatuses) {
        const std::string_view text = ces::residentDescription(status);
        CAPTURE(ces::toString(status));
        CHECK_FALSE(text.empty());
        CHECK(text.find('_') == std::string_view::npos);
        CHECK(seen.insert(text).second);
    }
}
