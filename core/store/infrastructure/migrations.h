#pragma once
#include "core/store/infrastructure/connection.h"

namespace ces::store {

/// Applies every numbered migration not yet recorded in schema_migrations, each in its own
/// transaction, in order. Called at start by Database.
void applyMigrations(Connection& connection);

/// The newest migration number this build knows.
int latestMigration();

/// The newest migration the database has had applied (0 for a new one).
int appliedMigration(Connection& connection);

}  // namespace ces::store
