// Solomon VRPTW instance files: a checked Problem or an InputError, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "routing/vrptw/solomon_reader.h"
#include "routing/vrptw/types.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        const auto instance = ces::routing::readSolomon(in);
        if (instance.customerNumbers.size() != instance.problem.jobs().size()) std::abort();
    } catch (const ces::routing::InputError&) {
    }
    return 0;
}
