// `diplograph ingest`: read articles, extract (on --jobs threads), write each one all-or-nothing.
#include "cli/article_source.hpp"
#include "cli/batch_writer.hpp"
#include "cli/commands.hpp"
#include "cli/lexicon_option.hpp"
#include "cli/parallel_extractor.hpp"
#include "common/errors.hpp"
#include "store/database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>

namespace diplograph {

namespace {

using Clock = std::chrono::steady_clock;

struct IngestOptions {
    std::string db;
    std::vector<std::string> inputs;
    SourceOptions source;
    std::string lexicon;
    int jobs = 1;
    bool quiet = false;
    int batch = default_batch_size;
};

/// A progress line on stderr, redrawn at most five times a second, only on a terminal.
class Progress {
public:
    Progress(bool enabled, std::optional<std::uint64_t> total_bytes)
        : m_enabled(enabled), m_total(total_bytes), m_started(Clock::now()), m_shown(m_started) {}

    /// Input bytes read so far (called from the reading thread).
    void read(std::uint64_t bytes) { m_read.store(bytes, std::memory_order_relaxed); }

    /// One more article handled (called from the writing thread).
    void article() {
        ++m_articles;
        const auto now = Clock::now();
        if (!m_enabled || now - m_shown < std::chrono::milliseconds(200)) {
            return;
        }
        m_shown = now;
        const double seconds = std::chrono::duration<double>(now - m_started).count();
        std::string line =
            fmt::format("{} articles, {:.0f} articles/s", m_articles, m_articles / seconds);
        const auto read = m_read.load(std::memory_order_relaxed);
        if (m_total && *m_total > 0 && read > 0) {
            const double left =
                seconds * (static_cast<double>(*m_total) / static_cast<double>(read) - 1.0);
            line += fmt::format(", ETA {}:{:02}", static_cast<int>(left) / 60,
                                static_cast<int>(left) % 60);
        }
        std::cerr << "\r\033[K" << line << std::flush;
    }

    void clear() const {
        if (m_enabled && m_shown != m_started) {
            std::cerr << "\r\033[K" << std::flush;
        }
    }

private:
    bool m_enabled;
    std::optional<std::uint64_t> m_total;
    Clock::time_point m_started;
    Clock::time_point m_shown;
    std::atomic<std::uint64_t> m_read{0};
    long m_articles = 0;
};

/// The database and its BatchWriter. A database file that does not exist yet holds no users'
/// actors, so the lexicon need not wait for it: it is created (its schema takes about 15 ms)
/// on another thread while the lexicon loads and, with --jobs, while the first articles are
/// extracted. An existing database is opened first, for its users' actors.
class Store {
public:
    Store(const std::string &path, const IngestOptions &options) : m_options(options) {
        const auto open = [path] {
            SQLite::Database db = open_database(path);
            use_bulk_write_settings(db);
            return db;
        };
        if (std::filesystem::exists(path)) {
            m_db.emplace(open());
        } else {
            m_opening = std::async(std::launch::async, open);
        }
    }

    const Lexicon &load_lexicon() {
        return load_command_lexicon(m_options.lexicon, m_db ? &*m_db : nullptr);
    }

