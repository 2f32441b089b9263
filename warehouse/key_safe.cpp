#include "warehouse/key_safe.h"

#include <algorithm>

#include "core/errors.h"
#include "core/settings.h"
#include "core/store/dispatch/dispatch.h"
#include "core/store/infrastructure/audit.h"
#include "core/store/residents/key_safes.h"
#include "warehouse/van_sign_on.h"

namespace ces::warehouse {

namespace {

// The sealed code opens only for the resident it was sealed for.
std::string sealedFor(ResidentId resident) {
    return "key_safe:resident:" + std::to_string(resident.value());
}

std::string idOf(ResidentId resident) { return std::to_string(resident.value()); }

}  // namespace

std::optional<std::string> keySafeCodeProblem(const std::string& code) {
    if (code.empty() || code.size() > kMaxKeySafeCodeLength) {
        return "key_safe_code needs 1 to 20 characters";
    }
    const bool allowed = std::all_of(code.begin(), code.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
               ch == ' ' || ch == '-';
    });
    if (!allowed) return "key_safe_code may hold only letters, digits, spaces and hyphens";
    if (code.find_first_not_of(" -") == std::string::npos) {
        return "key_safe_code needs a letter or a digit";
    }
    return std::nullopt;
}

void recordKeySafe(store::Connection& c, ResidentId resident, const std::string& code, bool consent,
                   const SecretBox& box, const Actor& actor, Instant now) {
    if (const auto problem = keySafeCodeProblem(code)) {
        throw ValidationError("key_safe_code", *problem);
    }
    if (!consent) {
        throw ValidationError("key_safe_consent",
                              "key_safe_consent must be true: the resident (or the person who "
                              "speaks for them) agrees that we keep the code");
    }
    store::keepKeySafe(c, resident, box.seal(code, sealedFor(resident)), now, actor.id);
    store::audit(c, actor.id, "resident.key_safe.record", "resident", idOf(resident), now,
                 "consent given; the code is kept sealed");
}

bool withdrawKeySafe(store::Connection& c, ResidentId resident, std::optional<UserId> actor,
                     Instant now) {
    if (!store::deleteKeySafe(c, resident)) return false;
    store::audit(c, actor, "resident.key_safe.withdraw", "resident", idOf(resident), now,
                 actor ? "consent withdrawn; the code is deleted"
                       : "consent withdrawn by the resident through their tracking link; the code "
                         "is deleted");
    return true;
}

std::optional<KeySafeConsent> keySafeConsent(store::Connection& c, ResidentId resident) {
    const auto kept = store::findKeySafe(c, resident);
    if (!kept) return std::nullopt;
    return KeySafeConsent{kept->consentAt, kept->recordedByName};
}

std::string showKeySafe(store::Connection& c, VisitId visitId, const SecretBox& box,
                        const Actor& actor, Instant now) {
    if (actor.role != Role::driver)
        throw Forbidden("only the van's driver may see a key-safe code");
    const auto visit = store::findVisit(c, visitId);
    if (!visit) throw NotFound("no visit has the id " + std::to_string(visitId.value()));
    if (visit->status != VisitStatus::planned || !visit->vanId || !visit->planDate ||
        *visit->planDate != ukDateOf(now)) {
        throw Forbidden("a key-safe code is shown only at a stop still to do on today's route");
    }
    if (!onVanToday(c, actor.id, *visit->vanId, now)) {
        throw Forbidden(
            "a key-safe code is shown only to the crew of the stop's van: sign on to "
            "that van for today first");
    }
    const auto kept = store::findKeySafe(c, visit->resident);
    if (!kept) throw NotFound("the resident has not given a key-safe code");
    const auto code = box.open(kept->sealed, sealedFor(visit->resident));
    if (!code) {
        throw Conflict("key_safe_unreadable",
                       "the code cannot be opened with this service's secrets key");
    }
    store::audit(c, actor.id, "resident.key_safe.show", "resident", idOf(visit->resident), now,
                 "shown to the driver at visit " + std::to_string(visitId.value()));
    return *code;
}

}  // namespace ces::warehouse
