#pragma once
// The HTTP server: POCO's threaded server in front of our Router, one catch-all per request.
#include <chrono>
#include <functional>
#include <memory>

#include "web/http/address_ranges.h"
#include "web/http/router.h"

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class HTTPServer;
class ServerSocket;
}  // namespace Poco::Net

namespace ces::web {

/// Largest request body accepted (413 above it).
inline constexpr std::size_t kMaxBodyBytes = 1 << 20;

/// Told of every request answered: the request (its id, route and user), the status sent and
/// how long the answer took.
using ExchangeObserver =
    std::function<void(const Request& request, int status, std::chrono::nanoseconds took)>;

struct ServerOptions {
    unsigned short port = 0;  ///< On every interface; 0: any free port.
    int threads = 16;         ///< Requests answered at once.
    ExchangeObserver observer{};
    /// Balancers whose X-Forwarded-For names the client (its last address is taken).
    AddressRanges trustedProxies{};
};

class Server {
  public:
    Server(const Router& router, ServerOptions options);
    ~Server();
    unsigned short port() const;
    void start();
    /// Stops accepting connections and lets the requests in flight finish, waiting at most
    /// `limit`; answers whether they all finished (false: some were cut off).
    bool drain(std::chrono::milliseconds limit);
    void stop();

  private:
    std::unique_ptr<Poco::ThreadPool> pool_;              // outlives server_, which runs on it
    std::unique_ptr<Poco::Net::ServerSocket> listening_;  // shared with server_
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    ServerOptions options_;
};

}  // namespace ces::web
