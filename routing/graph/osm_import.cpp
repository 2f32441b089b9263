#include "routing/graph/osm_import.h"

#include <cmath>
#include <cstdint>
#include <exception>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "routing/graph/components.h"
#include "routing/graph/errors.h"
#include "routing/graph/graph_file.h"
#include "routing/graph/road_tags.h"

namespace ces::routing {

namespace {

std::string_view tag(const osmium::TagList& tags, const char* key) {
    const char* value = tags[key];
    return value ? std::string_view(value) : std::string_view();
}

Deciseconds durationAt(double metres, double kmh) {
    return static_cast<Deciseconds>(std::lround(metres / (kmh / 3.6) * 10.0));
}

// Collects arcs from drivable ways; node locations are filled in by NodeLocationsForWays,
// which osmium runs before this handler on every way.
class RoadCollector : public osmium::handler::Handler {
  public:
    void way(const osmium::Way& way) {
        ++stats_.waysRead;
        const osmium::TagList& tags = way.tags();
        const WayTags wayTags{
            tag(tags, "highway"),       tag(tags, "maxspeed"), tag(tags, "oneway"),
            tag(tags, "junction"),      tag(tags, "access"),   tag(tags, "vehicle"),
            tag(tags, "motor_vehicle"), tag(tags, "motorcar"), tag(tags, "area")};
        const auto rule = wayRule(wayTags);
        if (!rule) return;
        ++stats_.waysDriven;

        const osmium::WayNodeList& nodes = way.nodes();
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            const osmium::NodeRef& a = nodes[i - 1];
            const osmium::NodeRef& b = nodes[i];
            if (!a.location().valid() || !b.location().valid()) {
                // A clipped extract keeps ways whose nodes lie outside it: drop those segments.
                ++stats_.missingNodes;
                continue;
            }
            if (a.ref() == b.ref()) continue;
            const RoadNodeId from = nodeId(a);
            const RoadNodeId to = nodeId(b);
            const double metres =
                greatCircleMetres(positions_[from.value()], positions_[to.value()]);
            const auto length = static_cast<Decimetres>(std::lround(metres * 10.0));
            if (rule->forwardKmh > 0.0) {
                arcs_.push_back({from, to, {durationAt(metres, rule->forwardKmh), length}});
            }
            if (rule->backwardKmh > 0.0) {
                arcs_.push_back({to, from, {durationAt(metres, rule->backwardKmh), length}});
            }
        }
    }

    ImportedRoadGraph finish(const OsmImportOptions& options) {
        stats_.nodesBefore = positions_.size();
        stats_.arcsBefore = arcs_.size();
        RoadGraph graph(std::move(positions_), arcs_, std::move(osmIds_));
        if (options.keepLargestComponent) graph = largestStronglyConnectedComponent(graph);
        return {std::move(graph), stats_};
    }

  private:
    // Dense ids in order of first appearance: the same file always gives the same graph.
    RoadNodeId nodeId(const osmium::NodeRef& ref) {
        const auto [it, added] =
            index_.try_emplace(ref.ref(), static_cast<std::uint32_t>(positions_.size()));
        if (added) {
            positions_.push_back({ref.location().lat(), ref.location().lon()});
            osmIds_.push_back(ref.ref());
        }
        return RoadNodeId(it->second);
    }

    std::unordered_map<osmium::object_id_type, std::uint32_t> index_;
    std::vector<LatLon> positions_;
    std::vector<std::int64_t> osmIds_;
    std::vector<RoadArc> arcs_;
    OsmImportStats stats_;
};

}  // namespace

ImportedRoadGraph importOsm(const std::filesystem::path& file, const OsmImportOptions& options) {
    if (!std::filesystem::is_regular_file(file)) {
        throw RoadGraphError("road file not found: " + file.string());
    }
    RoadCollector collector;
    try {
        using Index =
            osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations(index);
        locations.ignore_errors();  // Missing nodes are expected in extracts; handled above.
        osmium::io::Reader reader(file.string(),
                                  osmium::osm_entity_bits::node | osmium::osm_entity_bits::way);
        osmium::apply(reader, locations, collector);
        reader.close();
    } catch (const RoadGraphError&) {
        throw;
    } catch (const std::exception& error) {
        // libosmium reports unknown formats, bad compression and parse errors in its own
        // exception types; callers only need to know the road file is unusable, and why.
        throw RoadGraphError("cannot read road file " + file.string() + ": " + error.what());
    }
    ImportedRoadGraph imported = collector.finish(options);
    if (imported.graph.arcCount() == 0) {
        throw RoadGraphError("road file " + file.string() + " holds no drivable road");
    }
    return imported;
}

RoadGraph openRoadGraph(const std::filesystem::path& file) {
    if (isRoadGraphFile(file)) return loadRoadGraph(file);
    return importOsm(file).graph;
}

}  // namespace ces::routing
