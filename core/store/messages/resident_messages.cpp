#include "core/store/messages/resident_messages.h"

#include "core/json_text.h"

namespace ces::store {

namespace {

const char* const kRecipient =
    "SELECT r.id, r.name, r.email, r.mobile, r.contact_channel, r.language, r.contact_name, "
    "r.deceased_on, o.reference, o.tracking_token, t.phone FROM orders o "
    "JOIN residents r ON r.id = o.resident_id JOIN teams t ON t.id = o.team_id WHERE o.id = $1";

std::string fieldsJson(const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::vector<std::string>& flags) {
    std::string json = "{";
    for (const auto& [name, value] : fields) {
        if (json.size() > 1) json += ',';
        json.append(jsonString(name)).append(":").append(jsonString(value));
    }
    for (const auto& flag : flags) {
        if (json.size() > 1) json += ',';
        json.append(jsonString(flag)).append(":true");
    }
    return json + "}";
}

}  // namespace

std::optional<MessageId> messageResident(Connection& c, OrderId order, const ResidentNotice& notice,
                                         Instant now) {
    Rows rows = c.query(kRecipient, {order.value()});
    if (rows.empty() || !rows.isNull(0, 7)) return std::nullopt;
    const auto channel = parseContactChannel(rows.text(0, 4)).value_or(ContactChannel::none);
    const std::string residentName = rows.text(0, 1);
    const std::string contactName = rows.text(0, 6);
    OutboxMessage m;
    switch (channel) {
        case ContactChannel::email:
            m.channel = MessageChannel::email;
            m.recipient = rows.text(0, 2);
            break;
        case ContactChannel::text:
            m.channel = MessageChannel::text;
            m.recipient = rows.text(0, 3);
            break;
        case ContactChannel::letter:
            // A letter arrives days later: it carries bookings, not "today" or "tomorrow".
            if (notice.kind == message_kind::visitTomorrow ||
                notice.kind == message_kind::visitToday || notice.kind == message_kind::vanNext ||
                notice.kind == message_kind::windowMoved) {
                return std::nullopt;
            }
            m.channel = MessageChannel::letter;
            m.recipient = contactName.empty() ? residentName : contactName;
            break;
        case ContactChannel::phone:
        case ContactChannel::none:
            return std::nullopt;
    }
    if (m.recipient.empty()) return std::nullopt;
    m.kind = notice.kind;
    m.entity = notice.entity;
    m.entityId = notice.entityId;
    m.language = parseLanguage(rows.text(0, 5)).value_or(Language::en);
    m.resident = ResidentId(rows.integer(0, 0));
    m.sendAfter = notice.sendAfter;
    auto fields = notice.fields;
    fields.emplace_back("name", contactName.empty() ? residentName : contactName);
    fields.emplace_back("resident", residentName);
    fields.emplace_back("reference", rows.text(0, 8));
    fields.emplace_back("link", "/track/" + rows.text(0, 9));
    fields.emplace_back("team_phone", rows.text(0, 10));
    auto flags = notice.flags;
    if (!contactName.empty()) flags.push_back("for_someone_else");
    m.fields = fieldsJson(fields, flags);
    return queueMessage(c, m, now);
}

}  // namespace ces::store
