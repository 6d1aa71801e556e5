// Walking the inputs of ingest and extract: files, directories (recursively), JSON Lines and
// standard input, one Article at a time.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "reader/reader.hpp"

namespace diplograph {

struct SourceOptions {
    std::string format; ///< forced input format, or empty: from each file's extension
    ArticleDefaults defaults;
};

/// Calls `on_article` for every article found in `inputs`. A bad file, or a bad line of a
/// JSON Lines file, goes to `on_error` with a one-line message and the walk goes on.
/// Exceptions thrown by `on_article` other than InputError propagate.
void for_each_article(const std::vector<std::string> &inputs, const SourceOptions &options,
                      const std::function<void(const Article &)> &on_article,
                      const std::function<void(const std::string &)> &on_error);

/// Declares --format, --title, --published, --source and --url on a subcommand.
void add_source_options(CLI::App &command, SourceOptions &options);

/// Throws UsageError when --format or --published given on the command line is invalid.
void check_source_options(const SourceOptions &options);

} // namespace diplograph
