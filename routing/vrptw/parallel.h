#pragma once
// Runs tasks 0..count-1 at once: task 0 on the calling thread, the others on threads of their
// own; waits for all, then rethrows the first task's exception, if any.
#include <exception>
#include <thread>
#include <vector>

namespace ces::routing {

template <typename Task>
void runEach(unsigned count, const Task& task) {
    std::vector<std::exception_ptr> errors(count);
    auto guarded = [&](unsigned t) {
        try {
            task(t);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < count; ++t) {
        pool.emplace_back(guarded, t);
    }
    guarded(0);
    for (std::thread& thread : pool) {
        thread.join();
    }
    for (const std::exception_ptr& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
}

}  // namespace ces::routing
