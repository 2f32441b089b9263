// api_throughput: the two HTTP targets of design.md, measured against their peers on this machine.
//   (a) durable order creation over HTTP (16 keep-alive clients)  vs  (b) raw SQLite, WAL +
//       synchronous=FULL, one INSERT per transaction, one thread: target (a)/(b) >= 1.
//   (c) resident tracking reads (POST /api/v1/track)  vs  GET /api/v1/health, the server's
//       constant-response handler, same connections: target >= 0.5.
// Each figure is the median of --runs short runs. Client and server share the machine's cores.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/nhs_number.h"

#ifndef CES_BINARY
#error "CES_BINARY must name the ces executable"
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---- settings -------------------------------------------------------------------------------

struct Settings {
    std::string ces = CES_BINARY;
    std::string shared;
    int runs = 3;
    double write_seconds = 3.0;   // per run of (a); three runs make the ~10 s of the brief
    double sqlite_seconds = 3.0;  // per run of (b)
    double read_seconds = 2.0;    // per run of each side of (c)
    int write_clients = 16;
    int read_clients = 32;
    int server_threads = 0;  // 0: enough for the clients
    bool keep = false;
};

void printUsage() {
    std::cout << "usage: api_throughput [--ces PATH] [--shared DIR] [--runs N]\n"
                 "         [--write-seconds S] [--sqlite-seconds S] [--read-seconds S]\n"
                 "         [--write-clients N] [--read-clients N] [--server-threads N] [--keep]\n";
}

Settings parseSettings(int argc, char** argv) {
    Settings settings;
    const char* shared = std::getenv("CES_SHARED");
    settings.shared = shared != nullptr && *shared != '\0' ? shared : CES_SHARED_DEFAULT_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
            return argv[++i];
        };
        if (flag == "--ces")
            settings.ces = value();
        else if (flag == "--shared")
            settings.shared = value();
        else if (flag == "--runs")
            settings.runs = std::stoi(value());
        else if (flag == "--write-seconds")
            settings.write_seconds = std::stod(value());
        else if (flag == "--sqlite-seconds")
            settings.sqlite_seconds = std::stod(value());
        else if (flag == "--read-seconds")
            settings.read_seconds = std::stod(value());
        else if (flag == "--write-clients")
            settings.write_clients = std::stoi(value());
        else if (flag == "--read-clients")
            settings.read_clients = std::stoi(value());
        else if (flag == "--server-threads")
            settings.server_threads = std::stoi(value());
        else if (flag == "--keep")
            settings.keep = true;
        else if (flag == "--help" || flag == "-h") {
            printUsage();
            std::exit(0);
        } else {
            throw std::invalid_argument("unknown flag " + flag);
        }
    }
    if (settings.runs < 1 || settings.write_clients < 1 || settings.read_clients < 1) {
        throw std::invalid_argument("--runs and client counts must be at least 1");
    }
    return settings;
}

// ---- the ces process ------------------------------------------------------------------------

