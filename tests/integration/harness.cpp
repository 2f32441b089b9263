#include "harness.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#ifndef CES_BINARY
#error "CES_BINARY must name the ces executable"
#endif
#ifndef CES_SOURCE_DATA_DIR
#error "CES_SOURCE_DATA_DIR must name the project's data folder"
#endif
#ifndef CES_TEST_CACHE_DIR
#error "CES_TEST_CACHE_DIR must name a folder for the cached demo database"
#endif
#ifndef CES_TEST_POSTGRES_URL_FILE
#error "CES_TEST_POSTGRES_URL_FILE must name the file scripts/test-postgres writes the URL to"
#endif

namespace fs = std::filesystem;

namespace ces::integration {
namespace {

constexpr std::size_t kLogTailBytes = 64 * 1024;  // enough to explain a failed start
constexpr int kServerStartTimeoutMs =
    120'000;                                 // well under 1 s normally; sanitizer builds are slow
constexpr int kServerStopTimeoutMs = 5'000;  // after this SIGKILL follows SIGTERM
constexpr std::size_t kDescribeBodyChars = 600;

std::string truncated(const std::string& text, std::size_t limit) {
    return text.size() <= limit ? text : text.substr(0, limit) + "...";
}

bool keepTempDirs() {
    const char* keep = std::getenv("CES_TEST_KEEP");
    return keep != nullptr && std::string(keep) == "1";
}

std::string randomSuffix() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> digits(0, 0xFFFFFF);
    std::ostringstream out;
    out << std::hex << digits(device);
    return out.str();
}

// A cache key that changes when `ces` is rebuilt, when the shipped data it reads changes, and
// each day (the demo's orders are dated from today).
std::string demoStamp() {
    const fs::path binary(CES_BINARY);
    auto newest = fs::last_write_time(binary);
    std::error_code ignored;
    for (const auto& entry : fs::recursive_directory_iterator(CES_SOURCE_DATA_DIR, ignored)) {
        newest = std::max(newest, entry.last_write_time());
    }
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char day[16];
    std::strftime(day, sizeof day, "%Y%m%d", &utc);
    return std::string(day) + "-" + std::to_string(fs::file_size(binary)) + "-" +
           std::to_string(newest.time_since_epoch().count());
}

std::string demoTemplateDir() {
    const fs::path cache(CES_TEST_CACHE_DIR);
    const fs::path ready = cache / ("demo-" + demoStamp());
    if (fs::exists(ready / "ces.db")) return ready.string();

    fs::create_directories(cache);
    const fs::path building =
        cache / ("building-" + std::to_string(::getpid()) + "-" + randomSuffix());
    fs::create_directories(building);
    const CommandResult demo = runCes({"demo", "--db", (building / "ces.db").string(), "--seed",
                                       "1", "--geo-dir", sharedDir() + "/data/geo"});
    if (demo.exit_code != 0) {
        fs::remove_all(building);
        throw std::runtime_error("ces demo failed (exit " + std::to_string(demo.exit_code) +
                                 "): " + demo.output);
    }
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(cache)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("demo-", 0) == 0 && entry.path() != ready) fs::remove_all(entry, ignored);
    }
    fs::rename(building, ready, ignored);  // another test process may have won the race
    if (ignored) fs::remove_all(building, ignored);
    return ready.string();
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The test server's URL, naming its `postgres` database: postgresql://ces@127.0.0.1:PORT/postgres
const std::string& postgresServerUrl() {
    static const std::string url = [] {
        const char* from_environment = std::getenv("CES_TEST_POSTGRES_URL");
        if (from_environment != nullptr && *from_environment != '\0') {
            return trimmed(from_environment);
        }
        std::ifstream file(CES_TEST_POSTGRES_URL_FILE);
        std::string line;
        std::getline(file, line);
        if (trimmed(line).empty()) {
            throw std::runtime_error(
                std::string("no PostgreSQL for the tests: set CES_TEST_POSTGRES_URL "
                            "or run `ctest -R postgres.start` (it writes ") +
                CES_TEST_POSTGRES_URL_FILE + ")");
        }
        return trimmed(line);
    }();
    return url;
}

std::string postgresUrl(const std::string& database) {
    const std::string& server = postgresServerUrl();
    return server.substr(0, server.rfind('/') + 1) + database;
}

void runSqlOrThrow(const std::string& location, const std::string& sql) {
    const CommandResult result = runSql(location, sql);
    if (result.exit_code != 0) throw std::runtime_error(sql + ": " + result.output);
}

