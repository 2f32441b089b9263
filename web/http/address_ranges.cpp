#include "web/http/address_ranges.h"

#include <Poco/Net/IPAddress.h>

#include <algorithm>
#include <stdexcept>

namespace ces::web {

namespace {

using Poco::Net::IPAddress;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The address's first `prefix` bits, the rest zero, as bytes (POCO cannot mask IPv6).
std::string maskedBytes(const IPAddress& address, unsigned prefix) {
    std::string bytes(static_cast<const char*>(address.addr()), address.length());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const unsigned kept =
            prefix > i * 8 ? std::min(8u, prefix - static_cast<unsigned>(i * 8)) : 0;
        const auto mask = static_cast<unsigned char>(kept == 0 ? 0 : 0xFF << (8 - kept));
        bytes[i] = static_cast<char>(static_cast<unsigned char>(bytes[i]) & mask);
    }
    return bytes;
}

}  // namespace

AddressRanges AddressRanges::parse(const std::string& list) {
    AddressRanges ranges;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const std::string entry = trimmed(list.substr(start, end - start));
        start = end + 1;
        if (entry.empty()) continue;
        const auto slash = entry.find('/');
        IPAddress address;
        if (!IPAddress::tryParse(entry.substr(0, slash), address)) {
            throw std::invalid_argument("not a network address: " + entry);
        }
        const bool v6 = address.family() == IPAddress::IPv6;
        const unsigned most = v6 ? 128 : 32;
        unsigned prefix = most;
        if (slash != std::string::npos) {
            const std::string bits = entry.substr(slash + 1);
            if (bits.empty() || bits.size() > 3 ||
                bits.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(bits) > most) {
                throw std::invalid_argument("not a prefix length: " + entry);
            }
            prefix = static_cast<unsigned>(std::stoul(bits));
        }
        ranges.networks_.push_back({maskedBytes(address, prefix), prefix, v6});
    }
    return ranges;
}

bool AddressRanges::contains(const std::string& text) const {
    IPAddress address;
    if (!IPAddress::tryParse(text, address)) return false;
    const bool v6 = address.family() == IPAddress::IPv6;
    for (const auto& network : networks_) {
        if (network.v6 == v6 && maskedBytes(address, network.prefix) == network.base) return true;
    }
    return false;
}

}  // namespace ces::web
