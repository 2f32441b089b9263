#pragma once
// The background jobs `ces serve` runs (README "Background jobs"): each a few lines calling the
// rule in core/ or warehouse/ that does the work, with the settings in force at the time.
#include <filesystem>
#include <optional>
#include <string>

#include "app/commands/options.h"
#include "core/store/jobs/job_runner.h"
#include "web/app.h"

namespace ces::cli {

/// What the command line says about the jobs.
struct ServiceJobOptions {
    std::string database;                            ///< As --db gives it: what the backup copies.
    std::optional<std::filesystem::path> backupDir;  ///< --backup-dir; none: no backup job.
    int backupKeep = 7;                              ///< --backup-keep.
};

/// --backup-dir DIR and --backup-keep N (1 to 1000, default 7) of `ces serve --db database`.
ServiceJobOptions serviceJobOptions(const Options& options, const std::string& database);

/// Adds every job to `runner`; the jobs read the clock and settings through `app`.
void addServiceJobs(store::JobRunner& runner, web::App& app, const ServiceJobOptions& options);

}  // namespace ces::cli
