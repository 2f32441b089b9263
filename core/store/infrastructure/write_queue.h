#pragma once
// Group commit: every write runs on the one writer connection; the writer takes all writes that
// are waiting, runs each inside its own SAVEPOINT of one transaction, commits once (one fsync),
// and only then answers each caller. A write that throws is rolled back alone.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/metrics.h"
#include "core/store/infrastructure/connection.h"

namespace ces::store {

class WriteQueue {
  public:
    explicit WriteQueue(std::unique_ptr<Connection> writer, std::size_t maxBatch = 256);
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    /// Runs `work` in a transaction and returns its result once that transaction has committed;
    /// rethrows whatever `work` threw (its changes rolled back).
    template <class Work>
    auto write(Work&& work) -> decltype(work(std::declval<Connection&>())) {
        using Result = decltype(work(std::declval<Connection&>()));
        std::promise<Result> promise;
        auto answer = promise.get_future();
        if constexpr (std::is_void_v<Result>) {
            enqueue({[&](Connection& c) { work(c); }, [&] { promise.set_value(); },
                     [&](std::exception_ptr e) { promise.set_exception(e); }});
        } else {
            auto result = std::make_shared<std::optional<Result>>();
            enqueue({[&, result](Connection& c) { result->emplace(work(c)); },
                     [&, result] { promise.set_value(std::move(**result)); },
                     [&](std::exception_ptr e) { promise.set_exception(e); }});
        }
        return answer.get();
    }

    /// Transactions committed so far, and writes they carried (for benchmarks and tests).
    std::pair<std::uint64_t, std::uint64_t> commitCounts() const;
    /// Writes carried by each committed transaction (for /metrics).
    const Histogram& batchSizes() const { return batchSizes_; }
    /// Seconds each COMMIT took: the durable flush every caller of the batch waits for.
    const Histogram& commitSeconds() const { return commitSeconds_; }

  private:
    struct Job {
        std::function<void(Connection&)> run;
        std::function<void()> committed;
        std::function<void(std::exception_ptr)> failed;
    };
    void enqueue(Job job);
    void writerLoop();
    void runBatch(std::deque<Job>& batch);

    std::unique_ptr<Connection> writer_;
    std::size_t maxBatch_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> pending_;
    bool stopping_ = false;
    std::uint64_t transactions_ = 0;
    std::uint64_t writes_ = 0;
    Histogram batchSizes_{countBuckets()};
    Histogram commitSeconds_{secondsBuckets()};
    std::thread thread_;
};

}  // namespace ces::store