// The demo county in a database of the test server, built once per `ces` build, data and day
// (as for SQLite); each test's database is a copy made by CREATE DATABASE ... TEMPLATE.
// An exclusive lock on a file, held while alive: the test processes CTest runs side by side
// build the template one at a time (the others wait, then find it).
class FileLock {
  public:
    explicit FileLock(const fs::path& path) {
        fs::create_directories(path.parent_path());
        fd_ = ::open(path.c_str(), O_CREAT | O_RDWR, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX) == 0) return;
        if (fd_ >= 0) ::close(fd_);
        throw std::runtime_error("cannot lock " + path.string());
    }
    ~FileLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    int fd_ = -1;
};

std::string demoTemplateDatabase() {
    std::string name = "ces_demo_" + demoStamp();
    std::replace(name.begin(), name.end(), '-', '_');
    const std::string exists = "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'";
    if (trimmed(runSql(postgresServerUrl(), exists).output) == "1") return name;
    const FileLock building_alone(fs::path(CES_TEST_CACHE_DIR) / "postgres-template.lock");
    if (trimmed(runSql(postgresServerUrl(), exists).output) == "1") return name;

    const std::string building =
        "ces_building_" + std::to_string(::getpid()) + "_" + randomSuffix();
    runSqlOrThrow(postgresServerUrl(), "CREATE DATABASE " + building);
    const CommandResult demo = runCes({"demo", "--db", postgresUrl(building), "--seed", "1",
                                       "--geo-dir", sharedDir() + "/data/geo"});
    if (demo.exit_code != 0) {
        runSql(postgresServerUrl(), "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
        throw std::runtime_error("ces demo failed (exit " + std::to_string(demo.exit_code) +
                                 "): " + demo.output);
    }
    const std::string rename = "ALTER DATABASE " + building + " RENAME TO " + name;
    if (runSql(postgresServerUrl(), rename).exit_code != 0) {  // another test process won the race
        runSql(postgresServerUrl(), "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
    }
    return name;
}

}  // namespace

std::string lastNonEmptyLine(const std::string& text) {
    std::string last;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) last = line;
    }
    return last;
}

Store testStore() {
    const char* store = std::getenv("CES_TEST_STORE");
    if (store == nullptr || *store == '\0' || std::string(store) == "sqlite") return Store::sqlite;
    if (std::string(store) == "postgresql") return Store::postgresql;
    throw std::runtime_error("CES_TEST_STORE must be sqlite or postgresql, not " +
                             std::string(store));
}

std::string storeName() { return testStore() == Store::sqlite ? "sqlite" : "postgresql"; }

CommandResult runSql(const std::string& location, const std::string& sql) {
    if (location.rfind("postgresql://", 0) == 0) {
        return runProgram("psql", {"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", location,
                                   "-c", "SET client_min_messages = warning", "-c", sql});
    }
    return runProgram("sqlite3", {"-batch", "-bail", location, sql});
}

std::string firstSqlValue(const std::string& location, const std::string& sql) {
    const CommandResult found = runSql(location, sql);
    INFO(found.output);
    REQUIRE(found.exit_code == 0);
    REQUIRE(found.output.size() > 1);
    return found.output.substr(0, found.output.find('\n'));
}

std::string checkDatabase(const std::string& location) {
    const CommandResult check = runCes({"check", "--db", location});
    if (check.exit_code != 0 || lastNonEmptyLine(check.output) != "ok") {
        return "ces check (exit " + std::to_string(check.exit_code) + "): " + check.output;
    }
    return "ok";
}

