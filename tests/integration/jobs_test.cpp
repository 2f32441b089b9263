// Background jobs (issue 16): claims, leases and take-over on the test's store (SQLite, and
// PostgreSQL with FOR UPDATE SKIP LOCKED) through two store instances as two `ces serve` would
// hold them; a run left by a killed instance finished once by a real server; the nightly backup
// and a restore drill; the admin's page and endpoint.
#include "core/store/jobs/jobs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "api_requests.h"
#include "core/errors.h"
#include "core/store/admin/accounts.h"
#include "core/store/infrastructure/backup.h"
#include "core/store/infrastructure/backup_rotation.h"
#include "core/store/infrastructure/database.h"
#include "core/store/infrastructure/idempotency.h"
#include "core/store/infrastructure/retention.h"
#include "core/store/jobs/job_runner.h"
#include "harness.h"
#include "page_browser.h"

using namespace ces;
using namespace ces::integration;
using namespace std::chrono_literals;

namespace fs = std::filesystem;

namespace {

Instant at(const char* text) { return *parseInstant(text); }

/// A clock the test moves; shared by both instances, as one wall clock would be.
class TestClock {
  public:
    explicit TestClock(Instant start) : now_(start) {}
    Instant now() const {
        std::lock_guard lock(mutex_);
        return now_;
    }
    void set(Instant now) {
        std::lock_guard lock(mutex_);
        now_ = now;
    }
    std::function<Instant()> function() {
        return [this] { return now(); };
    }

  private:
    mutable std::mutex mutex_;
    Instant now_;
};

store::JobRecord jobNamed(store::Database& db, const std::string& name) {
    const auto job = db.read([&](store::Connection& c) { return store::findJob(c, name); });
    REQUIRE(job);
    return *job;
}

std::optional<store::JobRecord> claim(store::Database& db, const std::string& name,
                                      const std::string& owner, Instant now,
                                      std::chrono::seconds lease) {
    return db.write(
        [&](store::Connection& c) { return store::claimDueJob(c, {name}, owner, now, lease); });
}

}  // namespace

TEST_CASE("a job claimed by an instance that died is taken over once its lease runs out") {
    EmptyDatabase empty;
    TestClock clock(at("2026-12-07T09:00:00Z"));
    store::Database first(empty.location(), 2);
    store::Database second(empty.location(), 2);
    std::atomic<int> ran{0};
    const store::BackgroundJob counting{"count", JobSchedule::interval(10min),
                                        [&] {
                                            ++ran;
                                            return std::string("counted");
                                        },
                                        "counts its runs"};
    store::JobRunner a(first, "host-a:101:aaaa", {60s, {}}, clock.function());
    store::JobRunner b(second, "host-b:202:bbbb", {60s, {}}, clock.function());
    a.add(counting);
    b.add(counting);
    a.registerJobs();
    b.registerJobs();  // the second registration changes nothing
    CHECK(jobNamed(second, "count").nextRunAt == clock.now());

    // Instance a claims the run and dies before it runs the work or records anything.
    const auto claimed = claim(first, "count", a.owner(), clock.now(), 60s);
    REQUIRE(claimed);
    CHECK(claimed->attempts == 1);
    CHECK(jobNamed(second, "count").runningAt(clock.now()));

    CHECK_FALSE(b.runOnce());  // a's lease holds
    clock.set(at("2026-12-07T09:00:59Z"));
    CHECK_FALSE(b.runOnce());
    clock.set(at("2026-12-07T09:01:00Z"));  // the lease has run out
    const auto run = b.runOnce();
    REQUIRE(run);
    CHECK(run->name == "count");
    CHECK(run->succeeded);
    CHECK(run->recorded);
    CHECK(ran == 1);

    // a comes back to life and tries to record its run: the job is no longer its own.
    store::JobOutcome late;
    late.startedAt = at("2026-12-07T09:00:00Z");
    late.finishedAt = at("2026-12-07T09:01:30Z");
    late.nextRunAt = late.finishedAt;
    CHECK_FALSE(first.write(
        [&](store::Connection& c) { return store::finishJob(c, "count", a.owner(), late); }));

    const auto job = jobNamed(first, "count");
    CHECK(job.runs == 1);
    CHECK(job.failures == 0);
    CHECK(job.attempts == 0);
    CHECK(job.lastOwner == std::optional<std::string>("host-b:202:bbbb"));
    CHECK(job.lastResult == std::optional<std::string>("ok"));
    CHECK(job.lastMessage == "counted");
    CHECK_FALSE(job.leaseOwner);
    CHECK(job.nextRunAt == at("2026-12-07T09:11:00Z"));
    CHECK_FALSE(a.runOnce());
    CHECK_FALSE(b.runOnce());
    CHECK(ran == 1);
}

