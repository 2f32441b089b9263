#pragma once
// What the code under test writes to std::cerr (the server's log) while it runs.
#include <iostream>
#include <sstream>
#include <string>

namespace ces::web::test {

template <class Work>
std::string standardError(Work work) {
    std::ostringstream captured;
    auto* previous = std::cerr.rdbuf(captured.rdbuf());
    work();
    std::cerr.rdbuf(previous);
    return captured.str();
}

}  // namespace ces::web::test
