// Opening a diplograph database: identity check, schema migration, connection settings.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace diplograph {

/// "DPLG": marks a SQLite file as a diplograph database.
inline constexpr int application_id = 0x44504C47;

enum class OpenMode { read_write, read_only };

/// Opens (creating when needed) and migrates a database. Refuses foreign SQLite files and
/// files from a newer diplograph with an InputError naming the path; never modifies them.
SQLite::Database open_database(const std::string &path, OpenMode mode = OpenMode::read_write);

/// Connection settings for writing many articles (cache size, temporary storage) that keep
/// the rollback journal and the durability of each commit.
void use_bulk_write_settings(SQLite::Database &db);

/// The schema version this build writes (the number of schema files).
int latest_schema_version();

/// Whether the whole database file would fit in the connection's page cache.
bool fits_in_page_cache(SQLite::Database &db);

/// Applies every schema script newer than the database's user_version, in one transaction.
void migrate(SQLite::Database &db, const std::string &path);

} // namespace diplograph
