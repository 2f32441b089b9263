#include "routing/graph/graph_file.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "routing/graph/errors.h"

namespace ces::routing {

// The file is written as the host lays integers out in memory; every machine we build for
// is little-endian, and this refuses to build where that would silently break the format.
static_assert(std::endian::native == std::endian::little, "graph files are little-endian");

namespace {

constexpr std::string_view kMagic = "CESROADG";
constexpr std::uint32_t kHasOsmIds = 1;
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8;

std::uint64_t fnv1a(const char* data, std::size_t size) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= static_cast<unsigned char>(data[i]);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

class Writer {
  public:
    template <class T>
    void put(const T& value) {
        const auto* bytes = reinterpret_cast<const char*>(&value);
        buffer_.insert(buffer_.end(), bytes, bytes + sizeof(T));
    }
    template <class T>
    void putAll(const std::vector<T>& values) {
        const auto* bytes = reinterpret_cast<const char*>(values.data());
        buffer_.insert(buffer_.end(), bytes, bytes + values.size() * sizeof(T));
    }
    const std::vector<char>& bytes() const { return buffer_; }

  private:
    std::vector<char> buffer_;
};

class Reader {
  public:
    explicit Reader(const std::string& bytes) : bytes_(bytes) {}
    template <class T>
    T get() {
        T value;
        std::memcpy(&value, take(sizeof(T)), sizeof(T));
        return value;
    }
    template <class T>
    std::vector<T> getAll(std::size_t count) {
        std::vector<T> values(count);
        if (count > 0) std::memcpy(values.data(), take(count * sizeof(T)), count * sizeof(T));
        return values;
    }

  private:
    const char* take(std::size_t size) {
        // The total size is checked against the header before any array is read, so this
        // only fires on a bug; it still must not read past the buffer.
        if (size > bytes_.size() - offset_) throw GraphFileError("graph file: truncated");
        const char* at = bytes_.data() + offset_;
        offset_ += size;
        return at;
    }
    const std::string& bytes_;
    std::size_t offset_ = 0;
};

}  // namespace

void saveRoadGraph(const RoadGraph& graph, std::ostream& out) {
    const RoadCsr& csr = graph.csr();
    const std::size_t n = graph.nodeCount();
    std::vector<std::uint32_t> rowStart;
    std::vector<std::uint32_t> targets;
    std::vector<std::uint32_t> durations;
    std::vector<std::uint32_t> lengths;
    rowStart.reserve(n + 1);
    rowStart.push_back(0);
    for (std::uint32_t v = 0; v < n; ++v) {
        for (const auto& edge : boost::make_iterator_range(out_edges(v, csr))) {
            targets.push_back(target(edge, csr));
            durations.push_back(csr[edge].duration);
            lengths.push_back(csr[edge].length);
        }
        rowStart.push_back(static_cast<std::uint32_t>(targets.size()));
    }

    Writer w;
    w.putAll(std::vector<char>(kMagic.begin(), kMagic.end()));
    w.put(kGraphFileVersion);
    w.put(graph.osmIds().empty() ? std::uint32_t{0} : kHasOsmIds);
    w.put(static_cast<std::uint64_t>(n));
    w.put(static_cast<std::uint64_t>(targets.size()));
    w.putAll(graph.latE7());
    w.putAll(graph.lonE7());
    w.putAll(graph.osmIds());
    w.putAll(rowStart);
    w.putAll(targets);
    w.putAll(durations);
    w.putAll(lengths);
    const std::uint64_t checksum = fnv1a(w.bytes().data(), w.bytes().size());
    out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    if (!out) throw GraphFileError("graph file: write failed");
}

void saveRoadGraph(const RoadGraph& graph, const std::filesystem::path& file) {
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw GraphFileError("cannot write graph file " + temporary.string());
        saveRoadGraph(graph, out);
        out.close();
        if (!out) throw GraphFileError("cannot write graph file " + temporary.string());
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    if (error) {
        throw GraphFileError("cannot write graph file " + file.string() + ": " + error.message());
    }
}

RoadGraph loadRoadGraph(std::istream& in) {
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < kHeaderBytes || std::string_view(bytes).substr(0, 8) != kMagic) {
        throw GraphFileError("not a ces road-graph file (bad magic)");
    }
    Reader r(bytes);
    r.getAll<char>(kMagic.size());
    const auto version = r.get<std::uint32_t>();
    if (version != kGraphFileVersion) {
        throw GraphFileError("road-graph file format version " + std::to_string(version) +
                             ", this build reads version " + std::to_string(kGraphFileVersion) +
                             ": import the road file again");
    }
    const auto flags = r.get<std::uint32_t>();
    const auto n = r.get<std::uint64_t>();
    const auto m = r.get<std::uint64_t>();
    if ((flags & ~kHasOsmIds) != 0 || n >= std::numeric_limits<std::uint32_t>::max() ||
        m >= std::numeric_limits<std::uint32_t>::max()) {
        throw GraphFileError("road-graph file: corrupt header");
    }
    const bool hasOsmIds = (flags & kHasOsmIds) != 0;
    // Sizes are below 2^32, so this sum cannot overflow 64 bits.
    const std::uint64_t expected = kHeaderBytes + n * (4 + 4 + (hasOsmIds ? 8 : 0)) + (n + 1) * 4 +
                                   m * (4 + 4 + 4) + sizeof(std::uint64_t);
    if (bytes.size() != expected) {
        throw GraphFileError("road-graph file: " + std::to_string(bytes.size()) +
                             " bytes, the header promises " + std::to_string(expected) +
                             " (truncated or corrupt)");
    }
    std::uint64_t stored;
    std::memcpy(&stored, bytes.data() + bytes.size() - sizeof stored, sizeof stored);
    if (stored != fnv1a(bytes.data(), bytes.size() - sizeof stored)) {
        throw GraphFileError("road-graph file: checksum mismatch (corrupt)");
    }

