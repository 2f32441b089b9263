#include <csignal>
#include <functional>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "app/commands/service_jobs.h"
#include "app/demo/demo_county.h"
#include "core/password_rules.h"
#include "core/resource_root.h"
#include "core/secret_box.h"
#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/database.h"
#include "notify/outbox_sender.h"
#include "warehouse/travel_source.h"
#include "web/api/routes.h"
#include "web/http/request_log.h"
#include "web/http/server.h"
#include "web/pages/district_outlines.h"
#include "web/pages/pages.h"

namespace ces::cli {

namespace {

// How often an instance looks for a due background job.
constexpr std::chrono::seconds kJobPoll{5};

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

// The outbox sender with the channels the options configure (none: messages wait in the
// outbox and the admin's page shows them).
std::unique_ptr<notify::OutboxSender> outboxSenderOption(const Options& options,
                                                         store::Database& db,
                                                         const notify::MessageTemplates& templates,
                                                         const std::string& publicUrl,
                                                         const std::function<Instant()>& clock) {
    notify::SenderSettings settings;
    settings.publicUrl = publicUrl;
    settings.lease = std::chrono::seconds(options.number("outbox-lease-seconds", 60, 1, 86400));
    settings.firstRetry =
        std::chrono::seconds(options.number("outbox-retry-seconds", 30, 1, 86400));
    auto sender = std::make_unique<notify::OutboxSender>(db, templates, settings, clock);
    try {
        if (const auto smtp = options.value("smtp-url")) {
            const auto from = options.value("mail-from");
            if (!from) throw UsageError("--smtp-url needs --mail-from ADDRESS");
            sender->useEmail(
                std::make_unique<notify::SmtpChannel>(notify::parseSmtpUrl(*smtp, *from)));
            std::cout << "ces: sending e-mail through " << *smtp << std::endl;
        }
        if (const auto url = options.value("notify-url")) {
            const auto key = options.value("notify-key");
            const auto templateId = options.value("notify-template");
            if (!key || !templateId) {
                throw UsageError("--notify-url needs --notify-key and --notify-template");
            }
            sender->useText(std::make_unique<notify::GovNotifyChannel>(
                notify::NotifySettings{*url, *key, *templateId}));
            std::cout << "ces: sending text messages through GOV.UK Notify at " << *url
                      << std::endl;
        }
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (sender->channels().empty()) {
        std::cout << "ces: no message channel configured: messages wait in the outbox" << std::endl;
    }
    return sender;
}

// The key that seals key-safe codes, from --secrets-key-file; none without the option (the
// service then refuses to keep codes).
std::shared_ptr<const SecretBox> secretsOption(const Options& options) {
    const auto file = options.value("secrets-key-file");
    if (!file) {
        std::cout << "ces: no --secrets-key-file: key-safe codes cannot be kept" << std::endl;
        return nullptr;
    }
    try {
        return std::make_shared<const SecretBox>(SecretBox::fromKeyFile(*file));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

// The service's clock: the system's, or with --clock-from the system's moving on from that
// moment, for a rehearsal or training copy (and tests of a day that has not come yet).
std::function<Instant()> clockOption(const Options& options) {
    const auto from = options.value("clock-from");
    if (!from) return systemNow;
    const auto start = parseInstant(*from);
    if (!start) throw UsageError("--clock-from needs a time like 2026-12-08T09:30:00Z");
    const Instant realStart = systemNow();
    std::cout << "ces: the clock runs from " << formatInstant(*start)
              << " (a rehearsal: never use --clock-from on the live service's database)"
              << std::endl;
    return [start = *start, realStart] { return start + (systemNow() - realStart); };
}

// A CIDR list option (--metrics-allow, --trust-proxy).
web::AddressRanges addressRangesOption(const Options& options, const std::string& name,
                                       const std::string& otherwise) {
    try {
        return web::AddressRanges::parse(options.value(name, otherwise));
    } catch (const std::invalid_argument& e) {
        throw UsageError("--" + name + ": " + e.what());
    }
}

// Where each request's JSON log line goes: --request-log stdout (the default), a file
// (appended to), or off.
std::unique_ptr<web::RequestLog> requestLogOption(const Options& options) {
    const std::string target = options.value("request-log", "stdout");
    if (target == "off") return nullptr;
    if (target == "stdout") return std::make_unique<web::RequestLog>(std::cout);
    try {
        return std::make_unique<web::RequestLog>(target);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--request-log: ") + e.what());
    }
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
    return resourceRoot(CES_SOURCE_DIR) + "/data";
}

int runServe(const std::vector<std::string>& args) {
    Options options(args,
                    {"db",
                     "port",
                     "threads",
                     "geo-dir",
                     "road-graph",
                     "public-url",
                     "smtp-url",
                     "mail-from",
                     "notify-url",
                     "notify-key",
                     "notify-template",
                     "outbox-interval-ms",
                     "outbox-lease-seconds",
                     "outbox-retry-seconds",
                     "clock-from",
                     "secrets-key-file",
                     "metrics-allow",
                     "trust-proxy",
                     "drain-seconds",
                     "request-log",
                     "config",
                     "backup-dir",
                     "backup-keep"},
                    {"print-demo-logins"});
    const std::string path = options.value("db", "var/ces.db");
    const auto port = static_cast<unsigned short>(options.number("port", 8080, 0, 65535));
    const int threads = static_cast<int>(options.number("threads", 64, 2, 1024));
    const auto drainLimit = std::chrono::seconds(options.number("drain-seconds", 20, 0, 3600));

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
    const auto clock = clockOption(options);
    web::App app{db, clock, web::RateLimiter(5, std::chrono::minutes(15)), {}, {}};
    app.metricsAllow = addressRangesOption(options, "metrics-allow", "127.0.0.1/32,::1/128");
    const auto requestLog = requestLogOption(options);
    if (db.dialect() == store::Dialect::postgresql) {
        // Instances behind a balancer share one database: they count failed tries there.
        app.trackingLimiter.shareThrough(db, "tracking");
        app.signInLimiter.shareThrough(db, "sign_in");
    }
    app.dispatch.roads = roads;
    app.districtOutlines = districtOutlinesOption(geoDir);
    app.secrets = secretsOption(options);
    web::Router router;
    web::addApiRoutes(router, app);
    web::addPageRoutes(router, app);
    web::Server server(router, {.port = port,
                                .threads = threads,
                                .observer =
                                    [&app, &requestLog](const web::Request& request, int status,
                                                        std::chrono::nanoseconds took) {
                                        app.metrics->recordRequest(request, status, took);
                                        if (requestLog)
                                            requestLog->write(request, status, took, systemNow());
                                    },
                                .trustedProxies = addressRangesOption(options, "trust-proxy", "")});
    // The handlers read these once the server starts: set them before.
    app.publicUrl =
        options.value("public-url", "http://localhost:" + std::to_string(server.port()));
    auto templates =
        std::make_shared<const notify::MessageTemplates>(notify::messageTemplatesDirectory());
    app.messageTemplates = templates;
    auto sender = outboxSenderOption(options, db, *templates, app.publicUrl, clock);
    app.messageChannels = sender->channels();
    store::JobRunner jobs(db, store::instanceIdentity(), {}, clock);
    addServiceJobs(jobs, app, serviceJobOptions(options, path));
    server.start();
    sender->start(
        std::chrono::milliseconds(options.number("outbox-interval-ms", 1000, 10, 600000)));
    jobs.start(kJobPoll);
    if (options.flag("print-demo-logins")) {
        std::cout << "Demo logins (password is demo- followed by the user name):\n";
        for (const char* user : demo::kDemoUsers) {
            std::cout << "  " << user << " / demo-" << user << "\n";
        }
    }
    std::cout << "ces: listening on http://127.0.0.1:" << server.port() << std::endl;
    waitForStopSignal();
    // Balancers see /health/ready fail; requests in flight finish (and with them their group
    // commit) before the work in the background stops and the store closes.
    app.draining = true;
    std::cout << "ces: stopping: finishing the requests in flight (at most " << drainLimit.count()
              << " s)" << std::endl;
    const bool drained = server.drain(drainLimit);
    sender->stop();
    jobs.stop();
    std::cout << (drained ? "ces: stopped" : "ces: stopped, cutting off requests still running")
              << std::endl;
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
