// `diplograph report`: run a canned report from queries/ and print it.
#include "report/report.hpp"

#include "cli/commands.hpp"
#include "common/date.hpp"
#include "common/errors.hpp"
#include "store/database.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>

namespace diplograph {

namespace {

struct ReportOptions {
    std::string db;
    std::string name;
    bool list = false;
    std::string actor;
    std::string other;
    std::string topic;
    std::string query;
    std::string since;
    std::string until;
    int depth = 2;
    int limit = 20;
    std::string format = "table";
};

void print_list() {
    const auto reports = list_reports();
    std::size_t width = 0;
    for (const auto &report : reports) {
        width = std::max(width, report.name.size());
    }
    for (const auto &report : reports) {
        std::cout << fmt::format("{:<{}}  {}\n", report.name, width, report.summary);
    }
}

int run_report_command(const ReportOptions &options) {
    if (options.list) {
        print_list();
        return 0;
    }
    if (options.name.empty()) {
        throw UsageError("report needs a NAME (see `diplograph report --list`)");
    }
    const auto format = output_format_from(options.format);
    if (!format) {
        throw UsageError(fmt::format("--format must be table, csv, json or markdown, not \"{}\"",
                                     options.format));
    }
    for (const auto *date : {&options.since, &options.until}) {
        if (!date->empty() && !parse_iso_date(*date)) {
            throw UsageError(
                fmt::format("dates must be YYYY, YYYY-MM or YYYY-MM-DD, not \"{}\"", *date));
        }
    }
    if (options.depth < 1 || options.depth > 6) {
        throw UsageError("--depth must be between 1 and 6");
    }
    if (options.limit < 1) {
        throw UsageError("--limit must be at least 1");
    }
    SQLite::Database db = open_database(database_path(options.db), OpenMode::read_only);
    std::map<std::string, std::string> parameters{{":topic", options.topic},
                                                  {":query", options.query},
                                                  {":since", options.since},
                                                  {":until", options.until},
                                                  {":depth", std::to_string(options.depth)},
                                                  {":limit", std::to_string(options.limit)}};
    if (!options.actor.empty()) {
        parameters[":actor"] = std::to_string(resolve_actor(db, options.actor));
    }
    if (!options.other.empty()) {
        parameters[":other"] = std::to_string(resolve_actor(db, options.other));
    }
    print_table(std::cout, run_report(db, options.name, parameters), *format);
    return 0;
}

} // namespace

CommandRunner add_report_command(CLI::App &app) {
    auto options = std::make_shared<ReportOptions>();
    auto *cmd = app.add_subcommand("report", "Run a canned report over the graph (see --list)");
    cmd->add_option("name", options->name, "Report name")->type_name("NAME");
    cmd->add_flag("--list", options->list, "List the reports and what they answer");
    cmd->add_option("--db", options->db,
                    "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")
        ->type_name("PATH");
    cmd->add_option("--actor", options->actor,
                    "An actor, by any alias (\"Putin\", \"the Kremlin\")")
        ->type_name("NAME");
    cmd->add_option("--other", options->other, "A second actor, by any alias")->type_name("NAME");
    cmd->add_option("--topic", options->topic, "A topic (\"Syria\", \"chemical weapons\")")
        ->type_name("TOPIC");
    cmd->add_option("--query", options->query, "Full-text search words (statements report)")
        ->type_name("WORDS");
    cmd->add_option("--since", options->since, "Earliest date")->type_name("YYYY-MM-DD");
    cmd->add_option("--until", options->until, "Latest date")->type_name("YYYY-MM-DD");
    cmd->add_option("--depth", options->depth, "Hops for neighbors and path (1-6, default 2)")
        ->type_name("N");
    cmd->add_option("--limit", options->limit, "Rows at most (default 20)")->type_name("N");
    cmd->add_option("--format", options->format, "Output: table, csv, json or markdown")
        ->type_name("FORMAT");
    return [options] { return run_report_command(*options); };
}

} // namespace diplograph