class WorkDir {
  public:
    explicit WorkDir(bool keep) : keep_(keep) {
        std::string pattern = (fs::temp_directory_path() / "ces-bench-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~WorkDir() {
        std::error_code ignored;
        if (!keep_) fs::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    bool keep_;
};

void runToCompletion(const std::string& ces, const std::vector<std::string>& args) {
    Poco::Pipe output;
    Poco::ProcessHandle handle = Poco::Process::launch(
        ces, Poco::Process::Args(args.begin(), args.end()), nullptr, &output, &output);
    Poco::PipeInputStream stream(output);
    std::string text;
    Poco::StreamCopier::copyToString(stream, text);
    const int code = handle.wait();
    if (code != 0) {
        throw std::runtime_error("ces " + args.at(0) + " exited " + std::to_string(code) + ": " +
                                 text);
    }
}

// `ces serve` on a free port; its output is drained by a thread; SIGTERM then SIGKILL on exit.
class Server {
    static constexpr std::size_t kLogTailBytes = 64 * 1024;

  public:
    Server(const std::string& ces, const std::string& db, int threads)
        : handle_(launch(ces, db, threads)) {
        reader_ = std::thread([this] {
            Poco::PipeInputStream stream(output_);
            for (std::string line; std::getline(stream, line);) {
                std::lock_guard lock(mutex_);
                const std::string prefix = "ces: listening on http://127.0.0.1:";
                if (port_ == 0 && line.rfind(prefix, 0) == 0)
                    port_ = std::stoi(line.substr(prefix.size()));
                log_ += line + "\n";
                // One JSON line per request: keep only the tail for a failure's report.
                if (log_.size() > kLogTailBytes) log_.erase(0, log_.size() - kLogTailBytes);
                changed_.notify_all();
            }
            std::lock_guard lock(mutex_);
            closed_ = true;
            changed_.notify_all();
        });
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::seconds(30), [this] { return port_ != 0 || closed_; });
        if (port_ == 0) {
            const std::string log = log_;
            lock.unlock();
            stop();
            throw std::runtime_error("ces serve did not start: " + log);
        }
    }
    ~Server() { stop(); }
    int port() const { return port_; }

  private:
    Poco::ProcessHandle launch(const std::string& ces, const std::string& db, int threads) {
        const Poco::Process::Args args{
            "serve", "--db", db, "--port", "0", "--threads", std::to_string(threads)};
        return Poco::Process::launch(ces, args, nullptr, &output_, &output_);
    }
    void stop() {
        if (stopped_) return;
        stopped_ = true;
        ::kill(handle_.id(), SIGTERM);
        const auto deadline = Clock::now() + std::chrono::seconds(5);
        int code = -1;
        while ((code = Poco::Process::tryWait(handle_)) == -1 && Clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (code == -1) {
            Poco::Process::kill(handle_);
            handle_.wait();
        }
        if (reader_.joinable()) reader_.join();
    }

    Poco::Pipe output_;
    Poco::ProcessHandle handle_;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::string log_;
    int port_ = 0;
    bool closed_ = false;
    bool stopped_ = false;
};

// ---- HTTP -----------------------------------------------------------------------------------

struct Reply {
    int status = 0;
    std::string body;
};

class Connection {
  public:
    explicit Connection(int port) : session_("127.0.0.1", static_cast<Poco::UInt16>(port)) {
        session_.setKeepAlive(true);
        session_.setTimeout(Poco::Timespan(30, 0));
    }
    void setToken(const std::string& token) { authorization_ = "Bearer " + token; }
    Reply send(const std::string& method, const std::string& path, const std::string* body) {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!authorization_.empty()) request.set("Authorization", authorization_);
        if (body != nullptr) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body->size()));
        }
        std::ostream& out = session_.sendRequest(request);
        if (body != nullptr) out << *body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session_.receiveResponse(response);
        Reply reply;
        reply.status = static_cast<int>(response.getStatus());
        Poco::StreamCopier::copyToString(in, reply.body);
        return reply;
    }
    Reply get(const std::string& path) { return send("GET", path, nullptr); }
    Reply post(const std::string& path, const std::string& body) {
        return send("POST", path, &body);
    }

  private:
    Poco::Net::HTTPClientSession session_;
    std::string authorization_;
};

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

