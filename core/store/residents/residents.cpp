#include "core/store/residents/residents.h"

#include "core/nhs_number.h"
#include "core/phone.h"
#include "core/postcode.h"
#include "core/store/admin/geography.h"
#include "core/store/infrastructure/audit.h"

namespace ces::store {

namespace {

const char* const kResidentByNhs = "SELECT id, district FROM residents WHERE nhs_number = $1";
const char* const kInsertResident =
    "INSERT INTO residents (nhs_number, name, date_of_birth, address_line1, town, postcode, "
    "district, phone, access_notes, created_at, email, mobile, contact_channel, language, "
    "contact_name, contact_relationship) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16) RETURNING id";
const char* const kLinkTeam =
    "INSERT INTO resident_teams (resident_id, team_id, since) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING";
const char* const kResidentColumns =
    "SELECT id, nhs_number, name, date_of_birth, address_line1, town, postcode, district, phone, "
    "access_notes, email, mobile, contact_channel, language, contact_name, contact_relationship "
    "FROM residents ";
const char* const kUpdateResident =
    "UPDATE residents SET name = $2, address_line1 = $3, town = $4, postcode = $5, district = $6, "
    "phone = $7, access_notes = $8, email = $9, mobile = $10, contact_channel = $11, "
    "language = $12, contact_name = $13, contact_relationship = $14 WHERE id = $1";
const char* const kTeamServes =
    "SELECT 1 FROM resident_teams WHERE team_id = $1 AND resident_id = $2";

constexpr std::size_t kMaxAccessNotesLength = 1000;

std::string required(const std::string& value, const std::string& field, std::size_t maxLength) {
    auto first = value.find_first_not_of(" \t");
    if (first == std::string::npos) throw ValidationError(field, field + " is required");
    auto last = value.find_last_not_of(" \t");
    std::string trimmed = value.substr(first, last - first + 1);
    if (trimmed.size() > maxLength) {
        throw ValidationError(
            field, field + " is longer than " + std::to_string(maxLength) + " characters");
    }
    return trimmed;
}

std::vector<Resident> residentsFrom(const Rows& rows) {
    std::vector<Resident> result;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Resident r;
        r.id = ResidentId(rows.integer(i, 0));
        r.nhsNumber = rows.text(i, 1);
        r.name = rows.text(i, 2);
        r.dateOfBirth = rows.text(i, 3);
        r.addressLine1 = rows.text(i, 4);
        r.town = rows.text(i, 5);
        r.postcode = rows.text(i, 6);
        r.district = rows.text(i, 7);
        r.phone = rows.text(i, 8);
        r.accessNotes = rows.text(i, 9);
        r.contact.email = rows.text(i, 10);
        r.contact.mobile = rows.text(i, 11);
        r.contact.channel = parseContactChannel(rows.text(i, 12)).value_or(ContactChannel::none);
        r.contact.language = parseLanguage(rows.text(i, 13)).value_or(Language::en);
        r.contact.contactName = rows.text(i, 14);
        r.contact.contactRelationship = rows.text(i, 15);
        result.push_back(std::move(r));
    }
    return result;
}

TeamId requireTeam(const Actor& actor) {
    if (!actor.team) throw Forbidden("only members of a prescribing team may do this");
    return *actor.team;
}

/// A known postcode inside the county, normalised; ValidationError naming `postcode` otherwise.
PostcodeInfo countyPostcode(Connection& c, const std::string& text) {
    const auto postcode = normalisePostcode(text);
    if (!postcode) throw ValidationError("postcode", "postcode is not a UK postcode");
    auto place = findPostcode(c, *postcode);
    if (!place) throw ValidationError("postcode", "postcode " + *postcode + " is not known");
    if (!place->inCounty) {
        throw ValidationError(
            "postcode", "postcode " + *postcode + " is outside the county this service covers");
    }
    place->postcode = *postcode;
    return *place;
}

/// A UK phone number normalised, or empty when none is given.
std::string checkedPhone(const std::string& text) {
    if (text.find_first_not_of(" \t") == std::string::npos) return "";
    const auto phone = normaliseUkPhone(text);
    if (!phone) {
        std::string message = "phone must be a UK number of up to ";
        message.append(std::to_string(kMaxPhoneLength)).append(" characters, such as 01622 123456");
        throw ValidationError("phone", message);
    }
    return *phone;
}

/// Records one changed field as `field: "old" -> "new"` for the audit row.
void noteChange(std::string& detail, const std::string& field, const std::string& before,
                const std::string& after) {
    if (before == after) return;
    if (!detail.empty()) detail += "; ";
    detail.append(field)
        .append(": \"")
        .append(before)
        .append("\" -> \"")
        .append(after)
        .append("\"");
}

/// A UK mobile normalised, or empty when none is given.
std::string checkedMobile(const std::string& text) {
    if (text.find_first_not_of(" \t") == std::string::npos) return "";
    const auto mobile = normaliseUkPhone(text);
    if (!mobile || !isUkMobile(*mobile)) {
        throw ValidationError("mobile", "mobile must be a UK mobile number, such as 07700 900123");
    }
    return *mobile;
}

std::string checkedEmail(const std::string& text) {
    if (text.find_first_not_of(" \t") == std::string::npos) return "";
    const auto email = normaliseEmail(text);
    if (!email)
        throw ValidationError("email", "email must be one address, such as name@example.org");
    return *email;
}

std::string optionalWords(const std::string& text, const std::string& field) {
    if (text.find_first_not_of(" \t") == std::string::npos) return "";
    return required(text, field, 100);
}

/// The contact details normalised and consistent; ValidationError naming the field otherwise.
ContactPreferences checkedContact(const ContactPreferences& input) {
    ContactPreferences contact = input;
    contact.email = checkedEmail(input.email);
    contact.mobile = checkedMobile(input.mobile);
    contact.contactName = optionalWords(input.contactName, "contact_name");
    contact.contactRelationship = optionalWords(input.contactRelationship, "contact_relationship");
    if (const auto problem = contactProblem(contact)) {
        throw ValidationError(problem->field, problem->message);
    }
    return contact;
}

/// The contact with the changes asked for applied (not yet checked).
ContactPreferences changedContact(const ContactPreferences& before,
                                  const ResidentChanges& changes) {
    ContactPreferences after = before;
    if (changes.email) after.email = *changes.email;
    if (changes.mobile) after.mobile = *changes.mobile;
    if (changes.channel) after.channel = *changes.channel;
    if (changes.language) after.language = *changes.language;
    if (changes.contactName) after.contactName = *changes.contactName;
    if (changes.contactRelationship) after.contactRelationship = *changes.contactRelationship;
    return after;
}

void noteContactChanges(std::string& detail, const ContactPreferences& before,
                        const ContactPreferences& after) {
    noteChange(detail, "email", before.email, after.email);
    noteChange(detail, "mobile", before.mobile, after.mobile);
    noteChange(detail, "contact_channel", std::string(toString(before.channel)),
               std::string(toString(after.channel)));
    noteChange(detail, "language", std::string(toString(before.language)),
               std::string(toString(after.language)));
    noteChange(detail, "contact_name", before.contactName, after.contactName);
    noteChange(detail, "contact_relationship", before.contactRelationship,
               after.contactRelationship);
}

void storeResident(Connection& c, const Resident& r) {
    c.execute(kUpdateResident,
              {r.id.value(), r.name, r.addressLine1, r.town, r.postcode, r.district, r.phone,
               r.accessNotes, r.contact.email, r.contact.mobile,
               std::string(toString(r.contact.channel)), std::string(toString(r.contact.language)),
               r.contact.contactName, r.contact.contactRelationship});
}

std::string checkedAccessNotes(const std::string& text) {
    if (text.size() > kMaxAccessNotesLength) {
        std::string message = "access_notes is longer than ";
        message.append(std::to_string(kMaxAccessNotesLength)).append(" characters");
        throw ValidationError("access_notes", message);
    }
    return text;
}

}  // namespace

