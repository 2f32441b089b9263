// Generates a 2,000-row catalogue CSV, imports it into a fresh SQLite database (a dry run, the
// import, and the same file again, all unchanged) and prints the time of each.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "core/store/catalogue/catalogue_import.h"
#include "core/store/infrastructure/database.h"

namespace {

std::string generatedCatalogue(int rows) {
    std::ostringstream csv;
    csv << "item_code,name,category,unit_price_gbp,serialised,inspection_regime,two_person,"
           "maintenance_regime\n";
    for (int i = 0; i < rows; ++i) {
        csv << "BENCH-" << i << ",\"Item " << i << ", size " << i % 7 << "\",Category " << i % 12
            << "," << (i % 500) << "." << (i % 100 < 10 ? "0" : "") << i % 100 << ","
            << (i % 3 == 0 ? "y" : "n") << ",Visual check," << (i % 5 == 0 ? "y" : "n") << ","
            << (i % 4 == 0 ? "electrical" : "none") << "\n";
    }
    return csv.str();
}

void timed(ces::store::Database& db, const std::string& csv, bool dryRun, const char* what) {
    const auto start = std::chrono::steady_clock::now();
    const auto report = db.write([&](ces::store::Connection& c) {
        std::istringstream in(csv);
        return ces::store::importCatalogue(
            c, in, dryRun, std::nullopt,
            std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    });
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << what << ": " << ms << " ms (" << report.created << " created, " << report.updated
              << " updated, " << report.unchanged << " unchanged, " << report.errors.size()
              << " errors)" << std::endl;
}

}  // namespace

int main() {
    const auto dir = std::filesystem::temp_directory_path() / "ces-bench-catalogue-import";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string csv = generatedCatalogue(2000);
    {
        ces::store::Database db((dir / "bench.db").string(), 2);
        timed(db, csv, true, "2000 rows, dry run");
        timed(db, csv, false, "2000 rows, import");
        timed(db, csv, false, "2000 rows, again (unchanged)");
    }
    std::filesystem::remove_all(dir);
    return 0;
}