// A JSON value as text (an id may be a number or a string).
std::string jsonText(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

Reply expect(const Reply& reply, int status, const std::string& what) {
    if (reply.status != status) {
        throw std::runtime_error(what + ": expected " + std::to_string(status) + ", got " +
                                 std::to_string(reply.status) + " " + reply.body);
    }
    return reply;
}

std::string signIn(int port, const std::string& user) {
    Connection connection(port);
    const Reply reply = connection.post(
        "/api/v1/sessions", R"({"username":")" + user + R"(","password":"demo-)" + user + R"("})");
    if (reply.status != 201 && reply.status != 200) expect(reply, 201, "sign in as " + user);
    return parseObject(reply.body)->getValue<std::string>("token");
}

// ---- test data ------------------------------------------------------------------------------

// The n-th valid NHS number (modulus 11) from a start the demo generator does not use.
std::string nhsNumber(std::uint64_t& next) {
    for (;;) {
        const std::string nine = std::to_string(next++);
        if (const auto check = ces::nhsCheckDigit(nine)) return nine + std::to_string(*check);
    }
}

struct Resident {
    std::string id;  // as JSON text
    std::string postcode;
    std::string date_of_birth;
};

// ---- measuring ------------------------------------------------------------------------------

struct RunResult {
    double per_second = 0;
    long done = 0;
    long failed = 0;
    std::string first_failure;
};

// `clients` threads, each with its own connection, call `work` until the time is up.
// `work` returns an empty string on success, else a description of the failure.
RunResult runClients(int port, const std::string& token, int clients, double seconds,
                     const std::function<std::string(Connection&, int client, long n)>& work) {
    std::atomic<long> done{0};
    std::atomic<long> failed{0};
    std::mutex failure_mutex;
    std::string first_failure;
    std::latch ready(clients + 1);
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            auto connect = [&] {
                auto connection = std::make_unique<Connection>(port);
                if (!token.empty()) connection->setToken(token);
                return connection;
            };
            auto connection = connect();
            ready.arrive_and_wait();
            long local_done = 0;
            for (long n = 0; !stop; ++n) {
                std::string failure;
                try {
                    failure = work(*connection, c, n);
                } catch (const std::exception& error) {
                    failure = std::string("exception: ") + error.what();
                    connection = connect();
                }
                if (failure.empty()) {
                    ++local_done;
                } else {
                    ++failed;
                    std::lock_guard lock(failure_mutex);
                    if (first_failure.empty()) first_failure = failure;
                }
            }
            done += local_done;
        });
    }
    ready.arrive_and_wait();
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& thread : threads) thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    return {static_cast<double>(done) / elapsed, done, failed, first_failure};
}

double sqliteInsertsPerSecond(const std::string& path, double seconds) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("sqlite3_open");
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owner(db, &sqlite3_close);
    auto exec = [db](const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error != nullptr ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(std::string(sql) + ": " + message);
        }
    };
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec(
        "CREATE TABLE IF NOT EXISTS orders(id INTEGER PRIMARY KEY, reference TEXT NOT NULL, "
        "resident_id INTEGER NOT NULL, payload TEXT NOT NULL)");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO orders(reference, resident_id, payload) VALUES(?1, ?2, ?3)",
                       -1, &insert, nullptr);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(insert, &sqlite3_finalize);
    const std::string payload = R"([{"item_code":"KCE-MOB-006","quantity":1}])";
    long rows = 0;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline) {
        exec("BEGIN");
        const std::string reference = "ORD-2026-" + std::to_string(rows);
        sqlite3_bind_text(insert, 1, reference.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 2, rows % 16);
        sqlite3_bind_text(insert, 3, payload.c_str(), -1, SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error("insert failed");
        sqlite3_reset(insert);
        exec("COMMIT");
        ++rows;
    }
    return static_cast<double>(rows) / std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

void printRun(const std::string& what, int run, const RunResult& result, const std::string& unit) {
    std::cout << "  " << what << " run " << run << ": " << fixed(result.per_second, 0) << ' '
              << unit << " (" << result.done << " ok, " << result.failed << " failed)";
    if (!result.first_failure.empty())
        std::cout << " first failure: " << result.first_failure.substr(0, 300);
    std::cout << std::endl;
}

// ---- the benchmark --------------------------------------------------------------------------

// Stock enough for every order of the run, and one resident per writing client.
std::vector<Resident> prepareCounty(int port, int residents_wanted) {
    Connection warehouse(port);
    warehouse.setToken(signIn(port, "warehouse"));
    constexpr int kStockAdjustments = 3;  // the API takes at most 1,000,000 per adjustment
    for (const std::string depot : {"WKD", "EKD"}) {
        for (int i = 0; i < kStockAdjustments; ++i) {
            expect(warehouse.post(
                       "/api/v1/stock/adjustments",
                       R"({"depot":")" + depot +
                           R"(","item_code":"KCE-MOB-006","delta":1000000,"reason":"bench"})"),
                   201, "stock adjustment");
        }
    }
    Connection prescriber(port);
    prescriber.setToken(signIn(port, "prescriber"));
    std::uint64_t next_nhs =
        700'000'000 + static_cast<std::uint64_t>(::getpid()) * 1000 % 99'000'000;
    std::vector<Resident> residents;
    const std::vector<std::string> postcodes = {"ME14 1AD", "CT1 2AA", "TN23 1AA", "CT9 1AA"};
    for (int i = 0; i < residents_wanted; ++i) {
        char birth_date[16];
        std::snprintf(birth_date, sizeof birth_date, "1940-01-%02d", i % 28 + 1);
        Resident resident{"", postcodes[static_cast<std::size_t>(i) % postcodes.size()],
                          birth_date};
        const Reply created =
            expect(prescriber.post(
                       "/api/v1/residents",
                       R"({"nhs_number":")" + nhsNumber(next_nhs) + R"(","name":"Bench Resident )" +
                           std::to_string(i) + R"(","date_of_birth":")" + resident.date_of_birth +
                           R"(","address_line1":"1 High Street","town":"Kent","postcode":")" +
                           resident.postcode + R"(","phone":"01622 000000","access_notes":""})"),
                   201, "create resident");
        resident.id = jsonText(parseObject(created.body)->get("id"));
        residents.push_back(resident);
    }
    return residents;
}

