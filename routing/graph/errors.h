#pragma once
// Typed errors of the road-graph code; callers catch them once at their boundary.
#include <stdexcept>

namespace ces::routing {

/// Bad input to the road-graph code: an unreadable road file, a coordinate off the globe,
/// a parameter out of range, a node id outside the graph.
class RoadGraphError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A binary graph file that is not ours, of another format version, truncated or corrupt.
class GraphFileError : public RoadGraphError {
  public:
    using RoadGraphError::RoadGraphError;
};

}  // namespace ces::routing
