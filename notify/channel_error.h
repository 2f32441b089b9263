#pragma once
// A channel's refusal of one message: temporary (try again later) or permanent (give up).
#include <stdexcept>
#include <string>

namespace ces::notify {

class ChannelError : public std::runtime_error {
  public:
    ChannelError(const std::string& message, bool permanent)
        : std::runtime_error(message), permanent_(permanent) {}
    bool permanent() const { return permanent_; }

  private:
    bool permanent_;
};

}  // namespace ces::notify