struct Figures {
    std::vector<double> orders;        // (a) orders/s per run
    std::vector<double> sqlite_rows;   // (b) rows/s per run
    std::vector<double> write_ratios;  // (a)/(b) per run
    std::vector<double> tracking;      // (c) reads/s per run
    std::vector<double> health;        // constant handler requests/s per run
    std::vector<double> read_ratios;   // tracking/health per run
};

// (a) and (b), run after run, so both see the same disk: a shared machine's fsync time drifts.
// Returns bodies for POST /api/v1/track of orders made here.
std::vector<std::string> measureWrites(const Settings& settings, int port, const WorkDir& dir,
                                       Figures& figures) {
    const std::vector<Resident> residents = prepareCounty(port, settings.write_clients);
    const std::string token = signIn(port, "prescriber");
    std::cout << "phase 1/2: durable writes, " << settings.runs
              << " runs of: (a) orders over HTTP, " << settings.write_clients
              << " keep-alive clients, " << settings.write_seconds
              << " s; (b) raw SQLite (WAL, synchronous=FULL, one INSERT per transaction, one "
                 "thread), "
              << settings.sqlite_seconds << " s" << std::endl;
    std::mutex tracking_mutex;
    std::vector<std::string> tracking_bodies;
    constexpr std::size_t kMaxTrackingBodies = 20'000;
    for (int run = 1; run <= settings.runs; ++run) {
        const RunResult orders = runClients(
            port, token, settings.write_clients, settings.write_seconds,
            [&](Connection& connection, int client, long) -> std::string {
                const Resident& resident = residents[static_cast<std::size_t>(client)];
                const Reply reply = connection.post(
                    "/api/v1/orders",
                    R"({"resident_id":)" + resident.id +
                        R"(,"speed":"5_day","lines":[{"item_code":"KCE-MOB-006","quantity":1}],"specials":[],"notes":"bench"})");
                if (reply.status != 201) return std::to_string(reply.status) + " " + reply.body;
                std::lock_guard lock(tracking_mutex);
                if (tracking_bodies.size() < kMaxTrackingBodies) {
                    const std::string reference =
                        parseObject(reply.body)->getValue<std::string>("reference");
                    tracking_bodies.push_back(
                        R"({"reference":")" + reference + R"(","postcode":")" + resident.postcode +
                        R"(","date_of_birth":")" + resident.date_of_birth + R"("})");
                }
                return "";
            });
        printRun("(a) orders over HTTP", run, orders, "orders/s");
        const double rows = sqliteInsertsPerSecond(dir.file("raw-" + std::to_string(run) + ".db"),
                                                   settings.sqlite_seconds);
        std::cout << "  (b) raw SQLite run " << run << ": " << fixed(rows, 0) << " rows/s; (a)/(b) "
                  << fixed(orders.per_second / rows, 2) << std::endl;
        figures.orders.push_back(orders.per_second);
        figures.sqlite_rows.push_back(rows);
        figures.write_ratios.push_back(orders.per_second / rows);
    }
    return tracking_bodies;
}

