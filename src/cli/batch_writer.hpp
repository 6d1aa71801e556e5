// Writing articles in batches of transactions, each article all-or-nothing in a savepoint;
// shared by `ingest` and `load`.
#pragma once

#include "extract/extraction.hpp"
#include "store/writer.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <memory>
#include <string>

namespace diplograph {

struct BatchCounts {
    int ingested = 0;
    int duplicates = 0;
    int failed = 0;
};

class BatchWriter {
public:
    /// With `quiet`, skipped duplicates are not announced on stdout.
    BatchWriter(SQLite::Database &db, const Lexicon &lexicon, bool quiet);

    /// Whether an article with this text is stored already (counted and announced if so).
    bool skip_duplicate(const Article &article, const std::string &hash);

    /// Writes one article inside its own savepoint; a storage failure rolls back just this
    /// article and is counted and reported as failed. An article without actors gets a note on
    /// stdout (unless quiet). Commits every batch_size articles.
    void write(const Article &article, const std::string &hash, const Extraction &extraction);

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
    std::unique_ptr<SQLite::Transaction> m_transaction;
    int m_in_batch = 0;
    BatchCounts m_counts;

    void begin();
};

} // namespace diplograph