namespace {

void dropPostgresDatabase(const std::string& name) {
    if (name.empty() || keepTempDirs()) return;
    try {
        runSql(postgresServerUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (...) {
        // the test server goes at the end of the run, with every database in it
    }
}

// A new database on the test server (a copy of `templateName` when given); returns its name.
std::string createPostgresDatabase(const std::string& templateName) {
    const std::string name = "ces_test_" + std::to_string(::getpid()) + "_" + randomSuffix();
    runSqlOrThrow(
        postgresServerUrl(),
        "CREATE DATABASE " + name + (templateName.empty() ? "" : " TEMPLATE " + templateName));
    return name;
}

}  // namespace

DemoDatabase::DemoDatabase() {
    if (testStore() == Store::sqlite) {
        location_ = copyDemoDatabase(dir_);
        return;
    }
    postgres_name_ = createPostgresDatabase(demoTemplateDatabase());
    location_ = postgresUrl(postgres_name_);
}

DemoDatabase::~DemoDatabase() { dropPostgresDatabase(postgres_name_); }

EmptyDatabase::EmptyDatabase() {
    if (testStore() == Store::sqlite) {
        location_ = dir_.file("empty.db");
        return;
    }
    postgres_name_ = createPostgresDatabase("");
    location_ = postgresUrl(postgres_name_);
}

EmptyDatabase::~EmptyDatabase() { dropPostgresDatabase(postgres_name_); }

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ces-it-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    if (keepTempDirs()) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

std::string TempDir::file(const std::string& name) const { return path_ + "/" + name; }

std::string sharedDir() {
    const char* shared = std::getenv("CES_SHARED");
    return shared != nullptr && *shared != '\0' ? std::string(shared) : CES_SHARED_DEFAULT_DIR;
}

CommandResult runProgram(const std::string& program, const std::vector<std::string>& args) {
    Poco::Pipe output;
    Poco::ProcessHandle handle = Poco::Process::launch(
        program, Poco::Process::Args(args.begin(), args.end()), nullptr, &output, &output);
    Poco::PipeInputStream stream(output);
    CommandResult result;
    Poco::StreamCopier::copyToString(stream, result.output);
    result.exit_code = handle.wait();
    return result;
}

CommandResult runCes(const std::vector<std::string>& args) { return runProgram(CES_BINARY, args); }

std::string copyDemoDatabase(const TempDir& dir) {
    const fs::path source(demoTemplateDir());
    for (const auto& entry : fs::directory_iterator(source)) {
        fs::copy_file(entry.path(), fs::path(dir.path()) / entry.path().filename(),
                      fs::copy_options::overwrite_existing);
    }
    return dir.file("ces.db");
}

// ---------------------------------------------------------------------------------------------

ChildProcess::ChildProcess(const std::string& command, const std::vector<std::string>& args)
    : handle_(Poco::Process::launch(command, Poco::Process::Args(args.begin(), args.end()), nullptr,
                                    &out_pipe_, &err_pipe_)) {
    out_reader_ = std::thread([this] { readLines(out_pipe_); });
    err_reader_ = std::thread([this] { readLines(err_pipe_); });
}

ChildProcess::~ChildProcess() {
    try {
        killHard();
    } catch (...) {
        // already reaped or gone: nothing left to stop
    }
    if (out_reader_.joinable()) out_reader_.join();
    if (err_reader_.joinable()) err_reader_.join();
}

void ChildProcess::readLines(Poco::Pipe& pipe) {
    const bool is_stdout = &pipe == &out_pipe_;
    Poco::PipeInputStream stream(pipe);
    std::string line;
    while (std::getline(stream, line)) {
        std::lock_guard lock(mutex_);
        if (is_stdout) lines_.push_back(line);
        log_tail_ += line + "\n";
        if (log_tail_.size() > kLogTailBytes) log_tail_.erase(0, log_tail_.size() - kLogTailBytes);
        line_arrived_.notify_all();
    }
    std::lock_guard lock(mutex_);
    --open_streams_;
    line_arrived_.notify_all();
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix, int timeout_ms) {
    std::unique_lock lock(mutex_);
    std::optional<std::string> found;
    line_arrived_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] {
        for (const auto& line : lines_) {
            if (line.rfind(prefix, 0) == 0) {
                found = line;
                return true;
            }
        }
        return open_streams_ == 0;
    });
    return found;
}

void ChildProcess::signal(int signal_number) {
    if (!reapIfExited()) ::kill(handle_.id(), signal_number);
}

std::optional<int> ChildProcess::reapIfExited() {
    if (!exit_code_) {
        const int code = Poco::Process::tryWait(handle_);
        if (code != -1) exit_code_ = code;
    }
    return exit_code_;
}

void ChildProcess::killHard() {
    if (reapIfExited()) return;
    Poco::Process::kill(handle_);
    exit_code_ = handle_.wait();
}

std::optional<int> ChildProcess::waitForExit(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!reapIfExited() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return exit_code_;
}

std::string ChildProcess::log() const {
    std::lock_guard lock(mutex_);
    return log_tail_;
}

// ---------------------------------------------------------------------------------------------

CesServer::CesServer(const std::string& db_path, Options options) {
    std::vector<std::string> args{"serve", "--db", db_path, "--port", "0"};
    if (options.threads > 0) {
        args.push_back("--threads");
        args.push_back(std::to_string(options.threads));
    }
    if (!options.roadGraph.empty()) args.insert(args.end(), {"--road-graph", options.roadGraph});
    args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());
    process_ = std::make_unique<ChildProcess>(CES_BINARY, args);
    const std::string prefix = "ces: listening on http://127.0.0.1:";
    const auto line = process_->waitForLine(prefix, kServerStartTimeoutMs);
    if (!line) {
        throw std::runtime_error("ces serve did not print '" + prefix + "PORT'; its output:\n" +
                                 process_->log());
    }
    port_ = std::stoi(line->substr(prefix.size()));
}

