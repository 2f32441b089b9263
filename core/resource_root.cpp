#include "core/resource_root.h"

#include <filesystem>

namespace ces {

std::string resourceRoot(const std::string& sourceDir) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path binary = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = binary.parent_path().parent_path() / "share" / "ces";
        if (fs::is_directory(installed / "web" / "templates", error)) return installed.string();
    }
    return sourceDir;
}

}  // namespace ces