TEST_CASE("two instances claiming at the same moment never both run a job") {
    EmptyDatabase empty;
    TestClock clock(at("2026-12-07T09:00:00Z"));
    store::Database first(empty.location(), 2);
    store::Database second(empty.location(), 2);
    std::atomic<int> running{0};
    std::atomic<int> overlaps{0};
    std::atomic<int> ran{0};
    const store::BackgroundJob slow{"slow", JobSchedule::interval(1min),
                                    [&] {
                                        if (++running > 1) ++overlaps;
                                        std::this_thread::sleep_for(100ms);
                                        --running;
                                        ++ran;
                                        return std::string("done");
                                    },
                                    "takes a while"};
    store::JobRunner a(first, "host-a:1:aaaa", {}, clock.function());
    store::JobRunner b(second, "host-b:2:bbbb", {}, clock.function());
    a.add(slow);
    b.add(slow);
    a.registerJobs();
    b.registerJobs();
    constexpr int kRounds = 8;
    for (int round = 0; round < kRounds; ++round) {
        std::barrier start(2);
        std::atomic<int> claimed{0};
        auto claimer = [&](store::JobRunner& runner) {
            start.arrive_and_wait();
            if (runner.runOnce()) ++claimed;
        };
        std::thread ta(claimer, std::ref(a));
        std::thread tb(claimer, std::ref(b));
        ta.join();
        tb.join();
        CHECK(claimed == 1);
        clock.set(clock.now() + 1min);  // due again
    }
    CHECK(ran == kRounds);
    CHECK(overlaps == 0);
    CHECK(jobNamed(first, "slow").runs == kRounds);
}

TEST_CASE("a failing job is tried again with backoff and its run counts afresh after a success") {
    EmptyDatabase empty;
    TestClock clock(at("2026-12-07T02:00:00Z"));
    store::Database db(empty.location(), 2);
    bool fail = true;
    store::JobRunner runner(db, "host:1:aaaa", {}, clock.function());
    runner.add({"flaky", JobSchedule::daily("02:00"),
                [&] {
                    if (fail) throw std::runtime_error("the disk is full");
                    return std::string("fine");
                },
                "fails until the disk is cleared"});
    db.write([&](store::Connection& c) {
        store::registerJob(c, "flaky", "", JobSchedule::daily("02:00"), clock.now());
        return 0;
    });
    auto run = runner.runOnce();
    REQUIRE(run);
    CHECK_FALSE(run->succeeded);
    CHECK(run->message == "the disk is full");
    auto job = jobNamed(db, "flaky");
    CHECK(job.lastResult == std::optional<std::string>("failed"));
    CHECK(job.attempts == 1);
    CHECK(job.nextRunAt == at("2026-12-07T02:01:00Z"));
    CHECK_FALSE(job.leaseOwner);

    clock.set(at("2026-12-07T02:01:00Z"));
    REQUIRE(runner.runOnce());
    job = jobNamed(db, "flaky");
    CHECK(job.attempts == 2);
    CHECK(job.failures == 2);
    CHECK(job.nextRunAt == at("2026-12-07T02:03:00Z"));  // 2 minutes after the second failure

    fail = false;
    clock.set(at("2026-12-07T02:03:00Z"));
    run = runner.runOnce();
    REQUIRE(run);
    CHECK(run->succeeded);
    job = jobNamed(db, "flaky");
    CHECK(job.attempts == 0);
    CHECK(job.runs == 3);
    CHECK(job.failures == 2);
    CHECK(job.lastMessage == "fine");
    CHECK(job.nextRunAt == at("2026-12-08T02:00:00Z"));
}

