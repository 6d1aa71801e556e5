// The --lexicon option shared by ingest, load, extract and eval.
#include "cli/lexicon_option.hpp"

#include "store/writer.hpp"

namespace diplograph {

void add_lexicon_option(CLI::App &command, std::string &directory) {
    command
        .add_option("--lexicon", directory,
                    "Lexicon directory (default: $DIPLOGRAPH_LEXICON or the built-in one)")
        ->type_name("DIR");
}

Lexicon load_command_lexicon(const std::string &directory, SQLite::Database *db) {
    return load_lexicon(directory.empty() ? default_lexicon_dir() : directory, DIPLOGRAPH_ISO_CODES,
                        db != nullptr ? read_user_actors(*db) : std::vector<UserActor>{});
}

} // namespace diplograph
