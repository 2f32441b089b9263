#include "routing/graph/travel_matrix.h"

#include <algorithm>
#include <atomic>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <boost/property_map/property_map.hpp>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "routing/graph/errors.h"

namespace ces::routing {

namespace {

using Time = std::uint64_t;  // Sums of deciseconds; 64 bits so no path sum can overflow.
constexpr Time kInfinity = std::numeric_limits<Time>::max();
constexpr std::uint32_t kNotTarget = std::numeric_limits<std::uint32_t>::max();

// Thrown by the visitor to leave Boost's Dijkstra early: the documented way to stop it.
struct AllTargetsSettled {};

// Buffers of one worker thread, reused across its sources. Only the vertices a search
// touched are reset afterwards, so a search that stops early costs what it explored, not
// the size of the graph.
class OneToMany {
  public:
    OneToMany(const RoadCsr& csr, const std::vector<std::uint32_t>& targetSlot,
              std::size_t targetCount)
        : csr_(csr),
          targetSlot_(targetSlot),
          targetCount_(targetCount),
          time_(num_vertices(csr), kInfinity),
          length_(num_vertices(csr), 0) {}

    // Fills one row (targetCount cells) with the times and lengths from `source`.
    void run(std::uint32_t source, Deciseconds* rowTime, Decimetres* rowLength) {
        rowTime_ = rowTime;
        rowLength_ = rowLength;
        remaining_ = targetCount_;
        time_[source] = 0;
        length_[source] = 0;
        const auto index = get(boost::vertex_index, csr_);
        try {
            boost::dijkstra_shortest_paths_no_color_map_no_init(
                csr_, source, boost::dummy_property_map(),
                boost::make_iterator_property_map(time_.begin(), index),
                get(&RoadArcData::duration, csr_), index, std::less<Time>(), std::plus<Time>(),
                kInfinity, Time{0}, Visitor{this});
        } catch (const AllTargetsSettled&) {
        }
        for (const std::uint32_t v : touched_) {
            time_[v] = kInfinity;
            length_[v] = 0;
        }
        touched_.clear();
    }

  private:
    struct Visitor : boost::default_dijkstra_visitor {
        OneToMany* search;
        explicit Visitor(OneToMany* s) : search(s) {}
        void discover_vertex(std::uint32_t v, const RoadCsr&) const {
            search->touched_.push_back(v);
        }
        void edge_relaxed(const boost::graph_traits<RoadCsr>::edge_descriptor& e,
                          const RoadCsr& g) const {
            // Called whenever a shorter time to the target is found, so the length always
            // follows the path that finally wins.
            search->length_[target(e, g)] = search->length_[source(e, g)] + g[e].length;
        }
        void examine_vertex(std::uint32_t v, const RoadCsr&) const {
            // A vertex is examined when it leaves the queue: its time is final.
            const std::uint32_t slot = search->targetSlot_[v];
            if (slot == kNotTarget) return;
            search->rowTime_[slot] = static_cast<Deciseconds>(
                std::min<Time>(search->time_[v], RoadMatrix::kUnreached - 1));
            search->rowLength_[slot] = static_cast<Decimetres>(
                std::min<std::uint64_t>(search->length_[v], RoadMatrix::kUnreached - 1));
            if (--search->remaining_ == 0) throw AllTargetsSettled{};
        }
    };

    const RoadCsr& csr_;
    const std::vector<std::uint32_t>& targetSlot_;
    std::size_t targetCount_;
    std::vector<Time> time_;
    std::vector<std::uint64_t> length_;
    std::vector<std::uint32_t> touched_;
    Deciseconds* rowTime_ = nullptr;
    Decimetres* rowLength_ = nullptr;
    std::size_t remaining_ = 0;
};

// Distinct nodes in order of first appearance, and for each input position its slot.
struct Distinct {
    std::vector<std::uint32_t> nodes;
    std::vector<std::size_t> slotOf;
};

Distinct distinct(const RoadGraph& graph, const std::vector<RoadNodeId>& ids, const char* what) {
    Distinct d;
    std::vector<std::uint32_t> seen(graph.nodeCount(), kNotTarget);
    for (const RoadNodeId id : ids) {
        if (id.value() >= graph.nodeCount()) {
            throw RoadGraphError(std::string(what) + " node " + std::to_string(id.value()) +
                                 " outside the graph (" + std::to_string(graph.nodeCount()) +
                                 " nodes)");
        }
        if (seen[id.value()] == kNotTarget) {
            seen[id.value()] = static_cast<std::uint32_t>(d.nodes.size());
            d.nodes.push_back(id.value());
        }
        d.slotOf.push_back(seen[id.value()]);
    }
    return d;
}

}  // namespace

unsigned resolveThreadCount(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1U, std::thread::hardware_concurrency());
}

RoadMatrix roadMatrix(const RoadGraph& graph, const std::vector<RoadNodeId>& sources,
                      const std::vector<RoadNodeId>& targets, unsigned threads) {
    const Distinct from = distinct(graph, sources, "source");
    const Distinct to = distinct(graph, targets, "target");
    std::vector<std::uint32_t> targetSlot(graph.nodeCount(), kNotTarget);
    for (std::uint32_t slot = 0; slot < to.nodes.size(); ++slot) targetSlot[to.nodes[slot]] = slot;

    // Rows per distinct source; each worker writes only the rows it took, so the result
    // does not depend on which thread ran which source.
    const std::size_t width = to.nodes.size();
    std::vector<Deciseconds> times(from.nodes.size() * width, RoadMatrix::kUnreached);
    std::vector<Decimetres> lengths(from.nodes.size() * width, RoadMatrix::kUnreached);

    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        try {
            OneToMany search(graph.csr(), targetSlot, width);
            for (std::size_t k = next++; k < from.nodes.size() && !failed; k = next++) {
                if (width > 0) search.run(from.nodes[k], &times[k * width], &lengths[k * width]);
            }
        } catch (...) {
            const std::lock_guard lock(failureMutex);
            if (!failure) failure = std::current_exception();
            failed = true;
        }
    };
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(
        resolveThreadCount(threads), std::max<std::size_t>(1, from.nodes.size())));
    if (workers == 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(workers);
        for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
    }
    if (failure) std::rethrow_exception(failure);

    RoadMatrix matrix;
    matrix.sources = sources.size();
    matrix.targets = targets.size();
    matrix.deciseconds.resize(sources.size() * targets.size());
    matrix.decimetres.resize(sources.size() * targets.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::size_t row = from.slotOf[i] * width;
        for (std::size_t j = 0; j < targets.size(); ++j) {
            matrix.deciseconds[i * targets.size() + j] = times[row + to.slotOf[j]];
            matrix.decimetres[i * targets.size() + j] = lengths[row + to.slotOf[j]];
        }
    }
    return matrix;
}

}  // namespace ces::routing