    /// The writer, once the database is ready (throws what opening it threw). Called from
    /// one thread at a time.
    BatchWriter &writer(const Lexicon &lexicon) {
        if (!m_writer) {
            if (!m_db) {
                m_db.emplace(m_opening.get());
            }
            m_writer.emplace(*m_db, lexicon, m_options.quiet, m_options.batch);
        }
        return *m_writer;
    }

private:
    const IngestOptions &m_options;
    std::optional<SQLite::Database> m_db; ///< declared before the writer, which uses it
    std::optional<BatchWriter> m_writer;
    std::future<SQLite::Database> m_opening; ///< destroyed first: waits for a creation under way
};

/// How ingest writes an article again after its batch was rolled back: it extracts it again,
/// which gives the same facts (extraction is deterministic).
BatchWriter::Rewrite extract_again(Article article, std::string hash, const Lexicon &lexicon) {
    return [article = std::move(article), hash = std::move(hash), &lexicon](ArticleWriter &writer) {
        writer.write(article, hash, extract(article, lexicon));
    };
}

/// --jobs 1: read, extract and write one article after the other on this thread.
void ingest_serially(const InputPlan &plan, const IngestOptions &options, const Lexicon &lexicon,
                     Store &store, Progress &progress) {
    BatchWriter &writer = store.writer(lexicon);
    const ArticleSink sink{[&](Article &&article) {
                               const auto hash = content_hash(article.text);
                               if (!writer.skip_duplicate(article, hash)) {
                                   writer.write(article, hash, extract(article, lexicon),
                                                extract_again(article, hash, lexicon));
                               }
                               progress.article();
                           },
                           [&](const std::string &message) { writer.fail(message); },
                           [&](std::uint64_t bytes) { progress.read(bytes); }};
    for_each_article(plan, options.source, sink);
}

/// --jobs N: extraction on N threads, writing on one more, in input order.
void ingest_in_parallel(const InputPlan &plan, const IngestOptions &options, const Lexicon &lexicon,
                        Store &store, Progress &progress) {
    ParallelExtractor extractor(lexicon, options.jobs, [&](const ExtractedArticle &item) {
        BatchWriter &writer = store.writer(lexicon);
        if (!item.error.empty()) {
            writer.fail(item.error);
            return;
        }
        if (!writer.skip_duplicate(item.article, item.hash)) {
            writer.write(item.article, item.hash, item.extraction,
                         extract_again(item.article, item.hash, lexicon));
        }
        progress.article();
    });
    const ArticleSink sink{[&](Article &&article) { extractor.push_article(std::move(article)); },
                           [&](const std::string &message) { extractor.push_error(message); },
                           [&](std::uint64_t bytes) { progress.read(bytes); }};
    for_each_article(plan, options.source, sink);
    extractor.finish();
}

int run_ingest(const IngestOptions &options) {
    check_source_options(options.source);
    if (options.jobs < 1 || options.jobs > 256) {
        throw UsageError(fmt::format("--jobs must be between 1 and 256, not {}", options.jobs));
    }
    const auto started = Clock::now();
    const std::string path = database_path(options.db);
    const InputPlan plan = plan_inputs(options.inputs);
    Store store(path, options);
    const Lexicon &lexicon = store.load_lexicon();
    Progress progress(!options.quiet && isatty(STDERR_FILENO) == 1, plan.total_bytes);
    if (options.jobs == 1) {
        ingest_serially(plan, options, lexicon, store, progress);
    } else {
        ingest_in_parallel(plan, options, lexicon, store, progress);
    }
    BatchWriter &writer = store.writer(lexicon);
    writer.finish();
    progress.clear();
    if (!options.quiet) {
        const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
        std::cout << writer.summary("ingested", path, seconds) << '\n';
    }
    return writer.counts().failed > 0 ? 1 : 0;
}

} // namespace

std::string database_path(const std::string &option) {
    if (!option.empty()) {
        return option;
    }
    if (const char *env = std::getenv("DIPLOGRAPH_DB"); env != nullptr && *env != '\0') {
        return env;
    }
    return "diplograph.db";
}

CommandRunner add_ingest_command(CLI::App &app) {
    auto options = std::make_shared<IngestOptions>();
    auto *cmd = app.add_subcommand(
        "ingest", "Read articles and add their actors, statements, meetings and relations");
    cmd->add_option(
           "files", options->inputs,
           "Articles: .json, .jsonl, .txt, .html files, directories, quoted globs, or - for stdin")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--db", options->db,
                    "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")
        ->type_name("PATH");
    add_source_options(*cmd, options->source);
    add_lexicon_option(*cmd, options->lexicon);
    cmd->add_option("--jobs,-j", options->jobs,
                    "Extract on N threads (one more writes, in input order)")
        ->type_name("N");
    add_batch_option(*cmd, options->batch);
    cmd->add_flag("--quiet,-q", options->quiet, "Print nothing but errors");
    return [options] { return run_ingest(*options); };
}

} // namespace diplograph
