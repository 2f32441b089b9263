// `ces migrate FILE_OR_DIR --db PATH --mapping MAPPING.json --team NAME [--dry-run]`: brings in
// the records of the provider the county is leaving, one transaction per file.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/commands/commands.h"
#include "app/commands/options.h"
#include "app/demo/demo_county.h"
#include "app/migration/mapping.h"
#include "core/errors.h"
#include "core/iso_time.h"
#include "core/postcode.h"
#include "core/store/admin/geography.h"
#include "core/store/infrastructure/database.h"
#include "core/store/residents/legacy_records.h"
#include "core/store/residents/residents.h"

namespace ces::cli {

namespace {

struct BadRow {
    std::size_t line;
    std::string field;
    std::string reason;
};

struct FileReport {
    std::string kind;
    std::string file;
    std::size_t read = 0;
    std::size_t created = 0;
    std::vector<BadRow> skipped;  ///< Already migrated: nothing to do.
    std::vector<BadRow> bad;      ///< Refused rows: the file writes nothing.
    std::vector<std::string> outsideCounty;
};

// Thrown inside the write to roll the file back (bad rows, or a dry run).
struct RollBack {};

Instant systemNow() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// One row of the residents file, registered for the migrating team (nothing if already there).
void migrateResident(store::Connection& c, const migration::MappedFile& row, const Actor& actor,
                     Instant now, FileReport& report) {
    const auto reference = row.text("reference");
    if (reference.empty()) throw ValidationError("reference", "reference is required");
    if (store::residentByLegacyRef(c, reference)) {
        report.skipped.push_back({row.line(), "reference", "already migrated as " + reference});
        return;
    }
    NewResident resident;
    resident.nhsNumber = row.text("nhs_number");
    resident.name = row.text("name");
    const auto born = row.date("date_of_birth");
    resident.dateOfBirth = born ? formatDate(*born) : "";
    resident.addressLine1 = row.text("address_line1");
    resident.town = row.text("town");
    resident.postcode = row.text("postcode");
    resident.phone = row.text("phone");
    resident.accessNotes = row.text("access_notes");
    const auto place = store::findPostcode(c, normalisePostcode(resident.postcode).value_or(""));
    if (!place || !place->inCounty) {
        report.outsideCounty.push_back(reference);
        report.skipped.push_back(
            {row.line(), "postcode", resident.postcode + " is outside the county"});
        return;
    }
    const auto registered = store::registerResident(c, resident, actor, now);
    store::setResidentLegacyRef(c, registered.id, reference);
    ++report.created;
}

FileReport migrateFile(store::Database& db, const std::filesystem::path& path,
                       const migration::FileMapping& mapping, const Actor& actor, bool dryRun) {
    FileReport report;
    report.kind = mapping.kind;
    report.file = path.filename().string();
    const Instant now = systemNow();
    try {
        db.write([&](store::Connection& c) {
            std::ifstream in(path);
            if (!in) throw ValidationError(mapping.kind, "cannot read " + path.string());
            migration::MappedFile file(in, mapping);
            while (file.next()) {
                ++report.read;
                try {
                    if (mapping.kind == "residents") migrateResident(c, file, actor, now, report);
                } catch (const ValidationError& e) {
                    report.bad.push_back({file.line(), e.field(), e.what()});
                } catch (const Conflict& e) {
                    report.bad.push_back({file.line(), e.code(), e.what()});
                }
            }
            if (dryRun || !report.bad.empty()) throw RollBack{};
            return 0;
        });
    } catch (const RollBack&) {
        if (!report.bad.empty()) report.created = 0;
    } catch (const ValidationError& e) {
        report.bad.push_back({1, e.field(), e.what()});
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
    bool allGood = true;
    for (const auto& kind : migration::fileKinds()) {
        const auto found = mapping.files.find(kind);
        if (found == mapping.files.end()) continue;
        const auto& fileMapping = found->second;
        if (kind != "residents") {
            std::cout << kind << ": not migrated by this version\n";
            continue;
        }
        if (!std::filesystem::is_directory(source) && source.filename() != fileMapping.file) {
            continue;
        }
        const auto path =
            std::filesystem::is_directory(source) ? source / fileMapping.file : source;
        const auto report = migrateFile(db, path, fileMapping, actor, dryRun);
        printReport(report, dryRun);
        allGood = allGood && report.bad.empty();
    }
    if (dryRun) std::cout << "dry run: nothing written\n";
    return allGood ? 0 : 1;
}

}  // namespace ces::cli
