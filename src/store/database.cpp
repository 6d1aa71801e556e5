// Database identity, migrations and per-connection settings.
#include "store/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <filesystem>
#include <stdexcept>

#include "common/errors.hpp"
#include "store/embedded_sql.hpp"

namespace diplograph {

std::string_view named_statement(std::string_view file, std::string_view name) {
    const std::string marker = fmt::format("-- name: {}\n", name);
    const auto start = file.find(marker);
    if (start == std::string_view::npos) {
        throw std::logic_error(fmt::format("no statement named {}", name));
    }
    const auto body = start + marker.size();
    const auto next = file.find("-- name:", body);
    return file.substr(body, next == std::string_view::npos ? std::string_view::npos : next - body);
}

void use_bulk_write_settings(SQLite::Database &db) {
    db.exec(std::string(named_statement(store_statements()[0].text, "bulk_write_settings")));
}

int latest_schema_version() { return static_cast<int>(schema_scripts().size()); }

namespace {

int pragma_int(SQLite::Database &db, const char *pragma) {
    return db.execAndGet(fmt::format("PRAGMA {}", pragma)).getInt();
}

bool has_tables(SQLite::Database &db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
}

void check_identity(SQLite::Database &db, const std::string &path) {
    const int id = pragma_int(db, "application_id");
    if (id != application_id && (id != 0 || has_tables(db))) {
        throw InputError(fmt::format("cannot open {}: not a diplograph database (it is another SQLite file)", path));
    }
    const int version = pragma_int(db, "user_version");
    if (version > latest_schema_version()) {
        throw InputError(fmt::format("cannot open {}: it was written by a newer diplograph (schema {}, this "
                                     "build knows up to {})", path, version, latest_schema_version()));
    }
}

} // namespace

void migrate(SQLite::Database &db, const std::string &path) {
    const int version = pragma_int(db, "user_version");
    if (version >= latest_schema_version()) {
        return;
    }
    try {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Re-read inside the write lock: another process may have migrated meanwhile.
        const int current = pragma_int(db, "user_version");
        const auto scripts = schema_scripts();
        for (int i = current; i < static_cast<int>(scripts.size()); ++i) {
            db.exec(std::string(scripts[i].text));
        }
        db.exec(fmt::format("PRAGMA application_id = {}", application_id));
        db.exec(fmt::format("PRAGMA user_version = {}", scripts.size()));
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot set up {}: {}", path, e.what()));
    }
}

SQLite::Database open_database(const std::string &path, OpenMode mode) {
    if (mode == OpenMode::read_only && !std::filesystem::exists(path)) {
        throw InputError(fmt::format("cannot open {}: no such database (run `diplograph ingest` first)", path));
    }
    try {
        const int flags = mode == OpenMode::read_only ? SQLite::OPEN_READONLY
                                                      : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
        SQLite::Database db(path, flags, 10000);
        db.exec("PRAGMA foreign_keys = ON");
        check_identity(db, path);
        if (mode == OpenMode::read_write) {
            migrate(db, path);
        } else if (pragma_int(db, "user_version") < latest_schema_version()) {
            throw InputError(fmt::format("cannot open {}: its schema is older than this build's; run any "
                                         "`diplograph ingest` on it once to migrate it", path));
        }
        return db;
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot open {}: {}", path, e.what()));
    }
}

} // namespace diplograph
