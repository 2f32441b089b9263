#pragma once
// The API routes the server registers, read from its source: tests that must cover every
// route (the access table, the OpenAPI document) fail when a new one is not covered.
#include <set>
#include <string>

namespace ces::integration {

/// Every "METHOD /api/..." registered under web/ by a router.add("METHOD", "/api/...") call.
std::set<std::string> registeredApiRoutes();

}  // namespace ces::integration
