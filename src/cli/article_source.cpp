// Input walking shared by `ingest` and `extract`.
#include "cli/article_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "common/errors.hpp"
#include "common/text.hpp"

namespace diplograph {

namespace {

namespace fs = std::filesystem;

/// JSON Lines files may be large; each line is still one article within max_article_bytes.
constexpr std::size_t max_jsonl_bytes = std::size_t{1} << 34;

class Walker {
public:
    Walker(const SourceOptions &options, const std::function<void(const Article &)> &on_article,
           const std::function<void(const std::string &)> &on_error)
        : m_options(options), m_on_article(on_article), m_on_error(on_error) {}

    void input(const std::string &path) {
        try {
            if (path == "-") {
                const auto format = m_options.format.empty() ? ArticleFormat::txt : *format_from_name(m_options.format);
                read_bytes(read_stream(std::cin, "stdin"), format, "stdin");
            } else if (fs::is_directory(path)) {
                directory(path);
            } else {
                const auto format = format_of(path);
                read_bytes(read_file(path, format == ArticleFormat::jsonl ? max_jsonl_bytes : max_article_bytes), format,
                           path);
            }
        } catch (const InputError &e) {
            m_on_error(e.what());
        }
    }

private:
    const SourceOptions &m_options;
    const std::function<void(const Article &)> &m_on_article;
    const std::function<void(const std::string &)> &m_on_error;

    ArticleFormat format_of(const std::string &path) const {
        if (!m_options.format.empty()) {
            return *format_from_name(m_options.format);
        }
        if (!fs::exists(path)) {
            throw InputError(fmt::format("cannot read {}: no such file", path));
        }
        const auto format = format_from_path(path);
        if (!format) {
            throw InputError(
                fmt::format("cannot read {}: unknown format (use .json, .jsonl, .txt or .html, or --format)", path));
        }
        return *format;
    }

    void directory(const std::string &path) {
        std::vector<std::string> files;
        for (const auto &entry : fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) {
            if (entry.is_regular_file() && format_from_path(entry.path().string())) {
                files.push_back(entry.path().string());
            }
        }
        if (files.empty()) {
            throw InputError(fmt::format("cannot read {}: the directory holds no articles (.json, .jsonl, .txt, .html)", path));
        }
        std::sort(files.begin(), files.end());
        for (const auto &file : files) {
            input(file);
        }
    }

    void read_bytes(const std::string &bytes, ArticleFormat format, const std::string &origin) {
        if (format != ArticleFormat::jsonl) {
            m_on_article(parse_article(bytes, format, origin, m_options.defaults));
            return;
        }
        if (trim(bytes).empty()) {
            throw InputError(fmt::format("cannot read {}: empty file", origin));
        }
        std::size_t pos = 0;
        int line = 0;
        while (pos < bytes.size()) {
            auto end = bytes.find('\n', pos);
            end = end == std::string::npos ? bytes.size() : end;
            const std::string_view text(bytes.data() + pos, end - pos);
            ++line;
            pos = end + 1;
            if (trim(text).empty()) {
                continue;
            }
            try {
                m_on_article(parse_article(text, ArticleFormat::json, fmt::format("{}:{}", origin, line), m_options.defaults));
            } catch (const InputError &e) {
                m_on_error(e.what());
            }
        }
    }
};

} // namespace

void for_each_article(const std::vector<std::string> &inputs, const SourceOptions &options,
                      const std::function<void(const Article &)> &on_article,
                      const std::function<void(const std::string &)> &on_error) {
    Walker walker(options, on_article, on_error);
    for (const auto &input : inputs) {
        walker.input(input);
    }
}

void add_source_options(CLI::App &cmd, SourceOptions &options) {
    cmd.add_option("--format", options.format, "Input format when the extension does not say: json, jsonl, txt, html")
        ->type_name("FORMAT");
    cmd.add_option("--title", options.defaults.title, "Headline for articles that have none")->type_name("TEXT");
    cmd.add_option("--published", options.defaults.published, "Publication date for articles that have none")
        ->type_name("YYYY-MM-DD");
    cmd.add_option("--source", options.defaults.source, "Publisher for articles that name none")->type_name("TEXT");
    cmd.add_option("--url", options.defaults.url, "Address for articles that give none")->type_name("URL");
}

void check_source_options(const SourceOptions &options) {
    if (!options.format.empty() && !format_from_name(options.format)) {
        throw UsageError(fmt::format("--format must be json, jsonl, txt or html, not \"{}\"", options.format));
    }
    if (!options.defaults.published.empty()) {
        const auto date = parse_iso_date(options.defaults.published);
        if (!date || date->day == 0) {
            throw UsageError(fmt::format("--published must be a YYYY-MM-DD date, not \"{}\"", options.defaults.published));
        }
    }
}

} // namespace diplograph
