#include "web/http/request_log.h"

#include <cmath>
#include <stdexcept>

namespace ces::web {

std::string requestLogLine(const Request& request, int status, std::chrono::nanoseconds took,
                           Instant at) {
    auto line = jsonObject();
    line->set("time", formatInstant(at));
    line->set("level", status >= 500 ? "error" : "info");
    line->set("request_id", request.id);
    line->set("method", request.method);
    line->set("route",
              request.route.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(request.route));
    line->set("status", status);
    line->set(
        "duration_ms",
        std::round(std::chrono::duration<double, std::milli>(took).count() * 1000.0) / 1000.0);
    line->set("user_id",
              request.userId > 0 ? Poco::Dynamic::Var(request.userId) : Poco::Dynamic::Var());
    return toJson(line);
}

RequestLog::RequestLog(const std::string& path)
    : file_(std::make_unique<std::ofstream>(path, std::ios::app)), out_(file_.get()) {
    if (!*file_) throw std::invalid_argument("cannot append to " + path);
}

void RequestLog::write(const Request& request, int status, std::chrono::nanoseconds took,
                       Instant at) {
    const std::string line = requestLogLine(request, status, took, at) + "\n";
    std::lock_guard lock(mutex_);
    *out_ << line << std::flush;
}

}  // namespace ces::web
