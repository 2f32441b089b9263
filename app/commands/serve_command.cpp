#include <csignal>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "app/demo/demo_county.h"
#include "core/password_rules.h"
#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/database.h"
#include "warehouse/travel_source.h"
#include "web/api/routes.h"
#include "web/http/server.h"
#include "web/pages/district_outlines.h"
#include "web/pages/pages.h"

namespace ces::cli {

namespace {

Instant systemNow() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void waitForStopSignal() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int received = 0;
    sigwait(&signals, &received);
}

// A database with no users (not a demo) starts with one admin whose one-time password is shown
// once: the first sign-in must set a new one.
void createFirstAdmin(store::Database& db) {
    const std::string password = oneTimePassword();
    const bool created = db.write([&](store::Connection& c) {
        if (store::hasUsers(c)) return false;
        const UserId admin = store::createUser(c, "admin", "Service administrator", Role::admin,
                                               std::nullopt, password, systemNow());
        store::requirePasswordChange(c, admin);
        return true;
    });
    if (created) {
        std::cout << "ces: created user admin with password " << password
                  << " (one-time, shown once: write it down; a new one is set at the first "
                     "sign-in)"
                  << std::endl;
    }
}

// The road graph named by --road-graph, loaded once; none without the option.
std::shared_ptr<const warehouse::RoadNetwork> roadNetworkOption(const Options& options,
                                                                const char* command) {
    const auto file = options.value("road-graph");
    if (!file) return nullptr;
    auto roads = warehouse::loadRoadNetwork(*file);
    std::cout << command << ": travel times from "
              << warehouse::describeTravel(roads.get(), routing::FallbackParameters{}) << std::endl;
    return roads;
}

// The district outlines under the planner's route drawings, when the geo folder has them.
std::shared_ptr<const web::DistrictOutlines> districtOutlinesOption(const std::string& geoDir) {
    auto outlines =
        std::make_shared<const web::DistrictOutlines>(web::countyDistrictOutlines(geoDir));
    if (!outlines->districts.empty()) {
        std::cout << "ces: drawing " << outlines->districts.size() << " district outlines ("
                  << outlines->points() << " points)" << std::endl;
    }
    return outlines;
}

}  // namespace

std::string sharedDataDir() {
    if (const char* shared = std::getenv("CES_SHARED"); shared && *shared) {
        return std::string(shared) + "/data";
    }
    return std::string(CES_SOURCE_DIR) + "/../shared/data";
}

std::string repositoryDataDir() {
    if (const char* data = std::getenv("CES_DATA"); data && *data) return data;
    return std::string(CES_SOURCE_DIR) + "/data";
}

int runServe(const std::vector<std::string>& args) {
    Options options(args, {"db", "port", "threads", "geo-dir", "road-graph"},
                    {"print-demo-logins"});
    const std::string path = options.value("db", "var/ces.db");
    const auto port = static_cast<unsigned short>(options.number("port", 8080, 0, 65535));
    const int threads = static_cast<int>(options.number("threads", 64, 2, 1024));

    // Block the stop signals before any thread starts, so only sigwait sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const auto roads = roadNetworkOption(options, "ces");
    store::Database db(path, static_cast<std::size_t>(threads) + 2);
    const std::string geoDir = options.value("geo-dir", sharedDataDir() + "/geo");
    const std::size_t loaded = demo::ensurePostcodes(db, geoDir);
    if (loaded > 0) std::cout << "ces: loaded " << loaded << " postcodes" << std::endl;
    createFirstAdmin(db);
    web::App app{db, systemNow, web::RateLimiter(5, std::chrono::minutes(15)), {}, {}};
    app.dispatch.roads = roads;
    app.districtOutlines = districtOutlinesOption(geoDir);
    web::Router router;
    web::addApiRoutes(router, app);
    web::addPageRoutes(router, app);
    web::Server server(router, port, threads);
    server.start();
    if (options.flag("print-demo-logins")) {
        std::cout << "Demo logins (password is demo- followed by the user name):\n";
        for (const char* user : demo::kDemoUsers) {
            std::cout << "  " << user << " / demo-" << user << "\n";
        }
    }
    std::cout << "ces: listening on http://127.0.0.1:" << server.port() << std::endl;
    waitForStopSignal();
    std::cout << "ces: stopping" << std::endl;
    server.stop();
    return 0;
}

int runDemo(const std::vector<std::string>& args) {
    Options options(args,
                    {"db", "seed", "geo-dir", "data-dir", "residents", "orders", "road-graph"});
    const auto path = options.value("db");
    if (!path) throw UsageError("ces demo needs --db PATH");
    demo::DemoOptions demo;
    demo.seed = static_cast<unsigned>(options.number("seed", 1, 0, 1'000'000'000));
    demo.geoDir = options.value("geo-dir", sharedDataDir() + "/geo");
    demo.dataDir = options.value("data-dir", repositoryDataDir());
    demo.residents = static_cast<int>(options.number("residents", 600, 12, 1'000'000));
    demo.orders = static_cast<int>(options.number("orders", 400, 0, 10'000'000));
    demo.now = systemNow();
    demo.roads = roadNetworkOption(options, "ces demo");
    store::Database db(*path, 2);
    std::cout << "ces demo: building the demo county in " << *path << std::endl;
    demo::createDemoCounty(db, demo, WorkingDayCalendar(),
                           [](const std::string& line) { std::cout << "  " << line << std::endl; });
    std::cout << "ces demo: done" << std::endl;
    return 0;
}

int runCheck(const std::vector<std::string>& args) {
    Options options(args, {"db"});
    const auto path = options.value("db");
    if (!path) throw UsageError("ces check needs --db PATH");
    store::Database db(*path, 1);
    const std::string result = db.integrityCheck();
    std::cout << result << std::endl;
    return result == "ok" ? 0 : 1;
}

}  // namespace ces::cli
