#pragma once
// The server-rendered pages (GOV.UK Design System) and their static assets.
#include "web/app.h"
#include "web/http/router.h"

namespace ces::web {

/// Registers every page route and the static assets under /assets.
void addPageRoutes(Router& router, App& app);

}  // namespace ces::web
