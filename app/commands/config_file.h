#pragma once
// A configuration file for `ces serve --config FILE`: one setting a line, `name = value`, named
// as the command-line option without its dashes (`port = 8080`, `print-demo-logins = true`);
// blank lines and lines starting with # are skipped.
#include <string>
#include <vector>

namespace ces::cli {

struct ConfigSetting {
    std::string name;
    std::string value;
    int line = 0;  ///< For messages: "FILE:LINE: ...".
};

/// The file's settings in order; UsageError naming the file and line for a line that is not
/// `name = value`, or when the file cannot be read.
std::vector<ConfigSetting> readConfigFile(const std::string& path);

}  // namespace ces::cli
