// The --lexicon option shared by ingest, load, extract and eval.
#include "cli/lexicon_option.hpp"

#include "store/writer.hpp"

#include <memory>
#include <vector>

namespace diplograph {

void add_lexicon_option(CLI::App &command, std::string &directory) {
    command
        .add_option("--lexicon", directory,
                    "Lexicon directory (default: $DIPLOGRAPH_LEXICON or the built-in one)")
        ->type_name("DIR");
}

const Lexicon &load_command_lexicon(const std::string &directory, SQLite::Database *db) {
    // Reachable from a static pointer until exit, so leak checkers do not report it either.
    static auto *const kept = new std::vector<std::unique_ptr<const Lexicon>>();
    kept->push_back(std::make_unique<const Lexicon>(
        load_lexicon(directory.empty() ? default_lexicon_dir() : directory, DIPLOGRAPH_ISO_CODES,
                     db != nullptr ? read_user_actors(*db) : std::vector<UserActor>{})));
    return *kept->back();
}

} // namespace diplograph
