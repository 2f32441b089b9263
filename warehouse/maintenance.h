#pragma once
// Planned maintenance of equipment in homes (domain.md): hoists, slings and bath lifts have a
// LOLER thorough examination every 6 months by a lifting engineer; electrical items (beds,
// mattress pumps, riser chairs, powered chairs) a PAT test and service every 12 months. Each
// catalogue item carries its regime, interval and skill (CatalogueItem::maintenance); the
// policy gives a regime's standard figures when a catalogue is loaded, and a single item's
// interval may be overridden.
#include <map>
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/types.h"

namespace ces::warehouse {

/// How often each kind of item is inspected; 0 months means no planned inspection.
struct MaintenancePolicy {
    int lolerMonths = 6;        ///< Lifting Operations and Lifting Equipment Regulations 1998.
    int electricalMonths = 12;  ///< PAT test and service of electrical items.
    int serviceMonths = 12;     ///< Planned annual service of non-electrical items (wheelchairs).
    std::map<std::string, int> itemOverrides;  ///< item code -> months (0 = none).

    /// A regime's standard interval and skill: LOLER checks need a lifting engineer.
    ItemMaintenance standard(MaintenanceRegime regime) const;

    /// The item's interval: overridden by item code, else its catalogue interval capped by its
    /// regime's interval in force (a council that shortens LOLER shortens every hoist's).
    int intervalMonths(const CatalogueItem& item) const;
};

/// `from` plus whole calendar months; a day past the month's end becomes its last day
/// (31 August + 6 months = 28 or 29 February).
Instant addMonths(Instant from, int months);

/// When the next inspection is due after one at `lastInspected`; nullopt when none is planned.
std::optional<Instant> nextInspectionDue(Instant lastInspected, int intervalMonths);

/// True when an inspection was due before `now` (an overdue asset may not be issued again).
bool isOverdue(const std::optional<Instant>& due, Instant now);

}  // namespace ces::warehouse
