// Database identity, migrations and per-connection settings.
#include "store/database.hpp"

#include "common/errors.hpp"
#include "store/embedded_sql.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <filesystem>
#include <stdexcept>

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

int latest_schema_version() {
    return static_cast<int>(schema_scripts().size());
}

namespace {

/// How long a connection waits for another process's lock. Writers take turns batch by batch
/// (BEGIN IMMEDIATE), and a writer that just committed usually takes the lock again at once,
/// so a second ingest may wait for most of the first one: the wait is long on purpose.
constexpr int busy_wait_ms = 30 * 60 * 1000;

int pragma_int(SQLite::Database &db, const char *pragma) {
    return db.execAndGet(fmt::format("PRAGMA {}", pragma)).getInt();
}

bool has_tables(SQLite::Database &db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
}

void check_identity(SQLite::Database &db, const std::string &path) {
    // One statement, so one snapshot: read separately, another process could commit its new
    // schema between the reads and make a fresh database look like a foreign file.
    SQLite::Statement query(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_master)");
    query.executeStep();
    const int id = query.getColumn(0).getInt();
    const int version = query.getColumn(1).getInt();
    const bool empty = query.getColumn(2).getInt() == 0;
    if (id != application_id && (id != 0 || !empty)) {
        throw InputError(fmt::format(
            "cannot open {}: not a diplograph database (it is another SQLite file)", path));
    }
    if (version > latest_schema_version()) {
        throw InputError(
            fmt::format("cannot open {}: it was written by a newer diplograph (schema {}, this "
                        "build knows up to {})",
                        path, version, latest_schema_version()));
    }
}

/// A migration may rebuild a table that others refer to (drop it, rename its new copy into
/// place). SQLite's procedure for that: foreign keys off outside the transaction (inside one
/// the pragma does nothing), checked by hand before the commit, and on again afterwards.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SQLite::Database &db) : m_db(db) {
        m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeysOff() {
        try {
            m_db.exec("PRAGMA foreign_keys = ON");
        } catch (const SQLite::Exception &) {
            // Only when the connection is unusable, and then nothing else will use it either.
        }
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    SQLite::Database &m_db;
};

} // namespace

void migrate(SQLite::Database &db, const std::string &path) {
    const int version = pragma_int(db, "user_version");
    if (version >= latest_schema_version()) {
        return;
    }
    const ForeignKeysOff rebuilding(db);
    try {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Re-read inside the write lock: another process may have migrated meanwhile.
        const int current = pragma_int(db, "user_version");
        const auto scripts = schema_scripts();
        for (int i = current; i < static_cast<int>(scripts.size()); ++i) {
            db.exec(std::string(scripts[i].text));
        }
        SQLite::Statement violations(db, "PRAGMA foreign_key_check");
        if (violations.executeStep()) {
            throw InputError(
                fmt::format("cannot migrate {}: table {} has rows whose references are broken",
                            path, violations.getColumn(0).getString()));
        }
        db.exec(fmt::format("PRAGMA application_id = {}", application_id));
        db.exec(fmt::format("PRAGMA user_version = {}", scripts.size()));
        transaction.commit();
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot set up {}: {}", path, e.what()));
    }
}

namespace {

/// A process killed mid-commit leaves a hot journal that only a writable connection can roll
/// back; a read-only one would fail with "attempt to write a readonly database". Reading once
/// through a writable connection rolls it back (a live writer's journal is left alone, as it
/// holds a lock). When the file cannot be written either, the read-only open reports it.
void roll_back_hot_journal(const std::string &path) {
    if (!std::filesystem::exists(path + "-journal")) {
        return;
    }
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE, busy_wait_ms);
        db.execAndGet("SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception &) {
        // Left to the read-only open, which names the path and the reason.
    }
}

} // namespace

SQLite::Database open_database(const std::string &path, OpenMode mode) {
    if (mode == OpenMode::read_only && !std::filesystem::exists(path)) {
        throw InputError(
            fmt::format("cannot open {}: no such database (run `diplograph ingest` first)", path));
    }
    if (mode == OpenMode::read_only) {
        roll_back_hot_journal(path);
    }
    try {
        // No mutex per connection: diplograph never uses one connection from two threads at
        // once (ingest --jobs hands it to its writer thread and takes it back after), and
        // every bind and step of the writer would otherwise take and release it.
        const int flags =
            (mode == OpenMode::read_only ? SQLite::OPEN_READONLY
                                         : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) |
            SQLite::OPEN_NOMUTEX;
        SQLite::Database db(path, flags, busy_wait_ms);
        db.exec("PRAGMA foreign_keys = ON");
        check_identity(db, path);
        if (mode == OpenMode::read_write) {
            if (!has_tables(db)) {
                const auto settings =
                    named_statement(store_statements()[0].text, "new_database_settings");
                db.exec(std::string(settings));
            }
            migrate(db, path);
        } else if (pragma_int(db, "user_version") < latest_schema_version()) {
            throw InputError(
                fmt::format("cannot open {}: its schema is older than this build's; run any "
                            "`diplograph ingest` on it once to migrate it",
                            path));
        }
        return db;
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot open {}: {}", path, e.what()));
    }
}

bool fits_in_page_cache(SQLite::Database &db) {
    const auto cache = pragma_int(db, "cache_size"); // pages, or KiB when negative
    const auto page = static_cast<std::int64_t>(pragma_int(db, "page_size"));
    const auto cache_bytes = cache < 0 ? -static_cast<std::int64_t>(cache) * 1024 : cache * page;
    return pragma_int(db, "page_count") * page < cache_bytes;
}

} // namespace diplograph
