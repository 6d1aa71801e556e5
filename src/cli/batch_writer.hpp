// Writing articles in batches of transactions, each article all-or-nothing; shared by `ingest`
// and `load`.
#pragma once

#include "extract/extraction.hpp"
#include "store/writer.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace diplograph {

struct BatchCounts {
    int ingested = 0;
    int duplicates = 0;
    int failed = 0;
};

/// Articles committed per transaction unless --batch says otherwise. Each commit journals and
/// syncs every page the batch touched, and in a large database those are spread over the
/// by-actor indexes, a page per actor and index whatever the batch's size; the full-text
/// index's merges, too, cost less in fewer, larger syncs. 100,000 generated articles: 67 s in
/// batches of 2,000, 62 s in batches of 5,000, 52.6 s in batches of 10,000 (with the held
/// mentions and the 64 MiB cache of this version; 5,000 gave 54.8 s with 80 MiB). An
/// interrupted run loses at most one batch, which a rerun redoes; the texts a batch keeps (to
/// write it again if an article fails) stay under max_batch_text_bytes.
constexpr int default_batch_size = 10000;

/// A batch is also committed once the texts of its articles, kept for writing them again, pass
/// this many bytes: 10,000 articles of 3 KB, 4,600 of 7 KB. With the page cache and the held
/// mentions, peak memory stays under 135 MB for the first and 141 MB for the second.
constexpr std::size_t max_batch_text_bytes = 32u << 20;

/// Bytes of mentions and relations held in memory before they are inserted in key order (see
/// ArticleWriter::hold): 20 MiB. A generated article holds about 48 mentions (28 bytes each)
/// and 6 relations (72 bytes, and 16 per topic): some 1.9 KB, so a batch of 10,000 is inserted
/// at once, at its end, and each actor's page of the mentions table is visited once per batch.
/// With 48-byte mentions and 16 MiB, a batch took two flushes, and at 100,000 articles each
/// visited those pages again (0.4-0.9 s per flush). Flushing mentions every 32,768 or 65,536
/// cost 3-7 % at 100,000 articles, as the pages leave the cache between flushes.
constexpr std::size_t held_bytes_per_flush = 20u << 20;

/// Declares --batch N (articles per transaction) on a subcommand.
void add_batch_option(CLI::App &command, int &batch_size);

class BatchWriter {
public:
    /// With `quiet`, skipped duplicates are not announced on stdout. Commits every
    /// `batch_size` articles, and inserts the held rows whenever `flush_every` bytes are held.
    BatchWriter(SQLite::Database &db, const Lexicon &lexicon, bool quiet,
                int batch_size = default_batch_size,
                std::size_t flush_every = held_bytes_per_flush);

    /// Whether an article with this text is stored already (counted and announced if so).
    bool skip_duplicate(const Article &article, const std::string &hash);

    /// Writes one article's rows again, the same ones: ingest extracts the article again, load
    /// reads its line again. Only called after a later article of the batch failed.
    using Rewrite = std::function<void(ArticleWriter &)>;

    /// Writes one article all-or-nothing. A storage failure is counted and reported as failed,
    /// and leaves the database as it was before this article: the open batch is rolled back and
    /// its earlier articles are written again with `rewrite` (a savepoint per article would keep
    /// the batch but copies every page each article touches, which cost 13 % of an ingest). An
    /// article without actors gets a note on stdout (unless quiet). Commits when the batch is
    /// full. Throws std::runtime_error when the batch cannot be written again: then nothing of
    /// it is stored, and the run should stop.
    void write(const Article &article, const std::string &hash, const Extraction &extraction,
               Rewrite rewrite);

    /// Counts and reports (on stderr) an input that could not be read.
    void fail(const std::string &message);

    /// Commits the open batch. Throws SQLite::Exception when the commit fails.
    void finish();

    const BatchCounts &counts() const { return m_counts; }

    /// The one-line summary ingest and load print at the end.
    std::string summary(const std::string &verb, const std::string &path, double seconds) const;

private:
    SQLite::Database &m_db;
    ArticleWriter m_writer;
    bool m_quiet;
    int m_batch_size;
    std::size_t m_flush_every;
    std::unique_ptr<SQLite::Transaction> m_transaction;
    struct Written {
        std::string origin;
        std::size_t text_bytes;
        Rewrite rewrite;
    };
    std::vector<Written> m_batch; ///< the open batch's articles, in the order they were written
    std::size_t m_batch_bytes = 0;
    BatchCounts m_counts;

    void begin();
    void rewrite_batch();
    void write_one_by_one();
    void flush_held();
};

} // namespace diplograph
