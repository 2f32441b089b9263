#pragma once
// One JSON line per request answered, for an operator's log collector: when, the request id,
// the method and route (the pattern, never the path: a path may hold a tracking token), the
// status, how long it took and the signed-in user's id. Never personal data or tokens.
#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>

#include "core/iso_time.h"
#include "web/http/exchange.h"

namespace ces::web {

/// The line for one request (without the new line).
std::string requestLogLine(const Request& request, int status, std::chrono::nanoseconds took,
                           Instant at);

class RequestLog {
  public:
    explicit RequestLog(std::ostream& out) : out_(&out) {}
    /// Appends to the file at `path`; std::invalid_argument when it cannot be opened.
    explicit RequestLog(const std::string& path);
    void write(const Request& request, int status, std::chrono::nanoseconds took, Instant at);

  private:
    std::mutex mutex_;
    std::unique_ptr<std::ofstream> file_;
    std::ostream* out_;
};

}  // namespace ces::web
