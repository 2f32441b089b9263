#include "core/store/residents/subject_access.h"

#include <algorithm>
#include <cctype>

#include "core/errors.h"
#include "core/postcode.h"

namespace ces::store {

namespace {

struct TableQuery {
    const char* name;
    std::vector<RecordColumn> columns;
    const char* sql;  ///< $1 is the resident's id
};

const char* const kDetails =
    "SELECT id, nhs_number, name, date_of_birth, address_line1, town, postcode, district, phone, "
    "access_notes, legacy_ref, deceased_on, created_at, email, mobile, contact_channel, language, "
    "contact_name, contact_relationship FROM residents WHERE id = $1";

const std::vector<TableQuery>& tableQueries() {
    static const std::vector<TableQuery> queries{
        {"teams",
         {{"team"}, {"since"}},
         "SELECT t.name, rt.since FROM resident_teams rt JOIN teams t ON t.id = rt.team_id "
         "WHERE rt.resident_id = $1 ORDER BY t.name"},
        {"orders",
         {{"reference"},
          {"status"},
          {"speed"},
          {"team"},
          {"prescriber"},
          {"notes"},
          {"total_pence", true},
          {"created_at"},
          {"approved_at"},
          {"due_by"},
          {"delivered_at"}},
         "SELECT o.reference, o.status, o.speed, t.name, u.username, o.notes, o.total_pence, "
         "o.created_at, o.approved_at, o.due_by, o.delivered_at FROM orders o "
         "JOIN teams t ON t.id = o.team_id JOIN users u ON u.id = o.prescriber_id "
         "WHERE o.resident_id = $1 ORDER BY o.id"},
        {"order_lines",
         {{"order_reference"},
          {"item_code"},
          {"item_name"},
          {"quantity", true},
          {"unit_price_pence", true}},
         "SELECT o.reference, l.item_code, i.name, l.quantity, l.unit_price_pence "
         "FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN items i ON i.code = "
         "l.item_code WHERE o.resident_id = $1 ORDER BY l.id"},
        {"specials",
         {{"order_reference"},
          {"description"},
          {"estimated_price_pence", true},
          {"status"},
          {"requested_at"}},
         "SELECT o.reference, s.description, s.estimated_price_pence, s.status, s.requested_at "
         "FROM specials s JOIN orders o ON o.id = s.order_id WHERE o.resident_id = $1 "
         "ORDER BY s.id"},
        {"loans",
         {{"id", true},
          {"order_reference"},
          {"item_code"},
          {"item_name"},
          {"quantity", true},
          {"returned_quantity", true},
          {"started_at"},
          {"ended_at"}},
         "SELECT l.id, o.reference, l.item_code, i.name, l.quantity, l.returned_quantity, "
         "l.started_at, l.ended_at FROM loans l JOIN order_lines ol ON ol.id = l.order_line_id "
         "JOIN orders o ON o.id = ol.order_id JOIN items i ON i.code = l.item_code "
         "WHERE l.resident_id = $1 ORDER BY l.id"},
        {"assets",
         {{"barcode"},
          {"item_code"},
          {"description"},
          {"state"},
          {"last_inspected_at"},
          {"next_inspection_due"}},
         "SELECT a.barcode, a.item_code, a.description, a.state, a.last_inspected_at, "
         "a.next_inspection_due FROM assets a WHERE a.resident_id = $1 OR a.loan_id IN "
         "(SELECT id FROM loans WHERE resident_id = $1) ORDER BY a.id"},
        {"visits",
         {{"id", true},
          {"kind"},
          {"status"},
          {"order_reference"},
          {"due_date"},
          {"slot_start_seconds", true},
          {"slot_end_seconds", true},
          {"plan_date"},
          {"outcome"},
          {"failure_reason"},
          {"notes"},
          {"completed_at"}},
         "SELECT v.id, v.kind, v.status, o.reference, v.due_date, v.slot_start_seconds, "
         "v.slot_end_seconds, v.plan_date, v.outcome, v.failure_reason, v.notes, v.completed_at "
         "FROM visits v LEFT JOIN orders o ON o.id = v.order_id WHERE v.resident_id = $1 "
         "ORDER BY v.id"},
        {"collections",
         {{"reference"},
          {"order_reference"},
          {"reason"},
          {"status"},
          {"method"},
          {"requested_by_role"},
          {"requested_at"},
          {"due_by"},
          {"completed_at"},
          {"notes"}},
         "SELECT k.reference, o.reference, k.reason, k.status, k.method, k.requested_by_role, "
         "k.requested_at, k.due_by, k.completed_at, k.notes FROM collections k "
         "LEFT JOIN orders o ON o.id = k.order_id WHERE k.resident_id = $1 ORDER BY k.id"},
        {"messages",
         {{"created_at"}, {"channel"}, {"kind"}, {"recipient"}, {"subject"}, {"body"}, {"sent_at"}},
         "SELECT m.created_at, m.channel, m.kind, m.recipient, m.subject, m.body, m.sent_at "
         "FROM outbox m WHERE m.resident_id = $1 OR (m.entity = 'order' AND m.entity_id IN "
         "(SELECT reference FROM orders WHERE resident_id = $1)) OR (m.entity = 'resident' AND "
         "m.entity_id = $2) ORDER BY m.id"},
    };
    return queries;
}

RecordTable tableOf(const std::string& name, const std::vector<RecordColumn>& columns,
                    const Rows& rows) {
    RecordTable table{name, columns, {}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<SqlValue> row;
        for (std::size_t j = 0; j < columns.size(); ++j) {
            if (rows.isNull(i, j)) {
                row.emplace_back(std::monostate{});
            } else if (columns[j].integer) {
                row.emplace_back(rows.integer(i, j));
            } else {
                row.emplace_back(rows.text(i, j));
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

void requireAdmin(const Actor& actor) {
    if (actor.role != Role::admin) throw Forbidden("only an admin may do this");
}

const char* const kSearch =
    "SELECT id, name, date_of_birth, address_line1, postcode, legacy_ref, deceased_on "
    "FROM residents WHERE id > $1 AND (LOWER(name) LIKE $2 OR REPLACE(postcode, ' ', '') "
    "LIKE $3 OR CAST(id AS TEXT) = $4 OR legacy_ref = $4) ORDER BY id LIMIT $5";

constexpr std::size_t kMaxSearchLength = 100;

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return text;
}

// LIKE's own characters in the text are taken literally by dropping them.
std::string likeSafe(const std::string& text) {
    std::string safe;
    for (char ch : text) {
        if (ch != '%' && ch != '_' && ch != '\\') safe += ch;
    }
    return safe;
}

}  // namespace

SubjectAccess subjectAccess(Connection& c, ResidentId resident, const Actor& actor, Instant now) {
    requireAdmin(actor);
    const std::vector<RecordColumn> detailColumns{{"id", true},
                                                  {"nhs_number"},
                                                  {"name"},
                                                  {"date_of_birth"},
                                                  {"address_line1"},
                                                  {"town"},
                                                  {"postcode"},
                                                  {"district"},
                                                  {"phone"},
                                                  {"access_notes"},
                                                  {"legacy_ref"},
                                                  {"deceased_on"},
                                                  {"created_at"},
                                                  {"email"},
                                                  {"mobile"},
                                                  {"contact_channel"},
                                                  {"language"},
                                                  {"contact_name"},
                                                  {"contact_relationship"}};
    SubjectAccess found;
    found.resident = resident;
    found.details = tableOf("resident", detailColumns, c.query(kDetails, {resident.value()}));
    if (found.details.rows.empty()) {
        throw NotFound("no resident has the id " + std::to_string(resident.value()));
    }
    const std::string idText = std::to_string(resident.value());
    for (const auto& q : tableQueries()) {
        const bool twoParams = std::string(q.sql).find("$2") != std::string::npos;
        found.tables.push_back(tableOf(q.name, q.columns,
                                       twoParams ? c.query(q.sql, {resident.value(), idText})
                                                 : c.query(q.sql, {resident.value()})));
    }
    // Every page of the resident's audit rows; the read below is written after them.
    AuditFilter filter;
    filter.resident = resident;
    PageRequest page;
    page.limit = 1000;
    for (;;) {
        auto rows = listAudit(c, filter, page);
        found.audit.insert(found.audit.end(), rows.items.begin(), rows.items.end());
        if (!rows.next) break;
        page.after = rows.next;
    }
    audit(c, actor.id, "resident.subject_access", "resident", idText, now);
    return found;
}

Page<FoundResident> searchResidents(Connection& c, const std::string& text, const PageRequest& page,
                                    const Actor& actor, Instant now) {
    requireAdmin(actor);
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) throw ValidationError("q", "enter a name, postcode or id");
    if (text.size() > kMaxSearchLength) {
        throw ValidationError(
            "q", "the search is longer than " + std::to_string(kMaxSearchLength) + " characters");
    }
    const std::string trimmed = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    std::string compact;
    for (char ch : trimmed) {
        if (ch != ' ') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    std::string anywhere = "%";
    anywhere.append(lowered(likeSafe(trimmed))).append("%");
    std::string starting = likeSafe(compact);
    starting.append("%");
    Rows rows =
        c.query(kSearch, {cursorParam(page), anywhere, starting, trimmed, fetchLimit(page)});
    std::vector<FoundResident> found;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        found.push_back({ResidentId(rows.integer(i, 0)), rows.text(i, 1), rows.text(i, 2),
                         rows.text(i, 3), rows.text(i, 4), rows.optionalText(i, 5),
                         rows.optionalText(i, 6)});
    }
    auto result =
        pageOf(std::move(found), page, [](const FoundResident& r) { return r.id.value(); });
    for (const auto& r : result.items) {
        audit(c, actor.id, "resident.search", "resident", std::to_string(r.id.value()), now);
    }
    return result;
}

}  // namespace ces::store