CesServer::~CesServer() {
    try {
        stop(SIGTERM, kServerStopTimeoutMs);
    } catch (...) {
        // the ChildProcess destructor still kills it
    }
}

std::optional<int> CesServer::stop(int signal_number, int timeout_ms) {
    process_->signal(signal_number);
    return process_->waitForExit(timeout_ms);
}

// ---------------------------------------------------------------------------------------------

Poco::Dynamic::Var Response::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body);
}

Poco::JSON::Object::Ptr Response::object() const {
    return json().extract<Poco::JSON::Object::Ptr>();
}

std::string Response::errorCode() const {
    try {
        auto error = object()->getObject("error");
        return error && error->has("code") ? error->getValue<std::string>("code") : "";
    } catch (const std::exception&) {
        return "";
    }
}

std::optional<std::string> Response::errorField() const {
    try {
        auto error = object()->getObject("error");
        if (!error || !error->has("field") || error->isNull("field")) return std::nullopt;
        return error->getValue<std::string>("field");
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string Response::describe() const {
    std::ostringstream text;
    text << method << ' ' << path;
    if (!request_body.empty()) text << ' ' << truncated(request_body, kDescribeBodyChars);
    text << " -> " << status << ' ' << truncated(body, kDescribeBodyChars);
    return text.str();
}

void checkError(const Response& response, int status, const std::string& code,
                const std::optional<std::string>& field) {
    INFO(response.describe());
    CHECK(response.status == status);
    CHECK(response.errorCode() == code);
    CHECK(response.errorField().value_or("(null)") == field.value_or("(null)"));
    bool has_message = false;
    try {
        const auto error = response.object()->getObject("error");
        has_message =
            error && error->has("message") && !error->getValue<std::string>("message").empty();
    } catch (const std::exception&) {
        has_message = false;
    }
    CHECK(has_message);
}

HttpClient::HttpClient(int port)
    : session_(std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1",
                                                              static_cast<Poco::UInt16>(port))) {
    session_->setKeepAlive(true);
    session_->setTimeout(Poco::Timespan(60, 0));
}

Response HttpClient::get(const std::string& path, const Headers& headers) {
    return send(Poco::Net::HTTPRequest::HTTP_GET, path, std::nullopt, headers);
}

Response HttpClient::post(const std::string& path, const std::string& body,
                          const Headers& headers) {
    return send(Poco::Net::HTTPRequest::HTTP_POST, path, body, headers);
}

Response HttpClient::post(const std::string& path, const Poco::Dynamic::Var& body,
                          const Headers& headers) {
    return post(path, toJson(body), headers);
}

Response HttpClient::del(const std::string& path, const Headers& headers) {
    return send(Poco::Net::HTTPRequest::HTTP_DELETE, path, std::nullopt, headers);
}

Response HttpClient::send(const std::string& method, const std::string& path,
                          const std::optional<std::string>& body, const Headers& headers) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (!token_.empty()) request.set("Authorization", "Bearer " + token_);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (body) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body->size()));
    }
    std::ostream& request_stream = session_->sendRequest(request);
    if (body) request_stream << *body;

    Poco::Net::HTTPResponse http_response;
    std::istream& response_stream = session_->receiveResponse(http_response);
    Response response;
    response.method = method;
    response.path = path;
    response.request_body = body.value_or("");
    response.status = static_cast<int>(http_response.getStatus());
    response.content_type = http_response.getContentType();
    Poco::StreamCopier::copyToString(response_stream, response.body);
    return response;
}

HttpClient signedIn(int port, const std::string& user) {
    HttpClient client(port);
    const Response login = client.post(
        "/api/v1/sessions", jsonObject({{"username", user}, {"password", "demo-" + user}}));
    INFO(login.describe());
    REQUIRE((login.status == 201 || login.status == 200));
    client.setToken(login.object()->getValue<std::string>("token"));
    return client;
}

DemoCounty::DemoCounty(CesServer::Options options) : options_(options) {
    server_.emplace(dbPath(), options_);
}

void DemoCounty::restart() {
    server_.reset();
    server_.emplace(dbPath(), options_);
}

void DemoCounty::restart(const std::vector<std::string>& moreArgs) {
    options_.extraArgs.insert(options_.extraArgs.end(), moreArgs.begin(), moreArgs.end());
    restart();
}

Poco::JSON::Object::Ptr jsonObject(
    std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> members) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
    for (const auto& [key, value] : members) object->set(key, value);
    return object;
}

Poco::JSON::Array::Ptr jsonArray(std::initializer_list<Poco::Dynamic::Var> items) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& item : items) array->add(item);
    return array;
}

std::string toJson(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

}  // namespace ces::integration
