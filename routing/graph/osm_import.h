#pragma once
// Importing an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2, .osm.gz) into a RoadGraph.
#include <cstddef>
#include <filesystem>

#include "routing/graph/road_graph.h"

namespace ces::routing {

/// Choices for an import.
struct OsmImportOptions {
    /// Keep only the largest strongly connected component, so that every node reaches
    /// every other (an extract's edges leave dead-end stubs and one-way traps). Turn off
    /// only to inspect the raw network.
    bool keepLargestComponent = true;
};

/// What an import read and kept, for reports.
struct OsmImportStats {
    std::size_t waysRead = 0;      ///< Ways in the file.
    std::size_t waysDriven = 0;    ///< Ways a van may drive (see road_tags.h).
    std::size_t nodesBefore = 0;   ///< Road nodes before dropping islands.
    std::size_t arcsBefore = 0;    ///< Arcs before dropping islands.
    std::size_t missingNodes = 0;  ///< Way nodes absent from the file (clipped extracts).
};

/// The graph and the figures of one import.
struct ImportedRoadGraph {
    RoadGraph graph;       ///< Drivable roads, one arc per drivable direction of a segment.
    OsmImportStats stats;  ///< What was read and dropped.
};

/// Reads the file: every drivable way becomes arcs between its consecutive nodes, timed at
/// the way's speed (road_tags.h), in the directions its one-way tags allow. Throws
/// RoadGraphError if the file cannot be read or holds no drivable road.
ImportedRoadGraph importOsm(const std::filesystem::path& file,
                            const OsmImportOptions& options = {});

/// A graph file (graph_file.h) is loaded; anything else is imported as OpenStreetMap.
RoadGraph openRoadGraph(const std::filesystem::path& file);

}  // namespace ces::routing
