// `diplograph ingest`: read articles, extract, write each one all-or-nothing.
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli/article_source.hpp"
#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "extract/extraction.hpp"
#include "store/database.hpp"
#include "store/writer.hpp"

namespace diplograph {

namespace {

struct IngestOptions {
    std::string db;
    std::vector<std::string> inputs;
    SourceOptions source;
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

/// Writes articles in batches of transactions, each article inside its own savepoint.
class Ingester {
public:
    Ingester(SQLite::Database &db, const Lexicon &lexicon, bool quiet)
        : m_db(db), m_lex(lexicon), m_writer(db, lexicon), m_quiet(quiet) {}

    void ingest(const Article &article) {
        const auto hash = content_hash(article.text);
        if (!m_transaction) {
            m_transaction = std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        }
        if (const auto existing = m_writer.find(hash)) {
            ++m_counts.duplicates;
            if (!m_quiet) {
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
            finish();
        }
    }

    void fail(const std::string &message) {
        ++m_counts.failed;
        std::cerr << "diplograph: " << message << '\n';
    }

    void finish() {
        if (m_transaction) {
            m_transaction->commit();
            m_transaction.reset();
        }
        m_in_batch = 0;
    }

    const Counts &counts() const { return m_counts; }

private:
    SQLite::Database &m_db;
    const Lexicon &m_lex;
    ArticleWriter m_writer;
    bool m_quiet;
    std::unique_ptr<SQLite::Transaction> m_transaction;
    int m_in_batch = 0;
    Counts m_counts;
};

int run_ingest(const IngestOptions &options) {
    check_source_options(options.source);
    const auto started = std::chrono::steady_clock::now();
    const std::string path = database_path(options.db);
    SQLite::Database db = open_database(path);
    const Lexicon lexicon = load_lexicon(options.lexicon.empty() ? default_lexicon_dir() : options.lexicon,
                                         DIPLOGRAPH_ISO_CODES, read_user_actors(db));
    Ingester ingester(db, lexicon, options.quiet);
    for_each_article(
        options.inputs, options.source, [&](const Article &article) { ingester.ingest(article); },
        [&](const std::string &message) { ingester.fail(message); });
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
    add_source_options(*cmd, options->source);
    cmd->add_option("--lexicon", options->lexicon, "Lexicon directory (default: $DIPLOGRAPH_LEXICON or the built-in one)")
        ->type_name("DIR");
    cmd->add_flag("--quiet,-q", options->quiet, "Print nothing but errors");
    return [options] { return run_ingest(*options); };
}

} // namespace diplograph
