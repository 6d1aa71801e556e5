// `diplograph load`: JSON Lines written by `diplograph extract` -> the database, without
// extracting again (the reduce step of extracting on many machines).
#include "cli/article_source.hpp"
#include "cli/batch_writer.hpp"
#include "cli/commands.hpp"
#include "cli/lexicon_option.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "extract/json_reader.hpp"
#include "store/database.hpp"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>

namespace diplograph {

namespace {

struct LoadOptions {
    std::string db;
    std::vector<std::string> inputs;
    std::string lexicon;
    bool quiet = false;
    int batch = default_batch_size;
};

/// Loads every line of one extract output file (or stdin for "-").
void load_file(const std::string &path, const Lexicon &lexicon, BatchWriter &writer) {
    std::ifstream file;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            writer.fail(fmt::format("cannot read {}: no such file or unreadable", path));
            return;
        }
    }
    std::istream &in = path == "-" ? std::cin : file;
    const std::string origin = path == "-" ? "stdin" : path;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (trim(line).empty()) {
            continue;
        }
        try {
            auto where = fmt::format("{}:{}", origin, number);
            const auto loaded = article_from_json(line, where, lexicon);
            const auto hash = content_hash(loaded->article.text);
            if (!writer.skip_duplicate(loaded->article, hash)) {
                // Written again (after a later article of the batch failed) from its line.
                writer.write(loaded->article, hash, loaded->extraction,
                             [line, where = std::move(where), hash, &lexicon](ArticleWriter &w) {
                                 const auto again = article_from_json(line, where, lexicon);
                                 w.write(again->article, hash, again->extraction);
                             });
            }
        } catch (const InputError &e) {
            writer.fail(e.what());
        }
    }
}

int run_load(const LoadOptions &options) {
    const auto started = std::chrono::steady_clock::now();
    const std::string path = database_path(options.db);
    const InputPlan plan = plan_inputs(options.inputs);
    SQLite::Database db = open_database(path);
    use_bulk_write_settings(db);
    const Lexicon &lexicon = load_command_lexicon(options.lexicon, &db);
    BatchWriter writer(db, lexicon, options.quiet, options.batch);
    for_each_path(
        plan, [&](const std::string &file) { load_file(file, lexicon, writer); },
        [&](const std::string &message) { writer.fail(message); });
    writer.finish();
    if (!options.quiet) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << writer.summary("loaded", path, seconds) << '\n';
    }
    return writer.counts().failed > 0 ? 1 : 0;
}

} // namespace

CommandRunner add_load_command(CLI::App &app) {
    auto options = std::make_shared<LoadOptions>();
    auto *cmd = app.add_subcommand(
        "load", "Add the JSON Lines written by `extract` to a database, without extracting");
    cmd->add_option("files", options->inputs,
                    "Output of `diplograph extract`: .jsonl files, quoted globs, or - for stdin")
        ->required()
        ->type_name("FILE.jsonl");
    cmd->add_option("--db", options->db,
                    "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")
        ->type_name("PATH");
    add_lexicon_option(*cmd, options->lexicon);
    add_batch_option(*cmd, options->batch);
    cmd->add_flag("--quiet,-q", options->quiet, "Print nothing but errors");
    return [options] { return run_load(*options); };
}

} // namespace diplograph
