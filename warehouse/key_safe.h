#pragma once
// Key-safe codes (a resident who cannot come to the door gives the code of their key safe): kept
// only with consent, sealed at rest, never in a list, export, log or audit row, and shown only to
// the crew of the van whose route holds a visit to that resident today; every showing is audited.
#include <optional>
#include <string>

#include "core/iso_time.h"
#include "core/secret_box.h"
#include "core/store/infrastructure/connection.h"
#include "core/types.h"

namespace ces::warehouse {

/// Longest code kept.
inline constexpr std::size_t kMaxKeySafeCodeLength = 20;

/// Why `code` cannot be a key-safe code, or nullopt: 1 to 20 letters, digits, spaces or hyphens.
std::optional<std::string> keySafeCodeProblem(const std::string& code);

/// Keeps the code a member of staff recorded with the resident's consent (ValidationError naming
/// key_safe_code or key_safe_consent); audited without the code.
void recordKeySafe(store::Connection& c, ResidentId resident, const std::string& code, bool consent,
                   const SecretBox& box, const Actor& actor, Instant now);
/// Consent withdrawn (by staff, or by the resident through their tracking link when `actor` is
/// nullopt): the code is deleted; audited. False when none was kept.
bool withdrawKeySafe(store::Connection& c, ResidentId resident, std::optional<UserId> actor,
                     Instant now);

/// Whether a code is kept, since when and who recorded it (never the code).
struct KeySafeConsent {
    Instant consentAt;
    std::string recordedBy;
};
std::optional<KeySafeConsent> keySafeConsent(store::Connection& c, ResidentId resident);

/// The code for the driver at `visit`'s stop: Forbidden unless the actor is a driver signed on
/// to the van whose plan for today (UK date) holds the visit, not yet recorded; NotFound when the
/// resident gave no code. Each showing writes an audit row.
std::string showKeySafe(store::Connection& c, VisitId visit, const SecretBox& box,
                        const Actor& actor, Instant now);

}  // namespace ces::warehouse
