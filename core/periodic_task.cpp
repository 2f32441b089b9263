#include "core/periodic_task.h"

#include <iostream>

namespace ces {

PeriodicTask::PeriodicTask(std::string name, std::function<bool()> work)
    : name_(std::move(name)), work_(std::move(work)) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start(std::chrono::milliseconds interval) {
    if (thread_.joinable()) return;
    thread_ = std::thread([this, interval] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            bool moreWaiting = false;
            try {
                moreWaiting = work_();
            } catch (const std::exception& e) {
                std::cerr << "ces: " << name_ << " stumbled: " << e.what() << "\n";
            }
            lock.lock();
            if (!moreWaiting) wake_.wait_for(lock, interval, [this] { return stopping_; });
        }
    });
}

void PeriodicTask::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace ces
