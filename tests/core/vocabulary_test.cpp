#include <doctest/doctest.h>

#include <chrono>
#include <optional>

#include "core/iso_time.h"
#include "core/ledger_kind.h"

using ces::LedgerKind;

TEST_CASE("ledger kinds read back from the words the ledger stores") {
    CHECK(ces::toString(LedgerKind::issue) == "issue");
    CHECK(ces::toString(LedgerKind::credit) == "credit");
    CHECK(ces::toString(LedgerKind::correction) == "correction");
    for (LedgerKind kind : {LedgerKind::issue, LedgerKind::credit, LedgerKind::correction}) {
        CHECK(ces::parseLedgerKind(ces::toString(kind)) == std::optional{kind});
    }
    CHECK_FALSE(ces::parseLedgerKind("Credit").has_value());
    CHECK_FALSE(ces::parseLedgerKind("").has_value());
}

TEST_CASE("the UTC month of an instant, as the ledger's month column holds it") {
    using namespace std::chrono;
    const auto newYearsEve = *ces::parseInstant("2025-12-31T23:59:59Z");
    CHECK(ces::utcMonth(newYearsEve) == 2025y / December);
    CHECK(ces::formatMonth(ces::utcMonth(newYearsEve)) == "2025-12");
    CHECK(ces::formatMonth(ces::utcMonth(newYearsEve + seconds(1))) == "2026-01");
    CHECK(ces::formatMonth(2026y / March) == "2026-03");
}
