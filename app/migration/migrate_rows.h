#pragma once
// One row of an outgoing provider's file brought in, in the file's write: a resident registered
// for the migrating team, a barcoded unit in a home, or a counted loan. What was skipped, and
// why, goes to the file's report; a bad row throws ValidationError naming our field.
#include <cstddef>
#include <string>
#include <vector>

#include "app/migration/mapping.h"
#include "core/iso_time.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"
#include "warehouse/takeover.h"

namespace ces::migration {

struct RowNote {
    std::size_t line = 0;
    std::string field;
    std::string reason;
};

/// What one file did (or, on a dry run or with bad rows, would have done).
struct FileReport {
    std::string kind;
    std::string file;
    std::size_t read = 0;
    std::size_t created = 0;
    std::vector<RowNote> skipped;  ///< Not brought in, with the reason; the rest is written.
    std::vector<RowNote> bad;      ///< Refused rows: the file writes nothing.
    std::vector<std::string> outsideCounty;  ///< Residents' references.
    std::vector<std::string> unknownItems;   ///< "barcode B: their item X" / "loan L: ...".
    std::size_t inspectionsDue = 0;          ///< Units due (or overdue) for inspection now.
};

/// Everything a row needs: the write, who migrates, the mapping, the takeover of this file.
struct RowContext {
    store::Connection& c;
    const Actor& actor;
    Instant now;
    const Mapping& mapping;
    warehouse::Takeover& takeover;
    FileReport& report;
};

/// Brings in the current row of `file` (of kind residents, assets or loans).
void migrateRow(const MappedFile& file, RowContext& context);

}  // namespace ces::migration
