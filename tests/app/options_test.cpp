// Options on the command line and in a --config file: the file gives what the command line
// does not, and a line that is not a known setting is refused with its file and line.
#include "app/commands/options.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace ces::cli;

namespace {

std::string configFile(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ces-options-" + std::to_string(std::rand()) + ".conf");
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST_CASE("options - a config file gives every option the command line did not") {
    const std::string file = configFile(
        "# ces serve on the council's first instance\n\nport = 8081\n"
        "db = postgresql://ces@db.internal/ces\nprint-demo-logins = true\n"
        "metrics-allow = 10.0.0.0/8, 127.0.0.1\n");
    const Options options({"--config", file, "--port", "9090"},
                          {"config", "port", "db", "metrics-allow"}, {"print-demo-logins"});
    CHECK(options.value("port") == "9090");  // the command line wins
    CHECK(options.value("db") == "postgresql://ces@db.internal/ces");
    CHECK(options.value("metrics-allow") == "10.0.0.0/8, 127.0.0.1");
    CHECK(options.flag("print-demo-logins"));
    std::filesystem::remove(file);
}

TEST_CASE("options - a config file's unknown or malformed line is refused with its line") {
    const std::string unknown = configFile("port = 8081\nprot = 8082\n");
    CHECK_THROWS_WITH_AS(Options({"--config", unknown}, {"config", "port"}),
                         (unknown + ":2: unknown setting prot").c_str(), UsageError);
    const std::string malformed = configFile("port 8081\n");
    CHECK_THROWS_WITH_AS(Options({"--config", malformed}, {"config", "port"}),
                         (malformed + ":1: a setting is written `name = value`").c_str(),
                         UsageError);
    const std::string flag = configFile("print-demo-logins = yes\n");
    CHECK_THROWS_AS(Options({"--config", flag}, {"config"}, {"print-demo-logins"}), UsageError);
    CHECK_THROWS_WITH_AS(Options({"--config", "/nonexistent/ces.conf"}, {"config"}),
                         "cannot read the configuration file /nonexistent/ces.conf", UsageError);
    for (const auto& file : {unknown, malformed, flag}) std::filesystem::remove(file);
}
