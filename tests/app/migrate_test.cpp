#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>

#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/database.h"

using namespace ces;

namespace {

struct Run {
    int status = 0;
    std::string output;
};

// Runs the real `ces migrate` and answers its exit status and standard output.
Run migrate(const std::string& source, const std::string& db, const std::string& extra = "") {
    const char* shared = std::getenv("CES_SHARED");
    const std::string geo = std::string(shared ? shared : CES_SHARED_DEFAULT_DIR) + "/data/geo";
    const std::string example = std::string(PROJECT_SOURCE_DIR) + "/data/migration-example";
    const std::string command = std::string(CES_BINARY) + " migrate " + source + " --db " + db +
                                " --mapping " + example + "/mapping.json --team 'Example team'" +
                                " --geo-dir " + geo + " " + extra + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) run.output += buffer.data();
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::int64_t count(store::Database& db, const std::string& sql) {
    return db.read([&](store::Connection& c) { return c.query(sql).integer(0, 0); });
}

}  // namespace

TEST_CASE("ces migrate brings the example residents in once, all of a file or none of it") {
    std::random_device random;
    const auto directory =
        std::filesystem::temp_directory_path() / ("ces-migrate-" + std::to_string(random()));
    std::filesystem::create_directories(directory);
    const std::string dbPath = (directory / "council.db").string();
    {
        store::Database db(dbPath, 1);
        db.write([](store::Connection& c) {
            const auto funder = store::createFunder(c, "KCC", "Example council");
            const auto team = store::createTeam(c, "Example team", funder, 100000, "");
            (void)team;
            store::createUser(c, "admin", "Administrator", Role::admin, std::nullopt,
                              "example-password-1", Instant{});
            return 0;
        });
    }
    const std::string example = std::string(PROJECT_SOURCE_DIR) + "/data/migration-example";
    const std::string residents = "SELECT COUNT(*) FROM residents";

    SUBCASE("a dry run writes nothing") {
        const auto run = migrate(example, dbPath, "--dry-run");
        CHECK(run.status == 0);
        CHECK(run.output.find("6 rows read, 5 would be created") != std::string::npos);
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 0);
    }

    SUBCASE("the example migrates, the outside postcode is reported, a re-run creates nothing") {
        const auto first = migrate(example, dbPath);
        INFO(first.output);
        CHECK(first.status == 0);
        CHECK(first.output.find("6 rows read, 5 created, 1 skipped") != std::string::npos);
        CHECK(first.output.find("outside the county: resident OLD-C006") != std::string::npos);
        {
            store::Database db(dbPath, 1);
            CHECK(count(db, residents) == 5);
            CHECK(count(db,
                        "SELECT COUNT(*) FROM residents WHERE legacy_ref = 'OLD-C001' AND "
                        "district = 'Maidstone' AND date_of_birth = '1938-03-14'") == 1);
        }
        const auto again = migrate(example, dbPath);
        INFO(again.output);
        CHECK(again.output.find("6 rows read, 0 created, 6 skipped") != std::string::npos);
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 5);
    }

    SUBCASE("a file with bad rows writes nothing and lists every bad row") {
        const auto run = migrate(example + "/bad", dbPath);
        INFO(run.output);
        CHECK(run.status == 1);
        CHECK(run.output.find("3 rows read, 0 created") != std::string::npos);
        CHECK(run.output.find("bad line 2, date_of_birth") != std::string::npos);
        CHECK(run.output.find("bad line 4, name") != std::string::npos);
        store::Database db(dbPath, 1);
        CHECK(count(db, residents) == 0);
    }
    std::filesystem::remove_all(directory);
}
