#pragma once
// The HTTP server: POCO's threaded server in front of our Router, one catch-all per request.
#include <memory>

#include "web/http/router.h"

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class HTTPServer;
}

namespace ces::web {

/// Largest request body accepted (413 above it).
inline constexpr std::size_t kMaxBodyBytes = 1 << 20;

class Server {
  public:
    /// Listens on 127.0.0.1-and-all-interfaces `port` (0 = any free port) with `threads` workers.
    Server(const Router& router, unsigned short port, int threads);
    ~Server();
    unsigned short port() const;
    void start();
    void stop();

  private:
    std::unique_ptr<Poco::ThreadPool> pool_;  // outlives server_, which runs on it
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace ces::web
