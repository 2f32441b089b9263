#pragma once
// Reader for Solomon / Gehring-Homberger VRPTW text files (the literature's benchmark format).
#include <istream>
#include <string>
#include <vector>

#include "routing/vrptw/problem.h"

namespace ces::routing {

/// A benchmark instance: customers become delivery jobs, the fleet identical vans at depot 0.
struct SolomonInstance {
    std::string name;                   ///< first line of the file, e.g. "C101"
    std::vector<long> customerNumbers;  ///< CUST NO. of each job, by job index
    Problem problem;                    ///< depot is location 0, customer i is location i
};

/// Parses a Solomon file; throws InputError (with the line number) on malformed input.
SolomonInstance readSolomon(std::istream& in);

/// Opens and parses a Solomon file; throws InputError when it cannot be read.
SolomonInstance readSolomonFile(const std::string& path);

}  // namespace ces::routing
