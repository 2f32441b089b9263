#include "core/store/infrastructure/write_queue.h"

#include <chrono>

namespace ces::store {

WriteQueue::WriteQueue(std::unique_ptr<Connection> writer, std::size_t maxBatch)
    : writer_(std::move(writer)), maxBatch_(maxBatch), thread_([this] { writerLoop(); }) {}

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WriteQueue::enqueue(Job job) {
    {
        std::lock_guard lock(mutex_);
        pending_.push_back(std::move(job));
    }
    wake_.notify_one();
}

std::pair<std::uint64_t, std::uint64_t> WriteQueue::commitCounts() const {
    std::lock_guard lock(mutex_);
    return {transactions_, writes_};
}

void WriteQueue::writerLoop() {
    for (;;) {
        std::deque<Job> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
            if (pending_.empty()) return;
            while (!pending_.empty() && batch.size() < maxBatch_) {
                batch.push_back(std::move(pending_.front()));
                pending_.pop_front();
            }
        }
        runBatch(batch);
    }
}

void WriteQueue::runBatch(std::deque<Job>& batch) {
    const bool sqlite = writer_->dialect() == Dialect::sqlite;
    std::vector<std::exception_ptr> outcomes(batch.size());
    try {
        writer_->execute(sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        for (std::size_t i = 0; i < batch.size(); ++i) {
            writer_->execute("SAVEPOINT write_job");
            try {
                batch[i].run(*writer_);
                writer_->execute("RELEASE SAVEPOINT write_job");
            } catch (...) {
                outcomes[i] = std::current_exception();
                writer_->execute("ROLLBACK TO SAVEPOINT write_job");
                writer_->execute("RELEASE SAVEPOINT write_job");
            }
        }
        const auto commitStarted = std::chrono::steady_clock::now();
        writer_->execute("COMMIT");
        commitSeconds_.observe(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - commitStarted)
                .count());
    } catch (...) {
        // The transaction itself failed (disk full, I/O error): nothing of the batch is durable.
        auto failure = std::current_exception();
        try {
            writer_->execute("ROLLBACK");
        } catch (...) {
        }
        for (auto& job : batch) job.failed(failure);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        ++transactions_;
        writes_ += batch.size();
    }
    batchSizes_.observe(static_cast<double>(batch.size()));
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (outcomes[i]) {
            batch[i].failed(outcomes[i]);
        } else {
            batch[i].committed();
        }
    }
}

}  // namespace ces::store
