// Walking the inputs of ingest and extract: files, directories (recursively), JSON Lines and
// standard input, one Article at a time.
#pragma once

#include "reader/reader.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace diplograph {

struct SourceOptions {
    std::string format; ///< forced input format, or empty: from each file's extension
    ArticleDefaults defaults;
};

/// Where for_each_article sends what it finds. `progress`, when set, hears the number of input
/// bytes read so far (after each article or bad line).
struct ArticleSink {
    std::function<void(Article &&)> article;
    std::function<void(const std::string &)> error;
    std::function<void(std::uint64_t)> progress;
};

/// The files behind `inputs`: a glob the shell left unexpanded (it holds * or ?) is expanded
/// with glob(3), a directory is walked recursively for article files; both in name order.
struct InputPlan {
    std::vector<std::string> paths; ///< files, or "-" for stdin, in reading order
    std::vector<std::pair<std::size_t, std::string>> errors; ///< (before paths[i], message)
    std::optional<std::uint64_t> total_bytes; ///< nullopt when stdin is among the inputs
};
InputPlan plan_inputs(const std::vector<std::string> &inputs);

/// Calls `on_path` for each path of `plan` and `on_error` for each of its errors, in order.
void for_each_path(const InputPlan &plan, const std::function<void(const std::string &)> &on_path,
                   const std::function<void(const std::string &)> &on_error);

/// Sends every article of `plan` to the sink, in order. A bad file, or a bad line of a JSON
/// Lines file (read line by line, so the file may be larger than memory), goes to
/// `sink.error` with a one-line message and the walk goes on. Exceptions thrown by
/// `sink.article` other than InputError propagate.
void for_each_article(const InputPlan &plan, const SourceOptions &options, const ArticleSink &sink);

/// Declares --format, --title, --published, --source and --url on a subcommand.
void add_source_options(CLI::App &command, SourceOptions &options);

/// Throws UsageError when --format or --published given on the command line is invalid.
void check_source_options(const SourceOptions &options);

} // namespace diplograph