TEST_CASE("expiry removes expired sessions and idempotency answers past their retention, once") {
    EmptyDatabase empty;
    store::Database db(empty.location(), 1);
    const Instant now = at("2026-12-07T10:00:00Z");
    UserId user;
    db.write([&](store::Connection& c) {
        user = store::createUser(c, "someone", "Someone", Role::admin, std::nullopt, "pw", now);
        store::SignIn signIn{Actor{user, "someone", "Someone", Role::admin, std::nullopt}, "",
                             std::nullopt, false};
        store::createSession(c, signIn, "expired-token", now - 48h, now - 1h);
        store::createSession(c, signIn, "live-token", now - 1h, now + 12h);
        store::saveIdempotentAnswer(c, user, "old-key", {"/api/v1/orders", 201, "{}"},
                                    now - std::chrono::days(8));
        store::saveIdempotentAnswer(c, user, "recent-key", {"/api/v1/orders", 201, "{}"},
                                    now - std::chrono::days(6));
        return 0;
    });
    const auto expire = [&] {
        return db.write([&](store::Connection& c) {
            return store::expireRetainedRows(c, now, now - std::chrono::days(7));
        });
    };
    const auto first = expire();
    CHECK(first.sessions == 1);
    CHECK(first.idempotencyKeys == 1);
    const auto again = expire();
    CHECK(again.sessions == 0);
    CHECK(again.idempotencyKeys == 0);
    db.read([&](store::Connection& c) {
        CHECK(store::findSession(c, "live-token", now));
        CHECK(store::findIdempotentAnswer(c, user, "recent-key"));
        CHECK_FALSE(store::findIdempotentAnswer(c, user, "old-key"));
        return 0;
    });
}

TEST_CASE("the nightly backup keeps the newest N and the newest restores whole") {
    DemoDatabase source;
    TempDir dir;
    const fs::path backups = fs::path(dir.path()) / "backups";
    fs::create_directories(backups);
    std::ofstream(backups / "notes.txt") << "the operator's own file";
    std::ofstream(backups / "ces-before-upgrade.db") << "a backup taken by hand";

    const Instant first = at("2026-12-05T02:00:00Z");
    std::vector<store::RotatedBackup> runs;
    for (int night = 0; night < 3; ++night) {
        runs.push_back(store::backupIntoDirectory(source.location(), backups, 2,
                                                  first + std::chrono::days(night)));
    }
    CHECK(runs[0].removed.empty());
    CHECK(runs[1].removed.empty());
    REQUIRE(runs[2].removed.size() == 1);
    CHECK(runs[2].removed[0] == runs[0].file);
    CHECK_FALSE(fs::exists(runs[0].file));
    CHECK(fs::exists(runs[1].file));
    CHECK(fs::exists(runs[2].file));
    CHECK(fs::exists(backups / "notes.txt"));
    CHECK(fs::exists(backups / "ces-before-upgrade.db"));
    const std::string extension = testStore() == Store::sqlite ? ".db" : ".dump";
    CHECK(runs[2].file.filename().string() == "ces-20261207T020000Z" + extension);
    CHECK(runs[2].bytes > 0);

    // The same run again (a take-over after a crash) finds its file and changes nothing.
    const auto again =
        store::backupIntoDirectory(source.location(), backups, 2, first + std::chrono::days(2));
    CHECK(again.file == runs[2].file);
    CHECK(again.removed.empty());

    // The drill: restore the newest into an empty database; it is sound and holds the same rows.
    EmptyDatabase target;
    const auto restored = store::restoreDatabase(runs[2].file, target.location(), false, {});
    CHECK(restored.integrity == "ok");
    CHECK(checkDatabase(target.location()) == "ok");
    for (const char* table : {"orders", "order_lines", "residents", "assets", "loans", "ledger",
                              "visits", "audit_log", "users"}) {
        const std::string sql = std::string("SELECT count(*) FROM ") + table;
        INFO(table);
        CHECK(firstSqlValue(target.location(), sql) == firstSqlValue(source.location(), sql));
    }
    const std::string newest = "SELECT max(reference) FROM orders";
    CHECK(firstSqlValue(target.location(), newest) == firstSqlValue(source.location(), newest));

    try {
        store::backupIntoDirectory(source.location(), backups, 0, first);
        FAIL("kept no backups");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "backup-keep");
    }
}