// (c) tracking reads and the constant-response handler, run after run, same connection count.
void measureReads(const Settings& settings, int port,
                  const std::vector<std::string>& tracking_bodies, Figures& figures) {
    if (tracking_bodies.empty()) throw std::runtime_error("no orders to track: phase 1 made none");
    std::cout << "phase 2/2: reads, " << settings.runs << " runs of: (c) POST /api/v1/track, then "
              << "GET /api/v1/health, " << settings.read_clients << " keep-alive clients, "
              << settings.read_seconds << " s each" << std::endl;
    for (int run = 1; run <= settings.runs; ++run) {
        const RunResult tracked = runClients(
            port, "", settings.read_clients, settings.read_seconds,
            [&](Connection& connection, int client, long n) -> std::string {
                const std::size_t pick =
                    (static_cast<std::size_t>(client) * 7919 + static_cast<std::size_t>(n)) %
                    tracking_bodies.size();
                const Reply reply = connection.post("/api/v1/track", tracking_bodies[pick]);
                return reply.status == 200 ? "" : std::to_string(reply.status) + " " + reply.body;
            });
        printRun("(c) tracking", run, tracked, "reads/s");
        const RunResult health = runClients(
            port, "", settings.read_clients, settings.read_seconds,
            [&](Connection& connection, int, long) -> std::string {
                const Reply reply = connection.get("/api/v1/health");
                return reply.status == 200 ? "" : std::to_string(reply.status) + " " + reply.body;
            });
        printRun("    health", run, health, "requests/s");
        figures.tracking.push_back(tracked.per_second);
        figures.health.push_back(health.per_second);
        figures.read_ratios.push_back(tracked.per_second / health.per_second);
    }
}

void printFigures(const Settings& settings, const Figures& figures) {
    std::cout << "results (medians of " << settings.runs << " runs; ratios are medians of the "
              << "per-run ratios):\n"
              << "  nproc                                  " << std::thread::hardware_concurrency()
              << "\n"
              << "  (a) durable orders over HTTP           " << fixed(median(figures.orders), 0)
              << " orders/s (" << settings.write_clients << " clients)\n"
              << "  (b) raw SQLite durable inserts         "
              << fixed(median(figures.sqlite_rows), 0) << " rows/s\n"
              << "  ratio (a)/(b)                          "
              << fixed(median(figures.write_ratios), 2) << " (target >= 1.00)\n"
              << "  (c) tracking reads                     " << fixed(median(figures.tracking), 0)
              << " reads/s (" << settings.read_clients << " clients)\n"
              << "      constant handler GET /health       " << fixed(median(figures.health), 0)
              << " requests/s\n"
              << "  ratio tracking/health                  "
              << fixed(median(figures.read_ratios), 2) << " (target >= 0.50)" << std::endl;
}

int runBenchmark(const Settings& settings) {
    std::cout << "api_throughput: nproc " << std::thread::hardware_concurrency() << std::endl;
    WorkDir dir(settings.keep);
    const std::string db = dir.file("ces.db");
    std::cout << "phase 0: ces demo into " << db << std::endl;
    runToCompletion(settings.ces, {"demo", "--db", db, "--seed", "1", "--geo-dir",
                                   settings.shared + "/data/geo"});
    const int threads = settings.server_threads > 0
                            ? settings.server_threads
                            : std::max(settings.write_clients, settings.read_clients) + 8;
    Server server(settings.ces, db, threads);
    std::cout << "phase 0: ces serve on port " << server.port() << " with " << threads << " threads"
              << std::endl;
    Figures figures;
    const auto tracking_bodies = measureWrites(settings, server.port(), dir, figures);
    measureReads(settings, server.port(), tracking_bodies, figures);
    printFigures(settings, figures);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    try {
        return runBenchmark(parseSettings(argc, argv));
    } catch (const std::exception& error) {
        std::cerr << "api_throughput: " << error.what() << std::endl;
        return 1;
    }
}
