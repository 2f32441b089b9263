#include "web/pages/pages.h"

namespace ces::web {

void addPageRoutes(Router&, App&) {}

}  // namespace ces::web