TEST_CASE("A job claimed by a killed instance completes once on another after its lease") {
    DemoDatabase database;
    const std::string dead = "dead-host:999999:dead";
    const std::string job = "expire-sessions-and-keys";
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    {
        // The instance that is killed: it registered the job, claimed its run with a short lease
        // and was gone before it could record anything.
        store::Database killed(database.location(), 1);
        killed.write([&](store::Connection& c) {
            store::registerJob(c, job, "", JobSchedule::interval(1h), now);
            return 0;
        });
        REQUIRE(claim(killed, job, dead, now, 3s));
    }
    CesServer server(database.location());
    HttpClient admin = signedIn(server.port(), "admin");
    Poco::JSON::Object::Ptr found;
    for (int tries = 0; tries < 60; ++tries) {
        const Response answer = admin.get("/api/v1/jobs");
        REQUIRE(answer.status == 200);
        const auto jobs = answer.object()->getArray("jobs");
        for (std::size_t i = 0; i < jobs->size(); ++i) {
            const auto candidate = jobs->getObject(static_cast<unsigned>(i));
            if (candidate->getValue<std::string>("name") == job &&
                candidate->getValue<int>("runs") > 0) {
                found = candidate;
            }
        }
        if (found) break;
        std::this_thread::sleep_for(500ms);
    }
    REQUIRE_MESSAGE(found, "the server never took the job over\n" << server.log());
    CHECK(found->getValue<int>("runs") == 1);
    CHECK(found->getValue<std::string>("last_result") == "ok");
    CHECK(found->getValue<bool>("running") == false);
    const std::string instance = found->getValue<std::string>("last_instance");
    CHECK(instance != dead);
    std::string pid = ":";
    pid += std::to_string(server.pid());
    pid += ':';
    CHECK(instance.find(pid) != std::string::npos);
    // Taken over after the lease, not before: it started at least 3 s after the claim.
    const auto started = parseInstant(found->getValue<std::string>("last_started_at"));
    REQUIRE(started);
    CHECK(*started >= now + 3s);
    // The dead instance's record, were it to arrive now, is refused.
    store::Database late(database.location(), 1);
    store::JobOutcome outcome;
    outcome.startedAt = now;
    outcome.finishedAt = now + 10s;
    outcome.nextRunAt = now + 1h;
    CHECK_FALSE(
        late.write([&](store::Connection& c) { return store::finishJob(c, job, dead, outcome); }));
    CHECK(late.read([&](store::Connection& c) { return store::findJob(c, job); })->runs == 1);
}

TEST_CASE("the jobs page and endpoint are the admin's, and Run now runs the backup") {
    TempDir backups;
    DemoCounty county(
        CesServer::Options{.extraArgs = {"--backup-dir", backups.path(), "--backup-keep", "2"}});
    HttpClient admin = county.signIn("admin");
    const Response list = admin.get("/api/v1/jobs");
    REQUIRE(list.status == 200);
    std::set<std::string> names;
    const auto jobs = list.object()->getArray("jobs");
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        names.insert(jobs->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
    }
    for (const char* expected :
         {"backup", "expire-sessions-and-keys", "inspection-visits", "late-specials-watch",
          "report-rollups", "still-needed-check-ins", "horizon-replan"}) {
        CHECK_MESSAGE(names.count(expected) == 1, "no job " << expected);
    }
    for (const char* user : {"planner", "warehouse", "commissioner"}) {
        checkError(county.signIn(user).get("/api/v1/jobs"), 403, "forbidden");
        checkError(county.signIn(user).post("/api/v1/jobs/backup/run", "{}"), 403, "forbidden");
    }
    checkError(county.anonymous().get("/api/v1/jobs"), 401, "unauthenticated");
    checkError(admin.post("/api/v1/jobs/no-such-job/run", "{}"), 404, "not_found");

    // Run now through the page (a form with its CSRF token), then see it done.
    PageBrowser browser(county, "admin");
    const Response page = browser.get("/admin/jobs");
    REQUIRE(page.status == 200);
    CHECK(contains(page, "Background jobs"));
    CHECK(contains(page, "id=\"job-backup\""));
    CHECK(contains(page, "Run now"));
    const Response forged = browser.post("/admin/jobs/backup/run", "", false);
    CHECK(forged.status == 403);
    const Response ran = browser.post("/admin/jobs/backup/run", "");
    CHECK(ran.status == 303);

    const auto backup = jobAfterRun(admin, "backup", 0);
    REQUIRE_MESSAGE(backup, "the backup never ran\n" << county.serverLog());
    CHECK(backup->getValue<std::string>("last_result") == "ok");
    CHECK(backup->getValue<std::string>("schedule") == "daily at 02:00");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(backups.path())) {
        if (entry.path().filename().string().starts_with("ces-")) ++files;
    }
    CHECK(files == 1);
    const Response after = browser.get("/admin/jobs");
    CHECK_FALSE(contains(after, "will run within seconds"));
    CHECK(contains(after, backups.path() + "/ces-"));  // the backup's message names its file
    CHECK_FALSE(contains(after, "No nightly backup is set up"));
    const std::string audited = firstSqlValue(
        county.dbPath(),
        "SELECT count(*) FROM audit_log WHERE action = 'job.run_now' AND entity_id = 'backup'");
    CHECK(audited == "1");
}
