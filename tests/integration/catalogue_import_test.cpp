// The admin's catalogue import over HTTP and on the command line: a dry run reports and writes
// nothing, a bad row writes nothing and is named by line and field, a retired item takes no
// new orders.
#include <doctest/doctest.h>

#include <fstream>

#include "api_requests.h"
#include "harness.h"

using namespace ces::integration;

namespace {

const std::string kHeader =
    "item_code,name,category,sadl_or_cadl,unit_price_gbp,serialised,inspection_regime,notes\n";

bool listed(HttpClient& client, const std::string& code) {
    const Response found = client.get("/api/v1/catalogue?q=" + code);
    REQUIRE(found.status == 200);
    return !objectsIn(found.object(), "items").empty();
}

}  // namespace

TEST_CASE("catalogue import - a dry run reports, the import writes, a retired item is refused") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    HttpClient prescriber = county.signIn("prescriber");
    const std::string file = kHeader + "KCE-NEW-001,Perching stool,Kitchen,,45.00,n,none,\n" +
                             "KCE-MOB-002,Wheeled walking frame,Mobility,,0,n,,\n";

    const Response dry = admin.post("/api/v1/catalogue/import?dry_run=true", file);
    INFO(dry.describe());
    REQUIRE(dry.status == 200);
    CHECK(dry.object()->getValue<long>("created") == 1);
    CHECK(dry.object()->getValue<long>("updated") == 1);
    CHECK(dry.object()->getArray("errors")->size() == 0);
    CHECK_FALSE(listed(admin, "KCE-NEW-001"));

    const Response done = admin.post("/api/v1/catalogue/import", file);
    INFO(done.describe());
    REQUIRE(done.status == 200);
    CHECK(listed(prescriber, "KCE-NEW-001"));

    const Response retire = admin.post("/api/v1/catalogue/import",
                                       "item_code,name,category,unit_price_gbp,serialised,retired\n"
                                       "KCE-NEW-001,Perching stool,Kitchen,45.00,n,y\n");
    INFO(retire.describe());
    REQUIRE(retire.status == 200);
    CHECK(retire.object()->getValue<long>("updated") == 1);
    CHECK_FALSE(listed(prescriber, "KCE-NEW-001"));
    CHECK(listed(admin, "KCE-NEW-001"));

    NhsNumbers numbers;
    const auto resident = createResident(prescriber, residentAt("ME14 1AD", numbers));
    const Response order = prescriber.post(
        "/api/v1/orders", Poco::Dynamic::Var(orderJson(resident.id, "5_day",
                                                       {{"KCE-MOB-002", 1}, {"KCE-NEW-001", 1}})));
    INFO(order.describe());
    checkError(order, 422, "validation", "lines[1].item_code");
}

TEST_CASE("catalogue import - any bad row writes nothing and is named by line and field") {
    DemoCounty county;
    HttpClient admin = county.signIn("admin");
    const Response refused = admin.post(
        "/api/v1/catalogue/import?dry_run=false",
        kHeader + "KCE-NEW-002,Stool,Kitchen,,10,n,,\nKCE-NEW-003,Stool,Kitchen,,ten,n,,\n");
    INFO(refused.describe());
    REQUIRE(refused.status == 422);
    CHECK(refused.errorField() == std::optional<std::string>("unit_price_gbp"));
    const auto errors = objectsIn(refused.object(), "errors");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->getValue<long>("line") == 3);
    CHECK_FALSE(listed(admin, "KCE-NEW-002"));

    checkError(admin.post("/api/v1/catalogue/import?dry_run=maybe", kHeader), 400, "bad_request",
               "dry_run");
    checkError(county.signIn("warehouse").post("/api/v1/catalogue/import", kHeader), 403,
               "forbidden");
    checkError(county.anonymous().post("/api/v1/catalogue/import", kHeader), 401,
               "unauthenticated");
}

TEST_CASE("catalogue import - the command line imports the shared catalogue, dry run first") {
    TempDir dir;
    const std::string db = dir.path() + "/empty.db";
    REQUIRE(runCes({"check", "--db", db}).exit_code == 0);
    const std::string file = std::string(CES_SOURCE_DATA_DIR) + "/catalogue.csv";
    const CommandResult dry = runCes({"catalogue", "import", file, "--db", db, "--dry-run"});
    INFO(dry.output);
    CHECK(dry.exit_code == 0);
    CHECK(dry.output.find("36 created") != std::string::npos);
    const CommandResult done = runCes({"catalogue", "import", file, "--db", db});
    INFO(done.output);
    CHECK(done.exit_code == 0);
    CHECK(done.output.find("36 created") != std::string::npos);
    const CommandResult again = runCes({"catalogue", "import", file, "--db", db});
    CHECK(again.output.find("36 unchanged") != std::string::npos);
}
