#pragma once
// Networks written as CIDR ("10.0.0.0/8", "127.0.0.1", "::1/128"), for who may read /metrics
// and which balancers' X-Forwarded-For is believed.
#include <string>
#include <vector>

namespace ces::web {

class AddressRanges {
  public:
    AddressRanges() = default;
    /// A comma-separated list; std::invalid_argument naming the entry that is not a network.
    static AddressRanges parse(const std::string& list);
    /// Whether `address` (as the socket gave it) is in one of the networks.
    bool contains(const std::string& address) const;
    bool empty() const { return networks_.empty(); }

  private:
    struct Network {
        std::string base;  ///< The network's address bytes, masked to the prefix.
        unsigned prefix = 0;
        bool v6 = false;
    };
    std::vector<Network> networks_;
};

}  // namespace ces::web