ResidentRegistration registerResident(Connection& c, const NewResident& input, const Actor& actor,
                                      Instant now) {
    const TeamId team = requireTeam(actor);
    NewResident r;
    r.nhsNumber = normaliseNhsNumber(input.nhsNumber, "nhs_number");
    r.name = required(input.name, "name", 200);
    r.dateOfBirth = required(input.dateOfBirth, "date_of_birth", 10);
    const auto born = parseDate(r.dateOfBirth);
    if (!born || std::chrono::sys_days(*born) > std::chrono::floor<std::chrono::days>(now) ||
        born->year() < std::chrono::year(1890)) {
        throw ValidationError("date_of_birth", "date_of_birth must be a past date as YYYY-MM-DD");
    }
    r.addressLine1 = required(input.addressLine1, "address_line1", 200);
    r.town = required(input.town, "town", 100);
    const PostcodeInfo place = countyPostcode(c, input.postcode);
    r.postcode = place.postcode;
    r.phone = checkedPhone(input.phone);
    r.accessNotes = checkedAccessNotes(input.accessNotes);
    r.contact = checkedContact(input.contact);

    Rows existing = c.query(kResidentByNhs, {r.nhsNumber});
    ResidentRegistration result;
    if (!existing.empty()) {
        result = {ResidentId(existing.integer(0, 0)), existing.text(0, 1), true};
    } else {
        result.id = ResidentId(c.insert(
            kInsertResident,
            {r.nhsNumber, r.name, r.dateOfBirth, r.addressLine1, r.town, r.postcode, place.district,
             r.phone, r.accessNotes, formatInstant(now), r.contact.email, r.contact.mobile,
             std::string(toString(r.contact.channel)), std::string(toString(r.contact.language)),
             r.contact.contactName, r.contact.contactRelationship}));
        result.district = place.district;
    }
    c.execute(kLinkTeam, {result.id.value(), team.value(), formatInstant(now)});
    audit(c, actor.id, result.existing ? "resident.link" : "resident.create", "resident",
          std::to_string(result.id.value()), now);
    return result;
}

