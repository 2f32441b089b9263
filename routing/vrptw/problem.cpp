#include "routing/vrptw/problem.h"

#include <algorithm>
#include <cmath>

namespace ces::routing {

namespace {

std::string jobName(std::size_t index, const Job& job) {
    return "job " + std::to_string(index) + (job.id.empty() ? "" : " (" + job.id + ")");
}

std::string vehicleName(std::size_t index, const Vehicle& vehicle) {
    return "vehicle " + std::to_string(index) + (vehicle.id.empty() ? "" : " (" + vehicle.id + ")");
}

template <typename Unit>
void checkValues(const std::vector<Quantity<Unit>>& values, const char* what) {
    for (const Quantity<Unit> q : values) {
        if (std::isnan(q.value()) || q.value() < 0) {
            throw InputError(std::string("matrix ") + what + " must be non-negative numbers");
        }
    }
}

}  // namespace

TimeWindow::TimeWindow(Time start, Time end) : start_(start), end_(end) {
    if (std::isnan(start.value()) || std::isnan(end.value())) {
        throw InputError("time window bound is not a number");
    }
    if (start.value() < 0) {
        throw InputError("time window starts before 0");
    }
    if (start > end) {
        throw InputError("time window starts after it ends");
    }
}

Matrix::Matrix(std::size_t size, const std::vector<Time>& durations,
               const std::vector<Distance>& distances)
    : size_(size) {
    if (durations.size() != size * size || distances.size() != size * size) {
        throw InputError("matrix must have size x size durations and distances");
    }
    checkValues(durations, "durations");
    checkValues(distances, "distances");
    auto table = std::make_shared<std::vector<Arc>>(size * size);
    for (std::size_t i = 0; i < table->size(); ++i) {
        (*table)[i] = Arc{durations[i], distances[i]};
    }
    arcs_ = table->data();
    table_ = std::move(table);
}

Matrix Matrix::euclidean(const std::vector<std::pair<double, double>>& points) {
    const std::size_t n = points.size();
    std::vector<Time> durations(n * n);
    std::vector<Distance> distances(n * n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double dx = points[i].first - points[j].first;
            const double dy = points[i].second - points[j].second;
            const double euclidean = std::sqrt(dx * dx + dy * dy);
            // Solomon's rule: a unit of distance takes a unit of time to drive, so the one number
            // is both the arc's travel time and its cost. The only place a distance becomes a time.
            durations[i * n + j] = Time(euclidean);
            distances[i * n + j] = Distance(euclidean);
        }
    }
    return Matrix(n, durations, distances);
}

Problem::Problem(Matrix matrix, std::vector<Job> jobs, std::vector<Vehicle> vehicles)
    : matrix_(std::move(matrix)), jobs_(std::move(jobs)), vehicles_(std::move(vehicles)) {
    const std::size_t locations = matrix_.size();
    for (std::size_t v = 0; v < vehicles_.size(); ++v) {
        const Vehicle& vehicle = vehicles_[v];
        if (vehicle.startLocation >= locations || vehicle.endLocation >= locations) {
            throw InputError(vehicleName(v, vehicle) + ": depot location outside the matrix");
        }
        if (vehicle.capacity < 0) {
            throw InputError(vehicleName(v, vehicle) + ": negative capacity");
        }
        if (std::isnan(vehicle.fixedCost.value()) || vehicle.fixedCost.value() < 0) {
            throw InputError(vehicleName(v, vehicle) + ": fixed cost must be non-negative");
        }
    }
    for (std::size_t j = 0; j < jobs_.size(); ++j) {
        Job& job = jobs_[j];
        if (job.location >= locations) {
            throw InputError(jobName(j, job) + ": location outside the matrix");
        }
        if (job.demand < 0) {
            throw InputError(jobName(j, job) + ": negative demand");
        }
        if (!std::isfinite(job.service.value()) || job.service.value() < 0) {
            throw InputError(jobName(j, job) + ": service time must be a non-negative number");
        }
        if (job.priority < 0) {
            throw InputError(jobName(j, job) + ": negative priority");
        }
        if (job.windows.empty()) {
            job.windows.emplace_back();
        }
        std::sort(job.windows.begin(), job.windows.end(),
                  [](const TimeWindow& a, const TimeWindow& b) { return a.start() < b.start(); });
        for (std::size_t w = 1; w < job.windows.size(); ++w) {
            if (job.windows[w].start() <= job.windows[w - 1].end()) {
                throw InputError(jobName(j, job) + ": time windows overlap");
            }
        }
        for (std::size_t v : job.allowedVehicles) {
            if (v >= vehicles_.size()) {
                throw InputError(jobName(j, job) + ": allowed vehicle index out of range");
            }
        }
    }
    compatible_.assign(jobs_.size() * vehicles_.size(), 0);
    for (std::size_t j = 0; j < jobs_.size(); ++j) {
        const Job& job = jobs_[j];
        for (std::size_t v = 0; v < vehicles_.size(); ++v) {
            const bool skilled = (job.skills & ~vehicles_[v].skills) == 0;
            const bool allowed = job.allowedVehicles.empty() ||
                                 std::find(job.allowedVehicles.begin(), job.allowedVehicles.end(),
                                           v) != job.allowedVehicles.end();
            compatible_[j * vehicles_.size() + v] = (skilled && allowed) ? 1 : 0;
        }
    }
}

}  // namespace ces::routing
