#pragma once
// Method + path pattern ("/api/v1/orders/{ref}") to handler; unknown paths answer 404 and a
// known path with another method 405.
#include <functional>
#include <string>
#include <vector>

#include "web/http/exchange.h"

namespace ces::web {

using Handler = std::function<Response(Request&)>;

class Router {
  public:
    void add(const std::string& method, const std::string& pattern, Handler handler);
    /// Finds the handler (filling request.pathParams) and runs it.
    Response dispatch(Request& request) const;

  private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };
    static bool matches(const Route& route, const std::vector<std::string>& path,
                        std::map<std::string, std::string>& params);
    std::vector<Route> routes_;
};

}  // namespace ces::web
