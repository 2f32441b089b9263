#include "routing/vrptw/solomon_reader.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

namespace ces::routing {

namespace {

struct Line {
    std::size_t number;
    std::vector<std::string> words;
};

std::vector<Line> splitLines(std::istream& in) {
    std::vector<Line> lines;
    std::string text;
    std::size_t number = 0;
    while (std::getline(in, text)) {
        ++number;
        std::istringstream words(text);  // whitespace includes the '\r' of CRLF files
        Line line{number, {}};
        std::string word;
        while (words >> word) {
            line.words.push_back(word);
        }
        if (!line.words.empty()) {
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

[[noreturn]] void fail(std::size_t line, const std::string& message) {
    throw InputError("Solomon file, line " + std::to_string(line) + ": " + message);
}

std::optional<double> toNumber(const std::string& word) {
    double value = 0;
    const char* end = word.data() + word.size();
    const auto [ptr, ec] = std::from_chars(word.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::vector<double> numbers(const Line& line, std::size_t count) {
    if (line.words.size() != count) {
        fail(line.number, "expected " + std::to_string(count) + " numbers, found " +
                              std::to_string(line.words.size()) + " fields");
    }
    std::vector<double> values;
    for (const std::string& word : line.words) {
        const std::optional<double> value = toNumber(word);
        if (!value) {
            fail(line.number, "'" + word + "' is not a number");
        }
        values.push_back(*value);
    }
    return values;
}

bool isWholeNonNegative(double v) { return v >= 0 && v == std::floor(v) && v < 1e15; }

std::size_t findKeyword(const std::vector<Line>& lines, std::size_t from, const char* keyword) {
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (lines[i].words.size() == 1 && lines[i].words[0] == keyword) {
            return i;
        }
    }
    throw InputError(std::string("Solomon file: no ") + keyword + " section");
}

}  // namespace

SolomonInstance readSolomon(std::istream& in) {
    const std::vector<Line> lines = splitLines(in);
    if (lines.empty()) {
        throw InputError("Solomon file is empty");
    }
    const std::string name = lines[0].words[0];
    const std::size_t vehicleAt = findKeyword(lines, 1, "VEHICLE");
    // VEHICLE, a header line (NUMBER CAPACITY), then the two values.
    if (vehicleAt + 2 >= lines.size()) {
        throw InputError("Solomon file: VEHICLE section is incomplete");
    }
    const std::vector<double> fleet = numbers(lines[vehicleAt + 2], 2);
    if (!isWholeNonNegative(fleet[0]) || fleet[0] < 1 || fleet[0] > 100000) {
        fail(lines[vehicleAt + 2].number, "vehicle number must be a whole number >= 1");
    }
    if (!isWholeNonNegative(fleet[1])) {
        fail(lines[vehicleAt + 2].number, "capacity must be a whole number >= 0");
    }
    const std::size_t customerAt = findKeyword(lines, vehicleAt + 3, "CUSTOMER");
    // CUSTOMER, a header line, then one row per site; the first row is the depot.
    std::vector<std::pair<double, double>> points;
    std::vector<Job> jobs;
    std::vector<long> customerNumbers;
    std::optional<TimeWindow> depotHours;
    for (std::size_t i = customerAt + 2; i < lines.size(); ++i) {
        const std::vector<double> row = numbers(lines[i], 7);
        const std::size_t at = lines[i].number;
        if (!isWholeNonNegative(row[0])) {
            fail(at, "customer number must be a whole number >= 0");
        }
        if (!isWholeNonNegative(row[3])) {
            fail(at, "demand must be a whole number >= 0");
        }
        if (row[6] < 0) {
            fail(at, "service time must be >= 0");
        }
        if (row[4] < 0 || row[4] > row[5]) {
            fail(at, "ready time must be >= 0 and not after the due date");
        }
        points.emplace_back(row[1], row[2]);
        if (!depotHours) {
            depotHours = TimeWindow(Time(row[4]), Time(row[5]));
            continue;
        }
        Job job;
        job.id = std::to_string(static_cast<long>(row[0]));
        job.location = points.size() - 1;
        job.demand = static_cast<Load>(row[3]);
        job.service = Time(row[6]);
        job.windows = {TimeWindow(Time(row[4]), Time(row[5]))};
        customerNumbers.push_back(static_cast<long>(row[0]));
        jobs.push_back(std::move(job));
    }
    if (!depotHours) {
        throw InputError("Solomon file: no depot row");
    }
    std::vector<Vehicle> vehicles(static_cast<std::size_t>(fleet[0]));
    for (std::size_t v = 0; v < vehicles.size(); ++v) {
        vehicles[v].id = std::to_string(v + 1);
        vehicles[v].shift = *depotHours;
        vehicles[v].capacity = static_cast<Load>(fleet[1]);
    }
    return SolomonInstance{
        name, std::move(customerNumbers),
        Problem(Matrix::euclidean(points), std::move(jobs), std::move(vehicles))};
}

SolomonInstance readSolomonFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("cannot open " + path);
    }
    return readSolomon(in);
}

}  // namespace ces::routing
