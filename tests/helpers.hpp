// Shared test helpers: the lexicon (loaded once), extraction of a snippet, temporary files.
#pragma once

#include "extract/extraction.hpp"
#include "lexicon/lexicon.hpp"
#include "reader/article.hpp"

#include <filesystem>
#include <string>

namespace diplograph::test {

/// The project's lexicon, loaded once for all tests.
const Lexicon &lexicon();

/// An article with this text, published on `date` (YYYY-MM-DD).
Article article(const std::string &text, const std::string &date = "2017-05-29");

/// Extraction of one article; the Article must outlive the result, so both are returned.
struct Extracted {
    Article article;
    Extraction x;
    /// Names of the actors of the mentions, in order of mention.
    std::vector<std::string> actor_names() const;
    bool mentions(const std::string &name) const;
    /// The actor name a mention of this exact text resolves to ("" when none).
    std::string actor_of(const std::string &surface) const;
};
Extracted run(const std::string &text, const std::string &date = "2017-05-29");

std::string sample_path(const std::string &name);

/// A fresh directory under the system's temporary directory, removed at destruction.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::string file(const std::string &name) const { return (path / name).string(); }
    void write(const std::string &name, const std::string &bytes) const;
};

/// Runs the diplograph binary with arguments; returns exit code, stdout and stderr.
struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};
CommandResult run_command(const std::string &arguments, const std::string &stdin_text = "");

} // namespace diplograph::test
