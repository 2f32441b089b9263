#include "web/policies.h"

namespace ces::web {

namespace {

int asInt(std::int64_t value) { return static_cast<int>(value); }

}  // namespace

CollectionRules collectionRulesOf(const Settings& settings) {
    CollectionRules rules;
    rules.workingDays = asInt(settings.collectionWorkingDays);
    rules.urgentWorkingDays = asInt(settings.urgentCollectionWorkingDays);
    return rules;
}

warehouse::SpecialsPolicy specialsPolicyOf(const Settings& settings) {
    warehouse::SpecialsPolicy policy;
    policy.approvalThresholdPence = settings.specialsApprovalThresholdPence;
    policy.target = std::chrono::weeks(settings.specialsTargetWeeks);
    return policy;
}

warehouse::MaintenancePolicy maintenancePolicyOf(const Settings& settings) {
    warehouse::MaintenancePolicy policy;
    policy.lolerMonths = asInt(settings.lolerMonths);
    policy.electricalMonths = asInt(settings.patMonths);
    return policy;
}

EmergencyPolicy emergencyPolicyOf(const Settings& settings) {
    EmergencyPolicy policy;
    policy.cutOff = std::chrono::hours(settings.emergencyCutOffHour);
    policy.window = std::chrono::hours(settings.emergencyWindowHours);
    policy.lateDueAt = std::chrono::hours(settings.lateEmergencyDueHour);
    return policy;
}

warehouse::SlotPolicy slotPolicyOf(const Settings& settings) {
    warehouse::SlotPolicy policy;
    policy.emergency = emergencyPolicyOf(settings);
    policy.dayStartSeconds = asInt(settings.slotDayStartHour) * 3600;
    policy.dayEndSeconds = asInt(settings.slotDayEndHour) * 3600;
    policy.slotSeconds = asInt(settings.slotLengthMinutes) * 60;
    return policy;
}

kpi::CarbonFactors carbonFactorsOf(const Settings& settings) {
    kpi::CarbonFactors factors;
    factors.kgCo2PerKgReused = settings.kgCo2PerKgReused;
    factors.defaultWeightKg = settings.defaultItemWeightKg;
    return factors;
}

store::ReportContext reportContextOf(const Settings& settings) {
    store::ReportContext context;
    context.carbon = carbonFactorsOf(settings);
    context.specialsTarget = std::chrono::weeks(settings.specialsTargetWeeks);
    context.laterTargets = settings.laterCouncilTargets;
    return context;
}

WorkingDayCalendar calendarOf(const Settings& settings) {
    return WorkingDayCalendar(settings.extraBankHolidays);
}

std::chrono::hours sessionLifetimeOf(const Settings& settings) {
    return std::chrono::hours(settings.sessionHours);
}

}  // namespace ces::web
