// The organisation over HTTP, for the admin: funders, teams, depots with the districts they
// serve, vans with their crew's shift, and the "before you go live" checklist.

#include <string>

#include "core/errors.h"
#include "core/store/admin/organisation.h"
#include "web/api/routes.h"
#include "web/http/json_body.h"

namespace ces::web {

namespace {

Poco::JSON::Array::Ptr textsJson(const std::vector<std::string>& texts) {
    auto array = jsonArray();
    for (const auto& text : texts) array->add(text);
    return array;
}

Poco::JSON::Object::Ptr funderJson(const store::FunderEntry& funder) {
    auto json = jsonObject();
    json->set("code", funder.code);
    json->set("name", funder.name);
    return json;
}

Poco::JSON::Object::Ptr teamJson(const store::TeamEntry& team) {
    auto json = jsonObject();
    json->set("code", team.code);
    json->set("name", team.name);
    json->set("funder_code", team.funderCode);
    json->set("approval_limit_pence", team.approvalLimit);
    return json;
}

Poco::JSON::Object::Ptr depotJson(const store::DepotEntry& depot) {
    auto json = jsonObject();
    json->set("code", depot.code);
    json->set("name", depot.name);
    json->set("postcode", depot.postcode);
    json->set("districts", textsJson(depot.districts));
    return json;
}

Poco::JSON::Object::Ptr vanJson(const store::VanEntry& van) {
    auto json = jsonObject();
    json->set("code", van.code);
    json->set("depot_code", van.depotCode);
    json->set("capacity_units", van.capacityUnits);
    json->set("shift_start", store::shiftText(van.shiftStartSeconds));
    json->set("shift_end", store::shiftText(van.shiftEndSeconds));
    json->set("skills", textsJson(van.skills));
    json->set("two_person", van.twoPerson);
    json->set("active", van.active);
    return json;
}

template <typename Entry>
Response listed(const char* name, const std::vector<Entry>& entries,
                Poco::JSON::Object::Ptr (*toJson)(const Entry&)) {
    auto array = jsonArray();
    for (const auto& entry : entries) array->add(toJson(entry));
    auto answer = jsonObject();
    answer->set(name, array);
    return jsonResponse(200, answer);
}

store::TeamEntry teamFrom(const std::string& body) {
    auto fields = JsonFields::parse(body);
    fields.allowOnly({"code", "name", "funder_code", "approval_limit_pence"});
    return {fields.text("code"), fields.text("name"), fields.text("funder_code"),
            fields.integer("approval_limit_pence")};
}

store::DepotEntry depotFrom(const std::string& body) {
    auto fields = JsonFields::parse(body);
    fields.allowOnly({"code", "name", "postcode", "districts"});
    return {fields.text("code"), fields.text("name"), fields.text("postcode"),
            fields.texts("districts", false)};
}

store::VanEntry vanFrom(const std::string& body) {
    auto fields = JsonFields::parse(body);
    fields.allowOnly({"code", "depot_code", "capacity_units", "shift_start", "shift_end", "skills",
                      "two_person", "active"});
    store::VanEntry van;
    van.code = fields.text("code");
    van.depotCode = fields.text("depot_code");
    van.capacityUnits = fields.integer("capacity_units");
    van.shiftStartSeconds = store::shiftSeconds(fields.text("shift_start"), "shift_start");
    van.shiftEndSeconds = store::shiftSeconds(fields.text("shift_end"), "shift_end");
    van.skills = fields.texts("skills", false);
    van.twoPerson = fields.optionalBoolean("two_person").value_or(false);
    van.active = fields.optionalBoolean("active").value_or(true);
    return van;
}

// An audited write by the admin, replayed under an Idempotency-Key: the role is checked before
// the body is read.
template <typename Parse, typename Work>
Response adminWrite(App& app, Request& request, int status, Parse parse, Work work) {
    const Actor actor = requireRole(app, request, {Role::admin});
    const auto entry = parse(request.body);
    const store::OrganisationChange change{actor.id, app.now()};
    return idempotentWrite(app, request, actor, [&](store::Connection& c) {
        return jsonResponse(status, work(c, entry, change));
    });
}

store::FunderEntry funderFrom(const std::string& body) {
    auto fields = JsonFields::parse(body);
    fields.allowOnly({"code", "name"});
    return {fields.text("code"), fields.text("name")};
}

template <typename Read>
Response adminRead(App& app, Request& request, Read read) {
    requireRole(app, request, {Role::admin});
    return app.db.read([&](store::Connection& c) { return read(c); });
}

Response readiness(App& app, Request& request) {
    return adminRead(app, request, [](store::Connection& c) {
        auto gaps = jsonArray();
        bool ready = true;
        for (const auto& gap : store::readinessGaps(c)) {
            auto json = jsonObject();
            json->set("key", gap.key);
            json->set("message", gap.message);
            json->set("fix_at", gap.fixAt);
            json->set("warning", gap.warning);
            gaps->add(json);
            ready = ready && gap.warning;
        }
        auto answer = jsonObject();
        answer->set("ready", ready);
        answer->set("gaps", gaps);
        return jsonResponse(200, answer);
    });
}

void addFunderAndTeamRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/funders", [&app](Request& r) {
        return adminRead(app, r, [](store::Connection& c) {
            return listed("funders", store::listFunderEntries(c), &funderJson);
        });
    });
    router.add("POST", "/api/v1/funders", [&app](Request& r) {
        return adminWrite(app, r, 201, &funderFrom,
                          [](store::Connection& c, const auto& funder, const auto& change) {
                              store::addFunder(c, funder, change);
                              return funderJson(funder);
                          });
    });
    router.add("GET", "/api/v1/teams", [&app](Request& r) {
        return adminRead(app, r, [](store::Connection& c) {
            return listed("teams", store::listTeamEntries(c), &teamJson);
        });
    });
    router.add("POST", "/api/v1/teams", [&app](Request& r) {
        return adminWrite(app, r, 201, &teamFrom,
                          [](store::Connection& c, const auto& team, const auto& change) {
                              store::addTeam(c, team, change);
                              return teamJson(*store::findTeamEntry(c, team.code));
                          });
    });
    router.add("PATCH", "/api/v1/teams/{code}", [&app](Request& r) {
        const std::string code = r.pathParams.at("code");
        return adminWrite(app, r, 200, &teamFrom,
                          [&code](store::Connection& c, const auto& team, const auto& change) {
                              store::changeTeam(c, code, team, change);
                              return teamJson(*store::findTeamEntry(c, team.code));
                          });
    });
}

void addDepotAndVanRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/depots", [&app](Request& r) {
        return adminRead(app, r, [](store::Connection& c) {
            return listed("depots", store::listDepotEntries(c), &depotJson);
        });
    });
    router.add("POST", "/api/v1/depots", [&app](Request& r) {
        return adminWrite(app, r, 201, &depotFrom,
                          [](store::Connection& c, const auto& depot, const auto& change) {
                              store::addDepot(c, depot, change);
                              return depotJson(*store::findDepotEntry(c, depot.code));
                          });
    });
    router.add("PATCH", "/api/v1/depots/{code}", [&app](Request& r) {
        const std::string code = r.pathParams.at("code");
        return adminWrite(app, r, 200, &depotFrom,
                          [&code](store::Connection& c, const auto& depot, const auto& change) {
                              store::changeDepot(c, code, depot, change);
                              return depotJson(*store::findDepotEntry(c, depot.code));
                          });
    });
    router.add("GET", "/api/v1/vans", [&app](Request& r) {
        return adminRead(app, r, [](store::Connection& c) {
            return listed("vans", store::listVanEntries(c), &vanJson);
        });
    });
    router.add("POST", "/api/v1/vans", [&app](Request& r) {
        return adminWrite(app, r, 201, &vanFrom,
                          [](store::Connection& c, const auto& van, const auto& change) {
                              store::addVan(c, van, change);
                              return vanJson(*store::findVanEntry(c, van.code));
                          });
    });
    router.add("PATCH", "/api/v1/vans/{code}", [&app](Request& r) {
        const std::string code = r.pathParams.at("code");
        return adminWrite(app, r, 200, &vanFrom,
                          [&code](store::Connection& c, const auto& van, const auto& change) {
                              store::changeVan(c, code, van, change);
                              return vanJson(*store::findVanEntry(c, van.code));
                          });
    });
}

}  // namespace

void addOrganisationRoutes(Router& router, App& app) {
    addFunderAndTeamRoutes(router, app);
    addDepotAndVanRoutes(router, app);
    router.add("GET", "/api/v1/admin/readiness", [&app](Request& r) { return readiness(app, r); });
}

}  // namespace ces::web
