// `diplograph actor add|alias|list`: extend the lexicon inside a database without recompiling.
#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "lexicon/lexicon.hpp"
#include "report/report.hpp"
#include "store/database.hpp"
#include "store/embedded_sql.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <iostream>

namespace diplograph {

namespace {

struct ActorOptions {
    std::string db;
    std::string action;
    std::string name;
    std::string kind = "person";
    std::string country;
    std::vector<std::string> aliases;
};

SQLite::Statement prepare(SQLite::Database &db, const char *name) {
    return SQLite::Statement(db, std::string(named_statement(store_statements()[0].text, name)));
}

void add_aliases(SQLite::Database &db, std::int64_t actor,
                 const std::vector<std::string> &aliases) {
    for (const auto &alias : aliases) {
        auto st = prepare(db, "insert_user_alias");
        st.bind(":alias", alias);
        st.bind(":actor", actor);
        st.exec();
    }
}

int run_actor(const ActorOptions &options) {
    const auto kind = actor_kind_from(options.kind);
    if (!kind) {
        throw UsageError(
            fmt::format("--kind must be person, country, organization, group or place, not \"{}\"",
                        options.kind));
    }
    if (!options.country.empty() &&
        (options.country.size() != 3 || options.country != fmt::format("{:.3}", options.country))) {
        throw UsageError(
            fmt::format("--country must be an ISO 3166-1 alpha-3 code such as FRA, not \"{}\"",
                        options.country));
    }
    const std::string path = database_path(options.db);
    if (options.action == "list") {
        SQLite::Database db = open_database(path, OpenMode::read_only);
        print_table(std::cout, run_report(db, "actors", {}), OutputFormat::table);
        return 0;
    }
    if (options.name.empty()) {
        throw UsageError(fmt::format("actor {} needs a NAME", options.action));
    }
    SQLite::Database db = open_database(path);
    // IMMEDIATE: a read that later turns into a write could meet another writer and fail
    // with SQLITE_BUSY without waiting.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (options.action == "add") {
        auto st = prepare(db, "insert_actor");
        st.bind(":name", options.name);
        st.bind(":kind", options.kind);
        options.country.empty() ? st.bind(":country") : st.bind(":country", options.country);
        st.bind(":origin", "user");
        try {
            st.exec();
        } catch (const SQLite::Exception &e) {
            throw InputError(fmt::format(
                "cannot add {}: an actor with that name, kind and country exists", options.name));
        }
        add_aliases(db, db.getLastInsertRowid(), options.aliases);
    } else {
        if (options.aliases.empty()) {
            throw UsageError("actor alias needs at least one ALIAS after the NAME");
        }
        add_aliases(db, resolve_actor(db, options.name), options.aliases);
    }
    transaction.commit();
    std::cout << fmt::format("{} {}: the next ingest into {} will use it\n",
                             options.action == "add" ? "added" : "aliased", options.name, path);
    return 0;
}

} // namespace

CommandRunner add_actor_command(CLI::App &app) {
    auto options = std::make_shared<ActorOptions>();
    auto *cmd = app.add_subcommand(
        "actor", "Add actors and aliases to a database's lexicon, or list its actors");
    cmd->add_option("action", options->action, "add, alias or list")
        ->required()
        ->check(CLI::IsMember({"add", "alias", "list"}))
        ->type_name("ACTION");
    cmd->add_option("name", options->name, "The actor's name")->type_name("NAME");
    cmd->add_option("aliases", options->aliases, "Aliases (for alias; for add use --alias)")
        ->type_name("ALIAS");
    cmd->add_option("--alias", options->aliases, "Another name the actor goes by (repeatable)")
        ->type_name("ALIAS");
    cmd->add_option("--kind", options->kind, "person, country, organization, group or place")
        ->type_name("KIND");
    cmd->add_option("--country", options->country, "ISO 3166-1 alpha-3 code")->type_name("CODE");
    cmd->add_option("--db", options->db,
                    "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")
        ->type_name("PATH");
    return [options] { return run_actor(*options); };
}

} // namespace diplograph
