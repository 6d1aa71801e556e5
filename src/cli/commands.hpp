// The subcommands: each declares its options on a CLI11 app and runs with the parsed values.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace diplograph {

/// Adds a subcommand to `app`; the returned function runs it after parsing and returns the
/// exit status.
using CommandRunner = std::function<int()>;

CommandRunner add_ingest_command(CLI::App &app);
CommandRunner add_report_command(CLI::App &app);
CommandRunner add_actor_command(CLI::App &app);
CommandRunner add_export_command(CLI::App &app);
CommandRunner add_extract_command(CLI::App &app);
CommandRunner add_load_command(CLI::App &app);
CommandRunner add_merge_command(CLI::App &app);
CommandRunner add_eval_command(CLI::App &app);

/// The database path: --db, else $DIPLOGRAPH_DB, else ./diplograph.db.
std::string database_path(const std::string &option);

} // namespace diplograph
