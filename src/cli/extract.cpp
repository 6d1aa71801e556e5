// `diplograph extract`: articles -> JSON Lines of extracted facts, no database (a map step).
#include "cli/article_source.hpp"
#include "cli/commands.hpp"
#include "cli/lexicon_option.hpp"
#include "extract/json_writer.hpp"

#include <fmt/format.h>

#include <iostream>

namespace diplograph {

namespace {

struct ExtractOptions {
    std::vector<std::string> inputs;
    SourceOptions source;
    std::string lexicon;
};

int run_extract(const ExtractOptions &options) {
    check_source_options(options.source);
    const Lexicon &lexicon = load_command_lexicon(options.lexicon);
    int failed = 0;
    const ArticleSink sink{[&](Article &&article) {
                               std::cout << extraction_to_json(article, extract(article, lexicon))
                                         << '\n';
                           },
                           [&](const std::string &message) {
                               ++failed;
                               std::cerr << "diplograph: " << message << '\n';
                           },
                           {}};
    for_each_article(plan_inputs(options.inputs), options.source, sink);
    return failed > 0 ? 1 : 0;
}

} // namespace

CommandRunner add_extract_command(CLI::App &app) {
    auto options = std::make_shared<ExtractOptions>();
    auto *cmd = app.add_subcommand(
        "extract", "Print the facts extracted from articles as JSON Lines (no database)");
    cmd->add_option("files", options->inputs,
                    "Articles: .json, .jsonl, .txt, .html files, directories, or - for stdin")
        ->required()
        ->type_name("FILE");
    add_source_options(*cmd, options->source);
    add_lexicon_option(*cmd, options->lexicon);
    return [options] { return run_extract(*options); };
}

} // namespace diplograph
