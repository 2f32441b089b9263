#pragma once
// Work that runs on its own thread at once and then every interval until stopped (the outbox's
// sender, the specials watch). The work answers whether more is waiting: then it runs again at
// once. What it throws is reported and the next round runs as planned.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ces {

class PeriodicTask {
  public:
    /// `name` says whose stumble a report is ("the outbox sender").
    PeriodicTask(std::string name, std::function<bool()> work);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void start(std::chrono::milliseconds interval);
    /// Wakes the thread and waits for the round in hand to finish.
    void stop();

  private:
    std::string name_;
    std::function<bool()> work_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace ces