std::optional<Resident> findResident(Connection& c, ResidentId id) {
    auto found =
        residentsFrom(c.query(std::string(kResidentColumns) + "WHERE id = $1", {id.value()}));
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool teamServesResident(Connection& c, TeamId team, ResidentId resident) {
    return !c.query(kTeamServes, {team.value(), resident.value()}).empty();
}

std::vector<Resident> findResidentsByNhsNumber(Connection& c, const std::string& nhsNumber,
                                               const Actor& actor, Instant now) {
    const TeamId team = requireTeam(actor);
    const std::string digits = normaliseNhsNumber(nhsNumber, "nhs_number");
    auto found = residentsFrom(
        c.query(std::string(kResidentColumns) +
                    "WHERE nhs_number = $1 AND id IN (SELECT resident_id FROM resident_teams "
                    "WHERE team_id = $2)",
                {digits, team.value()}));
    for (const auto& r : found) {
        audit(c, actor.id, "resident.search", "resident", std::to_string(r.id.value()), now);
    }
    return found;
}

Resident readResident(Connection& c, ResidentId id, const Actor& actor, Instant now) {
    const TeamId team = requireTeam(actor);
    auto resident = findResident(c, id);
    if (!resident || !teamServesResident(c, team, id)) {
        throw NotFound("no resident with that id is served by your team");
    }
    audit(c, actor.id, "resident.read", "resident", std::to_string(id.value()), now);
    return *resident;
}

void requireResidentChanger(Connection& c, ResidentId id, const Actor& actor) {
    if (actor.role == Role::admin) return;
    const TeamId team = requireTeam(actor);
    if (findResident(c, id) && !teamServesResident(c, team, id)) {
        throw Forbidden("only a team that serves this resident may change their details");
    }
}

Resident changeResident(Connection& c, ResidentId id, const ResidentChanges& changes,
                        const Actor& actor, Instant now) {
    requireResidentChanger(c, id, actor);
    auto found = findResident(c, id);
    if (!found) throw NotFound("no resident has the id " + std::to_string(id.value()));
    Resident after = *found;
    if (changes.name) after.name = required(*changes.name, "name", 200);
    if (changes.addressLine1) {
        after.addressLine1 = required(*changes.addressLine1, "address_line1", 200);
    }
    if (changes.town) after.town = required(*changes.town, "town", 100);
    if (changes.postcode) {
        const PostcodeInfo place = countyPostcode(c, *changes.postcode);
        after.postcode = place.postcode;
        after.district = place.district;
    }
    if (changes.phone) after.phone = checkedPhone(*changes.phone);
    if (changes.accessNotes) after.accessNotes = checkedAccessNotes(*changes.accessNotes);
    after.contact = checkedContact(changedContact(found->contact, changes));
    const Resident& before = *found;
    std::string detail;
    noteChange(detail, "name", before.name, after.name);
    noteChange(detail, "address_line1", before.addressLine1, after.addressLine1);
    noteChange(detail, "town", before.town, after.town);
    noteChange(detail, "postcode", before.postcode, after.postcode);
    noteChange(detail, "district", before.district, after.district);
    noteChange(detail, "phone", before.phone, after.phone);
    noteChange(detail, "access_notes", before.accessNotes, after.accessNotes);
    noteContactChanges(detail, before.contact, after.contact);
    if (detail.empty()) return after;
    storeResident(c, after);
    audit(c, actor.id, "resident.change", "resident", std::to_string(id.value()), now, detail);
    return after;
}

Resident changeContact(Connection& c, ResidentId id, const ResidentChanges& changes,
                       std::optional<UserId> actor, Instant now) {
    auto found = findResident(c, id);
    if (!found) throw NotFound("no resident has the id " + std::to_string(id.value()));
    Resident after = *found;
    after.contact = checkedContact(changedContact(found->contact, changes));
    std::string detail;
    noteContactChanges(detail, found->contact, after.contact);
    if (detail.empty()) return after;
    storeResident(c, after);
    audit(c, actor, "resident.contact", "resident", std::to_string(id.value()), now, detail);
    return after;
}

}  // namespace ces::store
