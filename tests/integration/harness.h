#pragma once
// The integration harness: a temporary directory, the real `ces` executable run as a child
// process on a copy of the demo county database, and a small JSON client over HTTP.
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <condition_variable>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace ces::integration {

/// A fresh directory under the system temp dir, removed with everything in it on destruction
/// (kept when the environment sets CES_TEST_KEEP=1).
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }  ///< Absolute path of the directory.
    std::string file(const std::string& name) const;   ///< Path of `name` inside it.

  private:
    std::string path_;
};

/// The shared folder: $CES_SHARED, else ../shared beside the checkout.
std::string sharedDir();

/// What a finished `ces` command printed (stdout and stderr together) and its exit code.
struct CommandResult {
    int exit_code = -1;
    std::string output;
};

/// The last line of `text` that is not empty (a command's verdict after its progress lines).
std::string lastNonEmptyLine(const std::string& text);

/// Runs `program` with `args` to completion.
CommandResult runProgram(const std::string& program, const std::vector<std::string>& args);
/// Runs the `ces` executable with `args` to completion.
CommandResult runCes(const std::vector<std::string>& args);

/// Copies the demo county database into `dir`; returns the copy's path. The database is made by
/// `ces demo --seed 1` and cached beside the test binary until `ces`, data/ or the day changes.
std::string copyDemoDatabase(const TempDir& dir);

/// The store the tests run against: SQLite files, or PostgreSQL when the environment sets
/// CES_TEST_STORE=postgresql (the server's URL in $CES_TEST_POSTGRES_URL, else in the file
/// scripts/test-postgres wrote in the build dir).
enum class Store { sqlite, postgresql };
Store testStore();
std::string storeName();  ///< "sqlite" or "postgresql", as /api/v1/health names them.

/// Runs one SQL script against a database (`location` as given to `ces serve --db`) through
/// sqlite3 or psql; the output has one row a line, columns separated by '|'.
CommandResult runSql(const std::string& location, const std::string& sql);
/// The first line of what `sql` answers (one value of the first row); fails the test (REQUIRE)
/// when the query fails or answers nothing.
std::string firstSqlValue(const std::string& location, const std::string& sql);

/// The database checks clean: `ces check` says ok (on PostgreSQL that counts every table and,
/// when amcheck is installed, checks every B-tree index). "ok" or the problems.
std::string checkDatabase(const std::string& location);

/// One test's own copy of the demo county: a file in a temp dir (SQLite) or a database made from
/// a template database (PostgreSQL). Removed on destruction.
class DemoDatabase {
  public:
    DemoDatabase();
    ~DemoDatabase();
    DemoDatabase(const DemoDatabase&) = delete;
    DemoDatabase& operator=(const DemoDatabase&) = delete;
    /// The file path, or the postgresql:// URL: what `ces serve --db` takes.
    const std::string& location() const { return location_; }

  private:
    TempDir dir_;
    std::string postgres_name_;  // empty on SQLite
    std::string location_;
};

/// A database with nothing in it on the test's store (a path in a temp dir, or a new PostgreSQL
/// database dropped with it): somewhere to restore a backup into.
class EmptyDatabase {
  public:
    EmptyDatabase();
    ~EmptyDatabase();
    EmptyDatabase(const EmptyDatabase&) = delete;
    EmptyDatabase& operator=(const EmptyDatabase&) = delete;
    const std::string& location() const { return location_; }  ///< As `ces --db` takes it.

  private:
    TempDir dir_;
    std::string postgres_name_;  // empty on SQLite
    std::string location_;
};

/// A child process whose stdout and stderr are read by two threads: stdout lines are kept for
/// waitForLine(), the tail of both for log(). Killed (SIGKILL) when destroyed.
class ChildProcess {
  public:
    ChildProcess(const std::string& command, const std::vector<std::string>& args);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Waits up to `timeout_ms` for a stdout line starting with `prefix`; returns the line, or
    /// nothing when the process closed its output or the time ran out.
    std::optional<std::string> waitForLine(const std::string& prefix, int timeout_ms);
    Poco::ProcessHandle::PID pid() const { return handle_.id(); }
    void signal(int signal_number);                  ///< Sends a signal (e.g. SIGTERM).
    void killHard();                                 ///< SIGKILL and reap.
    std::optional<int> waitForExit(int timeout_ms);  ///< Exit code, if it exited in time.
    std::string log() const;                         ///< The tail of stdout and stderr.

  private:
    void readLines(Poco::Pipe& pipe);
    std::optional<int> reapIfExited();

