#pragma once
// The one place where the settings in force become the rules' own policy structs, so core/ and
// warehouse/ keep taking plain policies and never read the settings table.
#include <chrono>

#include "core/calendar.h"
#include "core/collection_rules.h"
#include "core/due_dates.h"
#include "core/kpis.h"
#include "core/settings.h"
#include "core/store/reports/reports.h"
#include "warehouse/delivery_slots.h"
#include "warehouse/maintenance.h"
#include "warehouse/specials.h"

namespace ces::web {

CollectionRules collectionRulesOf(const Settings& settings);
warehouse::SpecialsPolicy specialsPolicyOf(const Settings& settings);
warehouse::MaintenancePolicy maintenancePolicyOf(const Settings& settings);
/// The emergency cut-off, window and next-day due time in force.
EmergencyPolicy emergencyPolicyOf(const Settings& settings);
/// Slot hours and length, and the emergency rules a same-day slot must meet.
warehouse::SlotPolicy slotPolicyOf(const Settings& settings);
kpi::CarbonFactors carbonFactorsOf(const Settings& settings);
/// A report context with the carbon factors, specials target and later council targets in
/// force (period and now left for the caller).
store::ReportContext reportContextOf(const Settings& settings);
/// England and Wales' bank holidays plus the extra ones in force.
WorkingDayCalendar calendarOf(const Settings& settings);
/// How long a new sign-in lasts.
std::chrono::hours sessionLifetimeOf(const Settings& settings);

}  // namespace ces::web
