// `ces migrate FILE_OR_DIR --db PATH --mapping MAPPING.json --team NAME [--dry-run]`: brings in
// the records of the provider the county is leaving, one transaction per file.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "app/demo/demo_county.h"
#include "app/migration/mapping.h"
#include "app/migration/migrate_rows.h"
#include "core/errors.h"
#include "core/iso_time.h"
#include "core/settings.h"
#include "core/store/admin/settings.h"
#include "core/store/infrastructure/database.h"
#include "core/store/residents/legacy_records.h"
#include "warehouse/takeover.h"
#include "web/policies.h"

namespace ces::cli {

namespace {

using migration::FileReport;

// Thrown inside a dry run's write to roll everything back.
struct RollBack {};

const char* const kSavepoint = "SAVEPOINT migrate_file";
const char* const kReleaseSavepoint = "RELEASE SAVEPOINT migrate_file";
const char* const kRollbackSavepoint = "ROLLBACK TO SAVEPOINT migrate_file";

Instant systemNow() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// One file of the export to bring in.
struct ExportFile {
    std::filesystem::path path;
    const migration::FileMapping& mapping;
};

// Reads one file's rows into the caller's write, inside a savepoint that is rolled back when a
// row is bad: nothing of that file stays, what came before it does.
FileReport migrateFile(store::Connection& c, const ExportFile& export_,
                       const migration::Mapping& mapping, const Actor& actor, Instant now) {
    FileReport report;
    report.kind = export_.mapping.kind;
    report.file = export_.path.filename().string();
    c.execute(kSavepoint);
    try {
        std::ifstream in(export_.path);
        if (!in) throw ValidationError(report.kind, "cannot read " + export_.path.string());
        migration::MappedFile file(in, export_.mapping);
        const auto maintenance =
            web::maintenancePolicyOf(store::loadSettings(c).inForceOn(ukDateOf(now)));
        warehouse::Takeover takeover(c, actor, now, maintenance);
        migration::RowContext context{c, actor, now, mapping, takeover, report};
        while (file.next()) {
            ++report.read;
            try {
                migration::migrateRow(file, context);
            } catch (const ValidationError& e) {
                report.bad.push_back({file.line(), e.field(), e.what()});
            } catch (const Conflict& e) {
                report.bad.push_back({file.line(), e.code(), e.what()});
            }
        }
    } catch (const ValidationError& e) {
        report.bad.push_back({1, e.field(), e.what()});
    }
    if (report.bad.empty()) {
        c.execute(kReleaseSavepoint);
    } else {
        c.execute(kRollbackSavepoint);
        report.created = 0;
    }
    return report;
}

void printReport(const FileReport& r, bool dryRun) {
    std::cout << r.kind << " (" << r.file << "): " << r.read << " rows read, " << r.created
              << (dryRun ? " would be created, " : " created, ") << r.skipped.size() << " skipped";
    if (!r.bad.empty()) std::cout << ", " << r.bad.size() << " bad rows: nothing written";
    std::cout << "\n";
    for (const auto& row : r.skipped) {
        std::cout << "  skipped line " << row.line << ": " << row.reason << "\n";
    }
    for (const auto& row : r.bad) {
        std::cout << "  bad line " << row.line << ", " << row.field << ": " << row.reason << "\n";
    }
    for (const auto& reference : r.outsideCounty) {
        std::cout << "  outside the county: resident " << reference << "\n";
    }
    for (const auto& unknown : r.unknownItems) {
        std::cout << "  unknown item: " << unknown << "\n";
    }
    if (r.inspectionsDue > 0) {
        std::cout << "  " << r.inspectionsDue
                  << " units due for inspection now (overdue or none on record)\n";
    }
}

Actor migratingActor(store::Database& db, const std::string& team) {
    return db.read([&](store::Connection& c) {
        Actor actor;
        const auto teamId = store::teamByName(c, team);
        if (!teamId) throw UsageError("no team named \"" + team + "\"");
        const auto admin = store::firstAdministrator(c);
        if (!admin) throw UsageError("the database has no administrator yet (run ces serve once)");
        actor.id = *admin;
        actor.username = "migration";
        actor.role = Role::admin;
        actor.team = *teamId;
        return actor;
    });
}

}  // namespace

int runMigrate(const std::vector<std::string>& args) {
    if (args.empty() || args.front().starts_with("--")) {
        throw UsageError("ces migrate needs an export file or directory");
    }
    const Options options(std::vector<std::string>(args.begin() + 1, args.end()),
                          {"db", "mapping", "team", "geo-dir"}, {"dry-run"});
    const auto dbPath = options.value("db");
    const auto mappingPath = options.value("mapping");
    const auto team = options.value("team");
    if (!dbPath || !mappingPath || !team) {
        throw UsageError("ces migrate needs --db PATH --mapping FILE --team NAME");
    }
    const bool dryRun = options.flag("dry-run");
    const auto mapping = migration::readMappingFile(*mappingPath);
    const std::filesystem::path source(args.front());
    store::Database db(*dbPath, 2);
    demo::ensurePostcodes(db, options.value("geo-dir", sharedDataDir() + "/geo"));
    const Actor actor = migratingActor(db, *team);
    std::vector<ExportFile> files;
    for (const auto& kind : migration::fileKinds()) {
        const auto found = mapping.files.find(kind);
        if (found == mapping.files.end()) continue;
        const bool directory = std::filesystem::is_directory(source);
        if (!directory && source.filename() != found->second.file) continue;
        const auto path = directory ? source / found->second.file : source;
        if (directory && !std::filesystem::exists(path)) {
            std::cout << kind << ": no " << found->second.file << " in " << source.string() << "\n";
            continue;
        }
        files.push_back({path, found->second});
    }
    const Instant now = systemNow();
    std::vector<FileReport> reports;
    if (dryRun) {
        // One write rolled back at the end, so the assets and loans see the residents before.
        try {
            db.write([&](store::Connection& c) {
                reports.clear();
                for (const auto& file : files) {
                    reports.push_back(migrateFile(c, file, mapping, actor, now));
                }
                throw RollBack{};
                return 0;
            });
        } catch (const RollBack&) {
        }
    } else {
        for (const auto& file : files) {
            reports.push_back(db.write(
                [&](store::Connection& c) { return migrateFile(c, file, mapping, actor, now); }));
        }
    }
    bool allGood = true;
    for (const auto& report : reports) {
        printReport(report, dryRun);
        allGood = allGood && report.bad.empty();
    }
    if (dryRun) std::cout << "dry run: nothing written\n";
    return allGood ? 0 : 1;
}

}  // namespace ces::cli
