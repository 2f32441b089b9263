// `ces route solve FILE ...`: the solver on a Solomon benchmark file, answering one JSON object.
#include "app/commands/route_command.h"

#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "core/json_text.h"
#include "routing/vrptw/checker.h"
#include "routing/vrptw/solomon_reader.h"
#include "routing/vrptw/solve.h"

namespace ces::cli {

namespace {

constexpr int kBadInput = 2;
constexpr int kInternalError = 1;

constexpr const char* kUsage =
    "usage: ces route solve FILE [--time-limit-ms N] [--seed N] [--threads N]\n"
    "                      [--objective vehicles-then-distance|distance] [--iterations N]\n"
    "       ces route import|matrix|snap ...\n";

/// Bad command-line input; becomes exit code 2 and a JSON error.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Shortest text that reads back as the same double (full precision, no noise digits).
std::string jsonNumber(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

void printError(const std::string& code, const std::string& message) {
    std::cerr << "{\"error\":{\"code\":" << jsonString(code)
              << ",\"message\":" << jsonString(message) << "}}\n";
}

std::uint64_t parseCount(const std::string& option, const std::string& text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) {
        throw UsageError(option + " needs a whole number, got '" + text + "'");
    }
    return value;
}

struct SolveArgs {
    std::string file;
    routing::SolveOptions options;
};

SolveArgs parseSolveArgs(const std::vector<std::string>& args) {
    SolveArgs parsed;
    std::optional<std::string> file;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0) {
            if (file) {
                throw UsageError("more than one FILE given");
            }
            file = arg;
            continue;
        }
        if (i + 1 >= args.size()) {
            throw UsageError(arg + " needs a value");
        }
        const std::string& value = args[++i];
        if (arg == "--time-limit-ms") {
            const std::uint64_t ms = parseCount(arg, value);
            if (ms > 24ULL * 3600 * 1000) {
                throw UsageError("--time-limit-ms is more than a day");
            }
            parsed.options.timeLimit = std::chrono::milliseconds(ms);
        } else if (arg == "--seed") {
            parsed.options.seed = parseCount(arg, value);
        } else if (arg == "--threads") {
            const std::uint64_t threads = parseCount(arg, value);
            if (threads < 1 || threads > 256) {
                throw UsageError("--threads must be between 1 and 256");
            }
            parsed.options.threads = static_cast<unsigned>(threads);
        } else if (arg == "--iterations") {
            parsed.options.iterations = parseCount(arg, value);
        } else if (arg == "--objective") {
            const std::optional<routing::Objective> objective = routing::parseObjective(value);
            if (!objective) {
                throw UsageError("--objective must be vehicles-then-distance or distance");
            }
            parsed.options.objective = *objective;
        } else {
            throw UsageError("unknown option " + arg);
        }
    }
    if (!file) {
        throw UsageError("solve needs a FILE");
    }
    parsed.file = *file;
    return parsed;
}

int runSolve(const std::vector<std::string>& args) {
    const SolveArgs parsed = parseSolveArgs(args);
    const routing::SolomonInstance instance = routing::readSolomonFile(parsed.file);
    const auto started = std::chrono::steady_clock::now();
    const routing::SolveResult result = routing::solve(instance.problem, parsed.options);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    const std::vector<std::string> violations = routing::check(instance.problem, result.solution);
    if (!violations.empty()) {
        printError("internal", "solver produced an invalid plan: " + violations.front());
        return kInternalError;
    }
    std::ostringstream out;
    out << "{\"instance\":" << jsonString(instance.name) << ",\"vehicles\":" << result.vehicles
        << ",\"distance\":" << jsonNumber(result.distance.value())
        << ",\"unassigned\":" << result.solution.unassigned.size()
        << ",\"time_ms\":" << elapsed.count() << ",\"routes\":[";
    for (std::size_t r = 0; r < result.solution.routes.size(); ++r) {
        out << (r == 0 ? "[" : ",[");
        const auto& jobs = result.solution.routes[r].jobs;
        for (std::size_t k = 0; k < jobs.size(); ++k) {
            out << (k == 0 ? "" : ",") << instance.customerNumbers[jobs[k]];
        }
        out << "]";
    }
    out << "]}\n";
    std::cout << out.str();
    return 0;
}

}  // namespace

int runRouteCommand(const std::vector<std::string>& args) {
    if (args.empty()) {
        std::cerr << kUsage;
        return kBadInput;
    }
    const std::string& command = args[0];
    if (command == "import" || command == "matrix" || command == "snap") {
        return runRouteGraphCommand(args);
    }
    if (command != "solve") {
        std::cerr << kUsage;
        return kBadInput;
    }
    try {
        return runSolve(args);
    } catch (const UsageError& e) {
        printError("usage", e.what());
        std::cerr << kUsage;
        return kBadInput;
    } catch (const routing::InputError& e) {
        printError("invalid_input", e.what());
        return kBadInput;
    } catch (const std::exception& e) {
        printError("internal", e.what());
        return kInternalError;
    }
}

}  // namespace ces::cli