    Poco::Pipe out_pipe_;
    Poco::Pipe err_pipe_;
    Poco::ProcessHandle handle_;
    std::optional<int> exit_code_;
    mutable std::mutex mutex_;
    std::condition_variable line_arrived_;
    std::vector<std::string> lines_;
    std::string log_tail_;
    int open_streams_ = 2;
    std::thread out_reader_;
    std::thread err_reader_;
};

/// `ces serve` on a database, on a free port. Stops the server (SIGTERM, then SIGKILL) when
/// destroyed, so a failed assertion never leaves a server running.
class CesServer {
  public:
    struct Options {
        int threads = 0;                       ///< --threads; 0 leaves the server's default.
        std::string roadGraph{};               ///< --road-graph FILE; empty: none.
        std::vector<std::string> extraArgs{};  ///< More options for `ces serve`.
    };
    explicit CesServer(const std::string& db_path, Options options);
    explicit CesServer(const std::string& db_path) : CesServer(db_path, Options{}) {}
    ~CesServer();
    CesServer(const CesServer&) = delete;
    CesServer& operator=(const CesServer&) = delete;

    int port() const { return port_; }
    Poco::ProcessHandle::PID pid() const { return process_->pid(); }
    void killHard() { process_->killHard(); }  ///< kill -9, as a power cut would.
    /// Sends `signal_number` and waits for the exit; the exit code, if it exited in time.
    std::optional<int> stop(int signal_number, int timeout_ms);
    std::string log() const { return process_->log(); }

  private:
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
};

/// Extra request headers, e.g. {"Idempotency-Key", "k1"}.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// One HTTP exchange: what was asked and what came back.
struct Response {
    std::string method;
    std::string path;
    std::string request_body;
    int status = 0;
    std::string body;
    std::string content_type;

    Poco::Dynamic::Var json() const;                ///< Parsed body; throws when it is not JSON.
    Poco::JSON::Object::Ptr object() const;         ///< Parsed body as an object; throws otherwise.
    std::string errorCode() const;                  ///< error.code, or "" when absent.
    std::optional<std::string> errorField() const;  ///< error.field; nothing when null/absent.
    std::string describe() const;  ///< "POST /path {body} -> 422 {body}" for reports.
};

/// Checks the error shape of design.md: `status`, `{"error":{"code","message","field"}}` with
/// this code and field (nothing = null or absent). Failures show the whole exchange.
void checkError(const Response& response, int status, const std::string& code,
                const std::optional<std::string>& field = std::nullopt);

/// A keep-alive HTTP connection to the server, optionally signed in (bearer token).
class HttpClient {
  public:
    explicit HttpClient(int port);
    void setToken(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    Response get(const std::string& path, const Headers& headers = {});
    Response post(const std::string& path, const std::string& body, const Headers& headers = {});
    Response post(const std::string& path, const char* body, const Headers& headers = {}) {
        return post(path, std::string(body), headers);
    }
    Response post(const std::string& path, const Poco::Dynamic::Var& body,
                  const Headers& headers = {});
    Response del(const std::string& path, const Headers& headers = {});
    Response send(const std::string& method, const std::string& path,
                  const std::optional<std::string>& body, const Headers& headers);

  private:
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;  // owned, so a client can move
    std::string token_;
};

/// Signs in with the demo password (`demo-` + user); returns a client carrying the token.
/// Fails the test (REQUIRE) when the server refuses.
HttpClient signedIn(int port, const std::string& user);

/// One test's county: a copy of the demo database and `ces serve` running on it.
class DemoCounty {
  public:
    explicit DemoCounty(CesServer::Options options = {});
    /// The database as `ces --db` takes it: a file path, or a postgresql:// URL.
    const std::string& dbPath() const { return database_.location(); }
    CesServer& server() { return *server_; }
    int port() const { return server_->port(); }
    HttpClient anonymous() const { return HttpClient(server_->port()); }
    HttpClient signIn(const std::string& user) const { return signedIn(server_->port(), user); }
    void killHard() { server_->killHard(); }  ///< kill -9 the server; restart() brings it back.
    void restart();                           ///< Starts a new server on the same database.
    /// Starts a new server on the same database with more options from now on (a clock, say).
    void restart(const std::vector<std::string>& moreArgs);
    std::string serverLog() const { return server_->log(); }

  private:
    DemoDatabase database_;
    CesServer::Options options_;
    std::optional<CesServer> server_;
};

/// Builds a JSON object from key/value pairs (values may be objects and arrays).
Poco::JSON::Object::Ptr jsonObject(
    std::initializer_list<std::pair<std::string, Poco::Dynamic::Var>> members);
/// Builds a JSON array.
Poco::JSON::Array::Ptr jsonArray(std::initializer_list<Poco::Dynamic::Var> items);
/// Serialises a JSON value.
std::string toJson(const Poco::Dynamic::Var& value);

}  // namespace ces::integration
