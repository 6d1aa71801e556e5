// `diplograph merge`: fold databases built separately (on other machines, or from other
// shards of the input) into one, each input in one transaction (SQL in src/store/merge.sql).
#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "store/database.hpp"
#include "store/embedded_sql.hpp"
#include "store/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace diplograph {

namespace {

namespace fs = std::filesystem;

struct MergeOptions {
    std::string out;
    std::vector<std::string> inputs;
    bool quiet = false;
};

std::string merge_step(std::string_view name) {
    return std::string(named_statement(merge_statements()[0].text, name));
}

/// The input database attached as `src` for as long as this lives.
class Attached {
public:
    Attached(SQLite::Database &db, const std::string &path) : m_db(db) {
        SQLite::Statement attach(db, merge_step("attach"));
        attach.bind(":path", path);
        attach.exec();
    }
    ~Attached() {
        try {
            m_db.exec(merge_step("detach"));
        } catch (const SQLite::Exception &) {
            // Only a programming error leaves it in use; the connection closes soon anyway.
        }
    }
    Attached(const Attached &) = delete;
    Attached &operator=(const Attached &) = delete;

private:
    SQLite::Database &m_db;
};

/// Merges one input; returns (articles added, duplicates skipped).
std::pair<int, int> merge_one(SQLite::Database &db, const std::string &path) {
    // Opening it on its own first checks that it is a diplograph database of this schema.
    open_database(path, OpenMode::read_only);
    const Attached attached(db, path);
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(merge_step("merge"));
    SQLite::Statement counts(db, merge_step("counts"));
    counts.executeStep();
    const std::pair<int, int> result{counts.getColumn(0).getInt(), counts.getColumn(1).getInt()};
    counts.reset();
    db.exec(merge_step("clean_up"));
    sync_statement_search(db);
    transaction.commit();
    return result;
}

void check_inputs(const MergeOptions &options) {
    for (const auto &input : options.inputs) {
        if (!fs::is_regular_file(input)) {
            throw UsageError(fmt::format("cannot merge {}: no such database file", input));
        }
        std::error_code error;
        if (fs::exists(options.out) && fs::equivalent(input, options.out, error)) {
            throw UsageError(fmt::format("cannot merge {} into itself", input));
        }
    }
}

int run_merge(const MergeOptions &options) {
    check_inputs(options);
    SQLite::Database db = open_database(options.out);
    use_bulk_write_settings(db);
    for (const auto &input : options.inputs) {
        try {
            const auto [added, duplicates] = merge_one(db, input);
            if (!options.quiet) {
                std::cout << fmt::format(
                    "merged {} into {}: {} article{} added, {} duplicate{} skipped\n", input,
                    options.out, added, added == 1 ? "" : "s", duplicates,
                    duplicates == 1 ? "" : "s");
            }
        } catch (const SQLite::Exception &e) {
            throw InputError(
                fmt::format("cannot merge {} into {}: {}", input, options.out, e.what()));
        }
    }
    return 0;
}

} // namespace

CommandRunner add_merge_command(CLI::App &app) {
    auto options = std::make_shared<MergeOptions>();
    auto *cmd = app.add_subcommand(
        "merge", "Merge databases built separately into one (actors, articles and "
                 "meetings unified, each input in one transaction)");
    cmd->add_option("out", options->out, "The database to merge into (created when missing)")
        ->required()
        ->type_name("OUT.db");
    cmd->add_option("inputs", options->inputs, "Databases to merge into OUT, in order")
        ->required()
        ->type_name("IN.db");
    cmd->add_flag("--quiet,-q", options->quiet, "Print nothing but errors");
    return [options] { return run_merge(*options); };
}

} // namespace diplograph
