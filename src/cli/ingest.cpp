// `diplograph ingest`: read articles, extract, write each one all-or-nothing.
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "common/text.hpp"
#include "extract/extraction.hpp"
#include "reader/reader.hpp"
#include "store/database.hpp"
#include "store/writer.hpp"

namespace diplograph {

namespace {

namespace fs = std::filesystem;

struct IngestOptions {
    std::string db;
    std::vector<std::string> inputs;
    std::string format;
    ArticleDefaults defaults;
    std::string lexicon;
    bool quiet = false;
};

/// Articles committed per transaction; each article is still all-or-nothing (a savepoint).
constexpr int batch_size = 200;

struct Counts {
    int ingested = 0;
    int duplicates = 0;
    int failed = 0;
};

class Ingester {
public:
    Ingester(const IngestOptions &options, SQLite::Database &db, const Lexicon &lexicon)
        : m_options(options), m_db(db), m_lex(lexicon), m_writer(db, lexicon) {}

    ~Ingester() = default;

    void input(const std::string &path) {
        try {
            if (path == "-") {
                const auto format = m_options.format.empty() ? ArticleFormat::txt : *format_from_name(m_options.format);
                read_bytes(read_stream(std::cin, "stdin"), format, "stdin");
            } else if (fs::is_directory(path)) {
                directory(path);
            } else {
                read_bytes(read_file(path, format_of(path) == ArticleFormat::jsonl ? std::size_t{1} << 34 : max_article_bytes),
                           format_of(path), path);
            }
        } catch (const InputError &e) {
            fail(e.what());
        }
    }

    void finish() {
        if (m_transaction) {
            m_transaction->commit();
            m_transaction.reset();
        }
    }

    const Counts &counts() const { return m_counts; }

private:
    const IngestOptions &m_options;
    SQLite::Database &m_db;
    const Lexicon &m_lex;
    ArticleWriter m_writer;
    std::unique_ptr<SQLite::Transaction> m_transaction;
    int m_in_batch = 0;
    Counts m_counts;

    void fail(std::string_view message) {
        ++m_counts.failed;
        std::cerr << "diplograph: " << message << '\n';
    }

    ArticleFormat format_of(const std::string &path) const {
        if (!m_options.format.empty()) {
            return *format_from_name(m_options.format);
        }
        const auto format = format_from_path(path);
        if (!format) {
            throw InputError(fmt::format("cannot read {}: unknown format (use .json, .jsonl, .txt or .html, or --format)", path));
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
            ingest(parse_article(bytes, format, origin, m_options.defaults));
            return;
        }
        if (bytes.empty()) {
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
                ingest(parse_article(text, ArticleFormat::json, fmt::format("{}:{}", origin, line), m_options.defaults));
            } catch (const InputError &e) {
                fail(e.what());
            }
        }
    }

    void ingest(const Article &article) {
        const auto hash = content_hash(article.text);
        if (!m_transaction) {
            m_transaction = std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        }
        if (const auto existing = m_writer.find(hash)) {
            ++m_counts.duplicates;
            if (!m_options.quiet) {
                std::cout << fmt::format("skipped {}: already in the database as article {}\n", article.origin, *existing);
            }
            return;
        }
        const Extraction extraction = extract(article, m_lex);
        m_db.exec("SAVEPOINT article");
        try {
            m_writer.write(article, hash, extraction);
            m_db.exec("RELEASE article");
        } catch (const SQLite::Exception &e) {
            m_db.exec("ROLLBACK TO article");
            m_db.exec("RELEASE article");
            m_writer.forget();
            throw InputError(fmt::format("cannot store {}: {}", article.origin, e.what()));
        }
        ++m_counts.ingested;
        if (++m_in_batch >= batch_size) {
            m_transaction->commit();
            m_transaction.reset();
            m_in_batch = 0;
        }
    }
};

int run_ingest(const IngestOptions &options) {
    if (!options.format.empty() && !format_from_name(options.format)) {
        throw UsageError(fmt::format("--format must be json, jsonl, txt or html, not \"{}\"", options.format));
    }
    if (!options.defaults.published.empty()) {
        const auto date = parse_iso_date(options.defaults.published);
        if (!date || date->day == 0) {
            throw UsageError(fmt::format("--published must be a YYYY-MM-DD date, not \"{}\"", options.defaults.published));
        }
    }
    const auto started = std::chrono::steady_clock::now();
    const std::string path = database_path(options.db);
    SQLite::Database db = open_database(path);
    const Lexicon lexicon = load_lexicon(options.lexicon.empty() ? default_lexicon_dir() : options.lexicon,
                                         DIPLOGRAPH_ISO_CODES, read_user_actors(db));
    Ingester ingester(options, db, lexicon);
    for (const auto &input : options.inputs) {
        ingester.input(input);
    }
    ingester.finish();
    const auto &counts = ingester.counts();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.quiet) {
        std::cout << fmt::format("ingested {} article{} into {} ({} duplicate{} skipped, {} failed) in {:.3f} s\n",
                                 counts.ingested, counts.ingested == 1 ? "" : "s", path, counts.duplicates,
                                 counts.duplicates == 1 ? "" : "s", counts.failed, seconds);
    }
    return counts.failed > 0 ? 1 : 0;
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
    auto *cmd = app.add_subcommand("ingest", "Read articles and add their actors, statements, meetings and relations");
    cmd->add_option("files", options->inputs, "Articles: .json, .jsonl, .txt, .html files, directories, or - for stdin")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--db", options->db, "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")->type_name("PATH");
    cmd->add_option("--format", options->format, "Input format when the extension does not say: json, jsonl, txt, html")
        ->type_name("FORMAT");
    cmd->add_option("--title", options->defaults.title, "Headline for articles that have none")->type_name("TEXT");
    cmd->add_option("--published", options->defaults.published, "Publication date for articles that have none")
        ->type_name("YYYY-MM-DD");
    cmd->add_option("--source", options->defaults.source, "Publisher for articles that name none")->type_name("TEXT");
    cmd->add_option("--url", options->defaults.url, "Address for articles that give none")->type_name("URL");
    cmd->add_option("--lexicon", options->lexicon, "Lexicon directory (default: $DIPLOGRAPH_LEXICON or the built-in one)")
        ->type_name("DIR");
    cmd->add_flag("--quiet,-q", options->quiet, "Print nothing but errors");
    return [options] { return run_ingest(*options); };
}

} // namespace diplograph
