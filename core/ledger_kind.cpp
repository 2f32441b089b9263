#include "core/ledger_kind.h"

#include "core/vocabulary_names.h"

namespace ces {

namespace {

constexpr NameTable<LedgerKind, 3> kKindNames{{
    {LedgerKind::issue, "issue"},
    {LedgerKind::credit, "credit"},
    {LedgerKind::correction, "correction"},
}};

}  // namespace

std::string_view toString(LedgerKind kind) { return nameIn(kKindNames, kind); }
std::optional<LedgerKind> parseLedgerKind(std::string_view text) {
    return valueIn(kKindNames, text);
}

}  // namespace ces
