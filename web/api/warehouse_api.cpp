#include "web/api/routes.h"

namespace ces::web {

void addWarehouseRoutes(Router&, App&) {}

}  // namespace ces::web
