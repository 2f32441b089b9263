#pragma once
// `--name value` options after a subcommand; unknown or repeated options are refused. A command
// that accepts `--config FILE` also reads its settings from that file (config_file.h).
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace ces::cli {

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Options {
  public:
    /// Parses args; `flags` take no value, `valued` take one.
    Options(const std::vector<std::string>& args, const std::set<std::string>& valued,
            const std::set<std::string>& flags = {});
    std::optional<std::string> value(const std::string& name) const;
    std::string value(const std::string& name, const std::string& otherwise) const;
    long number(const std::string& name, long otherwise, long min, long max) const;
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }

  private:
    /// Settings from `--config FILE` that the command line did not give.
    void addConfigFile(const std::string& path, const std::set<std::string>& valued,
                       const std::set<std::string>& flags);
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

}  // namespace ces::cli