    const auto lat = r.getAll<std::int32_t>(n);
    const auto lon = r.getAll<std::int32_t>(n);
    auto osmIds = r.getAll<std::int64_t>(hasOsmIds ? n : 0);
    const auto rowStart = r.getAll<std::uint32_t>(n + 1);
    const auto targets = r.getAll<std::uint32_t>(m);
    const auto durations = r.getAll<std::uint32_t>(m);
    const auto lengths = r.getAll<std::uint32_t>(m);

    // Checked before any arc is read: a decreasing or overlong row would index past the arcs.
    if (rowStart.front() != 0 || rowStart.back() != m ||
        !std::is_sorted(rowStart.begin(), rowStart.end())) {
        throw GraphFileError("road-graph file: corrupt arc index");
    }
    std::vector<LatLon> positions;
    positions.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        positions.push_back({fromFixed7(lat[i]), fromFixed7(lon[i])});
    }
    std::vector<RoadArc> arcs;
    arcs.reserve(m);
    for (std::uint32_t v = 0; v < n; ++v) {
        for (std::uint32_t e = rowStart[v]; e < rowStart[v + 1]; ++e) {
            arcs.push_back({RoadNodeId(v), RoadNodeId(targets[e]), {durations[e], lengths[e]}});
        }
    }
    try {
        return RoadGraph(std::move(positions), arcs, std::move(osmIds));
    } catch (const GraphFileError&) {
        throw;
    } catch (const RoadGraphError& error) {
        throw GraphFileError(std::string("road-graph file: ") + error.what());
    }
}

RoadGraph loadRoadGraph(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw GraphFileError("cannot open road-graph file " + file.string());
    try {
        return loadRoadGraph(in);
    } catch (const GraphFileError& error) {
        throw GraphFileError(file.string() + ": " + error.what());
    }
}

bool isRoadGraphFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 8> head{};
    in.read(head.data(), head.size());
    return in && std::string_view(head.data(), head.size()) == kMagic;
}

}  // namespace ces::routing
