// Importing an OpenStreetMap XML extract: a road graph or a RoadGraphError, never a crash. The
// importer reads files only, so each input is written to a temporary .osm file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "routing/graph/errors.h"
#include "routing/graph/osm_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() /
        ("ces-osm-fuzz-" + std::to_string(::getpid()) + ".osm");
    static const int removeAtExit = std::atexit([] { std::filesystem::remove(file); });
    (void)removeAtExit;
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto imported = ces::routing::importOsm(file);
        if (imported.graph.nodeCount() == 0) std::abort();  // "no drivable road" is an error
    } catch (const ces::routing::RoadGraphError&) {
    }
    return 0;
}
