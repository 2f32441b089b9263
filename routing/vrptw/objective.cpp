#include "routing/vrptw/objective.h"

namespace ces::routing {

std::optional<Objective> parseObjective(std::string_view text) {
    if (text == "vehicles-then-distance") {
        return Objective::vehiclesThenDistance;
    }
    if (text == "distance") {
        return Objective::distance;
    }
    return std::nullopt;
}

}  // namespace ces::routing
