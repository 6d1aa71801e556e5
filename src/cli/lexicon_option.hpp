// The --lexicon option shared by the commands that extract or write facts.
#pragma once

#include "lexicon/lexicon.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>

#include <string>

namespace diplograph {

/// Declares --lexicon DIR on a subcommand.
void add_lexicon_option(CLI::App &command, std::string &directory);

/// The lexicon in `directory` (the default one when empty), with the actors and aliases users
/// added to `db` when a database is given. It lives until the process ends and is not freed:
/// a command loads it once, and freeing its tens of thousands of strings at exit would cost a
/// tenth of a one-article ingest for memory the system takes back anyway.
const Lexicon &load_command_lexicon(const std::string &directory, SQLite::Database *db = nullptr);

} // namespace diplograph
