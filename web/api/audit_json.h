#pragma once
// One audit row as the API answers it, the same in the audit viewer and in a subject access
// document.
#include "core/store/infrastructure/audit.h"
#include "web/http/exchange.h"

namespace ces::web {

inline Poco::JSON::Object::Ptr auditEntryJson(const store::AuditEntry& e) {
    auto json = jsonObject();
    json->set("id", e.id);
    json->set("at", e.at);
    json->set("user", e.username ? Poco::Dynamic::Var(*e.username) : Poco::Dynamic::Var());
    json->set("action", e.action);
    json->set("entity", e.entity);
    json->set("entity_id", e.entityId);
    json->set("detail", e.detail);
    return json;
}

}  // namespace ces::web
