#pragma once
// The compact binary road-graph file: import OpenStreetMap once, load in milliseconds.
//
// Layout (little-endian): magic "CESROADG", u32 format version, u32 flags (bit 0: has
// OpenStreetMap ids), u64 node count, u64 arc count; then i32 latitudes and i32 longitudes
// in 1e-7 degrees, i64 OpenStreetMap ids (if flagged), u32 CSR row starts (nodes + 1),
// u32 arc targets, u32 arc durations (deciseconds), u32 arc lengths (decimetres); last a
// u64 FNV-1a checksum of every byte before it. About 26 bytes per node and arc pair.
#include <cstdint>
#include <filesystem>
#include <iosfwd>

#include "routing/graph/road_graph.h"

namespace ces::routing {

/// The format version this build writes and reads; bump it when the layout changes.
inline constexpr std::uint32_t kGraphFileVersion = 1;

/// Writes the graph; throws GraphFileError if the stream fails.
void saveRoadGraph(const RoadGraph& graph, std::ostream& out);
/// Writes the graph to a file atomically (a temporary file renamed into place).
void saveRoadGraph(const RoadGraph& graph, const std::filesystem::path& file);

/// Reads a graph written by saveRoadGraph. Throws GraphFileError on anything else: a wrong
/// magic or version, a truncated or padded file, a checksum mismatch, an arc to nowhere.
RoadGraph loadRoadGraph(std::istream& in);
/// Reads a graph file; throws GraphFileError also when it cannot be opened.
RoadGraph loadRoadGraph(const std::filesystem::path& file);

/// True if the file starts with the graph-file magic (cheap; does not validate the rest).
bool isRoadGraphFile(const std::filesystem::path& file);

}  // namespace ces::routing
