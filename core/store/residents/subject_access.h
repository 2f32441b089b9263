#pragma once
// A subject access request: everything the service holds about one person, for the admin, as
// tables of named columns (the same content becomes the JSON document and the printable page),
// and the resident finder of the admin's pages.
#include <optional>
#include <string>
#include <vector>

#include "core/iso_time.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/connection.h"
#include "core/store/infrastructure/paging.h"
#include "core/types.h"

namespace ces::store {

/// One column of a record table: its name, and whether its values are whole numbers.
struct RecordColumn {
    std::string name;
    bool integer = false;
};

/// Rows of one kind of record (orders, loans, ...), each cell NULL, a whole number or text.
struct RecordTable {
    std::string name;
    std::vector<RecordColumn> columns;
    std::vector<std::vector<SqlValue>> rows;
};

/// What the service holds about one resident.
struct SubjectAccess {
    ResidentId resident;
    RecordTable details;              ///< one row: the resident's own details
    std::vector<RecordTable> tables;  ///< teams, orders, order_lines, specials, loans, ...
    std::vector<AuditEntry> audit;    ///< who read or changed their records, newest first
};

/// Everything about the resident, for an admin (Forbidden otherwise; NotFound for an unknown
/// id); the read is audited as resident.subject_access.
SubjectAccess subjectAccess(Connection& c, ResidentId resident, const Actor& actor, Instant now);

/// A resident the admin's finder lists.
struct FoundResident {
    ResidentId id;
    std::string name;
    std::string dateOfBirth;
    std::string addressLine1;
    std::string postcode;
    std::optional<std::string> legacyRef;
    std::optional<std::string> deceasedOn;
};

/// Residents whose name contains `text`, whose postcode starts with it, or whose id or legacy
/// reference is it, by id, a page at a time; for an admin (Forbidden otherwise). Each resident
/// listed is audited as resident.search. ValidationError naming `q` for empty or over-long text.
Page<FoundResident> searchResidents(Connection& c, const std::string& text, const PageRequest& page,
                                    const Actor& actor, Instant now);

}  // namespace ces::store
