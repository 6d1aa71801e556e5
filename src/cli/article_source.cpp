// Input walking shared by `ingest` and `extract`: globs, directories, files, JSON Lines, stdin.
#include "cli/article_source.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace diplograph {

namespace {

namespace fs = std::filesystem;

bool is_glob(const std::string &input) {
    return input.find_first_of("*?") != std::string::npos;
}

/// The paths a glob pattern matches, sorted (glob(3) sorts them); empty when none.
std::vector<std::string> expand_glob(const std::string &pattern) {
    glob_t found{};
    const int status = ::glob(pattern.c_str(), 0, nullptr, &found);
    const std::unique_ptr<glob_t, decltype(&::globfree)> owned(&found, &::globfree);
    std::vector<std::string> paths;
    if (status == 0) {
        paths.assign(found.gl_pathv, found.gl_pathv + found.gl_pathc);
    }
    return paths;
}

class Planner {
public:
    explicit Planner(InputPlan &plan) : m_plan(plan) {}

    void input(const std::string &input) {
        if (input == "-") {
            m_plan.paths.push_back(input);
        } else if (is_glob(input) && !fs::exists(input)) {
            const auto matches = expand_glob(input);
            if (matches.empty()) {
                error(fmt::format("cannot read {}: no file matches this pattern", input));
            }
            for (const auto &match : matches) {
                path(match);
            }
        } else {
            path(input);
        }
    }

private:
    InputPlan &m_plan;

    void error(std::string message) {
        m_plan.errors.emplace_back(m_plan.paths.size(), std::move(message));
    }

    void path(const std::string &path) {
        if (!fs::is_directory(path)) {
            m_plan.paths.push_back(path);
            return;
        }
        std::vector<std::string> files;
        for (const auto &entry : fs::recursive_directory_iterator(
                 path, fs::directory_options::skip_permission_denied)) {
            // Gold annotations (NAME.gold.json, see `diplograph eval`) sit beside articles.
            if (entry.is_regular_file() && format_from_path(entry.path().string()) &&
                !entry.path().string().ends_with(".gold.json")) {
                files.push_back(entry.path().string());
            }
        }
        if (files.empty()) {
            error(fmt::format(
                "cannot read {}: the directory holds no articles (.json, .jsonl, .txt, .html)",
                path));
        }
        std::sort(files.begin(), files.end());
        m_plan.paths.insert(m_plan.paths.end(), files.begin(), files.end());
    }
};

class Walker {
public:
    Walker(const SourceOptions &options, const ArticleSink &sink)
        : m_options(options), m_sink(sink) {}

    void input(const std::string &path) {
        try {
            const auto format = format_of(path);
            if (format == ArticleFormat::jsonl) {
                json_lines(path);
            } else {
                const std::string bytes =
                    path == "-" ? read_stream(std::cin, "stdin") : read_file(path);
                advance(bytes.size());
                m_sink.article(
                    parse_article(bytes, format, path == "-" ? "stdin" : path, m_options.defaults));
            }
        } catch (const InputError &e) {
            m_sink.error(e.what());
        }
        report_progress();
    }

private:
    const SourceOptions &m_options;
    const ArticleSink &m_sink;
    std::uint64_t m_bytes = 0;

    void advance(std::uint64_t bytes) { m_bytes += bytes; }
    void report_progress() const {
        if (m_sink.progress) {
            m_sink.progress(m_bytes);
        }
    }

    ArticleFormat format_of(const std::string &path) const {
        if (!m_options.format.empty()) {
            return *format_from_name(m_options.format);
        }
        if (path == "-") {
            return ArticleFormat::txt;
        }
        if (!fs::exists(path)) {
            throw InputError(fmt::format("cannot read {}: no such file", path));
        }
        const auto format = format_from_path(path);
        if (!format) {
            throw InputError(fmt::format(
                "cannot read {}: unknown format (use .json, .jsonl, .txt or .html, or --format)",
                path));
        }
        return *format;
    }

    /// Reads a JSON Lines file one line at a time, so memory stays flat however large it is.
    void json_lines(const std::string &path) {
        std::ifstream file;
        if (path != "-") {
            file.open(path, std::ios::binary);
            if (!file) {
                throw InputError(
                    fmt::format("cannot read {}: permission denied or unreadable", path));
            }
        }
        std::istream &in = path == "-" ? std::cin : file;
        const std::string origin = path == "-" ? "stdin" : path;
        std::string text;
        int line = 0;
        bool any = false;
        while (std::getline(in, text)) {
            ++line;
            advance(text.size() + 1);
            if (trim(text).empty()) {
                continue;
            }
            any = true;
            try {
                m_sink.article(parse_article(text, ArticleFormat::json,
                                             fmt::format("{}:{}", origin, line),
                                             m_options.defaults));
            } catch (const InputError &e) {
                m_sink.error(e.what());
            }
            report_progress();
        }
        if (in.bad()) {
            throw InputError(
                fmt::format("cannot read {}: read error at line {}", origin, line + 1));
        }
        if (!any) {
            throw InputError(fmt::format("cannot read {}: empty file", origin));
        }
    }
};

} // namespace

InputPlan plan_inputs(const std::vector<std::string> &inputs) {
    InputPlan plan;
    Planner planner(plan);
    for (const auto &input : inputs) {
        planner.input(input);
    }
    std::uint64_t total = 0;
    for (const auto &path : plan.paths) {
        if (path == "-") {
            return plan;
        }
        std::error_code error;
        const auto size = fs::file_size(path, error);
        total += error ? 0 : size;
    }
    plan.total_bytes = total;
    return plan;
}

void for_each_path(const InputPlan &plan, const std::function<void(const std::string &)> &on_path,
                   const std::function<void(const std::string &)> &on_error) {
    auto error = plan.errors.begin();
    for (std::size_t i = 0; i <= plan.paths.size(); ++i) {
        for (; error != plan.errors.end() && error->first == i; ++error) {
            on_error(error->second);
        }
        if (i < plan.paths.size()) {
            on_path(plan.paths[i]);
        }
    }
}

void for_each_article(const InputPlan &plan, const SourceOptions &options,
                      const ArticleSink &sink) {
    Walker walker(options, sink);
    for_each_path(
        plan, [&](const std::string &path) { walker.input(path); }, sink.error);
}

void add_source_options(CLI::App &cmd, SourceOptions &options) {
    cmd.add_option("--format", options.format,
                   "Input format when the extension does not say: json, jsonl, txt, html")
        ->type_name("FORMAT");
    cmd.add_option("--title", options.defaults.title, "Headline for articles that have none")
        ->type_name("TEXT");
    cmd.add_option("--published", options.defaults.published,
                   "Publication date for articles that have none")
        ->type_name("YYYY-MM-DD");
    cmd.add_option("--source", options.defaults.source, "Publisher for articles that name none")
        ->type_name("TEXT");
    cmd.add_option("--url", options.defaults.url, "Address for articles that give none")
        ->type_name("URL");
}

void check_source_options(const SourceOptions &options) {
    if (!options.format.empty() && !format_from_name(options.format)) {
        throw UsageError(
            fmt::format("--format must be json, jsonl, txt or html, not \"{}\"", options.format));
    }
    if (!options.defaults.published.empty()) {
        const auto date = parse_iso_date(options.defaults.published);
        if (!date || date->day == 0) {
            throw UsageError(fmt::format("--published must be a YYYY-MM-DD date, not \"{}\"",
                                         options.defaults.published));
        }
    }
}

} // namespace diplograph
