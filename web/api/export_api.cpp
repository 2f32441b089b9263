#include <sstream>

#include "core/store/infrastructure/audit.h"
#include "core/store/infrastructure/export.h"
#include "core/store/infrastructure/migrations.h"
#include "web/api/routes.h"

namespace ces::web {

namespace {

// The schema and the list of files; each table is at /api/v1/export/{table}.csv or .json.
Response manifest(App& app, Request& request) {
    requireRole(app, request, {Role::admin});
    std::ostringstream out;
    app.db.read([&](store::Connection& c) {
        store::writeSchemaJson(store::exportSchema(c), store::latestMigration(),
                               formatInstant(app.now()), out);
    });
    Response response;
    response.body = out.str();
    return response;
}

Response tableFile(App& app, Request& request) {
    const Actor actor = requireRole(app, request, {Role::admin});
    std::string name = request.pathParams["file"];
    const bool csv = name.ends_with(".csv");
    if (!csv && !name.ends_with(".json")) throw NotFound("export files end in .csv or .json");
    name.resize(name.size() - (csv ? 4 : 5));
    std::ostringstream out;
    app.db.read([&](store::Connection& c) {
        for (const auto& table : store::exportSchema(c)) {
            if (table.name != name) continue;
            if (csv)
                store::writeTableCsv(c, table, out);
            else
                store::writeTableJson(c, table, out);
            return;
        }
        throw NotFound("no exported table is called " + name);
    });
    app.db.write([&](store::Connection& c) {
        store::audit(c, actor.id, "export.read", "table", name, app.now());
    });
    Response response;
    response.contentType = csv ? "text/csv; charset=utf-8" : "application/json";
    response.body = out.str();
    return response;
}

}  // namespace

void addExportRoutes(Router& router, App& app) {
    router.add("GET", "/api/v1/export", [&app](Request& r) { return manifest(app, r); });
    router.add("GET", "/api/v1/export/{file}", [&app](Request& r) { return tableFile(app, r); });
}

}  // namespace ces::web
