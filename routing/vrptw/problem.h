#pragma once
// The routing problem: jobs, vehicles and the travel matrix, each checked on construction.
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "routing/vrptw/types.h"

namespace ces::routing {

/// A closed interval [start, end] of allowed service start (jobs) or presence (shifts).
class TimeWindow {
  public:
    /// The whole day and beyond: [0, no limit].
    TimeWindow() = default;
    /// Throws InputError when start > end, start < 0 or either is NaN.
    TimeWindow(Time start, Time end);
    /// Earliest allowed time.
    [[nodiscard]] Time start() const { return start_; }
    /// Latest allowed time.
    [[nodiscard]] Time end() const { return end_; }
    /// True when start <= t <= end.
    [[nodiscard]] bool contains(Time t) const { return start_ <= t && t <= end_; }
    /// Length of the window (end - start).
    [[nodiscard]] Time length() const { return end_ - start_; }
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;

  private:
    Time start_{};
    Time end_ = kNoTimeLimit;
};

/// Deliveries are loaded at the depot; pickups (collections) are loaded where they are served.
enum class JobKind { delivery, pickup };

/// One visit: a delivery or a collection at a location.
struct Job {
    std::string id;                    ///< caller's reference (Solomon customer number, visit id)
    std::size_t location = 0;          ///< row/column in the matrix
    JobKind kind = JobKind::delivery;  ///< where the load joins the van
    Load demand = 0;                   ///< load units, >= 0
    Time service{};                    ///< time spent on site, >= 0
    std::vector<TimeWindow> windows;   ///< allowed service starts; empty means any time
    SkillSet skills = 0;               ///< skills the crew must have
    int priority = 0;                  ///< >= 0; when not all jobs fit, higher priorities are kept
    std::vector<std::size_t> allowedVehicles;  ///< vehicle indices; empty means any vehicle
};

/// One van and its crew for the day.
struct Vehicle {
    std::string id;                 ///< caller's reference
    std::size_t startLocation = 0;  ///< depot the shift starts from
    std::size_t endLocation = 0;    ///< depot the shift ends at
    TimeWindow shift;               ///< leave no earlier than start, back no later than end
    Load capacity = 0;              ///< load units, >= 0
    SkillSet skills = 0;            ///< skills of the crew
    Distance fixedCost{};           ///< cost of using the van at all, in distance units
};

/// Square travel matrix by location index: durations and distances, supplied by the caller.
/// Copies share one read-only table, so the problems of a week (each day alone and the whole
/// horizon) hold one matrix of their locations instead of one each.
class Matrix {
  public:
    /// Row-major size x size matrices; throws InputError on wrong sizes, negative or NaN values.
    Matrix(std::size_t size, const std::vector<Time>& durations,
           const std::vector<Distance>& distances);
    /// Euclidean distances in double precision, durations equal to distances (Solomon's rule).
    static Matrix euclidean(const std::vector<std::pair<double, double>>& points);
    /// Number of locations.
    [[nodiscard]] std::size_t size() const { return size_; }
    /// Travel time from one location to another.
    [[nodiscard]] Time duration(std::size_t from, std::size_t to) const {
        return arcs_[from * size_ + to].duration;
    }
    /// Travel cost from one location to another.
    [[nodiscard]] Distance distance(std::size_t from, std::size_t to) const {
        return arcs_[from * size_ + to].distance;
    }

  private:
    /// An arc's time and cost side by side: an insertion test reads each arc from one place.
    struct Arc {
        Time duration;
        Distance distance;
    };
    std::size_t size_;
    std::shared_ptr<const std::vector<Arc>> table_;
    const Arc* arcs_;  ///< table_'s data, read on every lookup.
};

/// A complete, validated problem. Windows are sorted and an empty list becomes one open window.
class Problem {
  public:
    /// Throws InputError on any broken invariant (indices, negative values, overlapping windows).
    Problem(Matrix matrix, std::vector<Job> jobs, std::vector<Vehicle> vehicles);
    /// The travel matrix.
    [[nodiscard]] const Matrix& matrix() const { return matrix_; }
    /// Jobs, by index.
    [[nodiscard]] const std::vector<Job>& jobs() const { return jobs_; }
    /// Vehicles, by index.
    [[nodiscard]] const std::vector<Vehicle>& vehicles() const { return vehicles_; }
    /// True when the vehicle has the job's skills and is in its allowed list.
    [[nodiscard]] bool canServe(std::size_t vehicle, std::size_t job) const {
        return compatible_[job * vehicles_.size() + vehicle] != 0;
    }

  private:
    Matrix matrix_;
    std::vector<Job> jobs_;
    std::vector<Vehicle> vehicles_;
    std::vector<char> compatible_;
};

}  // namespace ces::routing
