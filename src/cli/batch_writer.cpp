// Batches of transactions; a failed article rolls its batch back and the rest is written again.
#include "cli/batch_writer.hpp"

#include "common/errors.hpp"

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

namespace diplograph {

void add_batch_option(CLI::App &command, int &batch_size) {
    command
        .add_option("--batch", batch_size,
                    fmt::format("Articles per transaction (default {}): more is faster, fewer "
                                "loses less work when interrupted and lets other writers in sooner",
                                default_batch_size))
        ->type_name("N")
        ->check(CLI::PositiveNumber);
}

BatchWriter::BatchWriter(SQLite::Database &db, const Lexicon &lexicon, bool quiet, int batch_size,
                         std::size_t flush_every)
    : m_db(db), m_writer(db, lexicon), m_quiet(quiet), m_batch_size(batch_size),
      m_flush_every(flush_every) {
    m_writer.hold(true);
}

void BatchWriter::begin() {
    if (!m_transaction) {
        m_transaction =
            std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        m_writer.begin_transaction();
    }
}

bool BatchWriter::skip_duplicate(const Article &article, const std::string &hash) {
    begin();
    const auto existing = m_writer.find(hash);
    if (!existing) {
        return false;
    }
    ++m_counts.duplicates;
    if (!m_quiet) {
        std::cout << fmt::format("skipped {}: already in the database as article {}\n",
                                 article.origin, *existing);
    }
    return true;
}

void BatchWriter::write(const Article &article, const std::string &hash,
                        const Extraction &extraction, Rewrite rewrite) {
    begin();
    try {
        m_writer.write(article, hash, extraction);
    } catch (const SQLite::Exception &e) {
        fail(fmt::format("cannot store {}: {}", article.origin, e.what()));
        rewrite_batch();
        return;
    }
    m_batch.push_back({article.origin, article.text.size(), std::move(rewrite)});
    m_batch_bytes += article.text.size();
    if (extraction.mentions.empty() && !m_quiet) {
        // Stored all the same (its text and sentences), but say so: usually a wrong file.
        std::cout << fmt::format("note {}: no actors found in its text\n", article.origin);
    }
    if (m_batch.size() >= static_cast<std::size_t>(m_batch_size) ||
        m_batch_bytes >= max_batch_text_bytes) {
        finish();
    } else if (m_writer.held_bytes() >= m_flush_every) {
        flush_held();
    }
}

void BatchWriter::rewrite_batch() {
    m_transaction.reset(); // rolls back
    m_writer.forget();
    begin();
    try {
        for (const auto &written : m_batch) {
            written.rewrite(m_writer);
        }
    } catch (const SQLite::Exception &e) {
        m_transaction.reset();
        m_writer.forget();
        const auto lost = m_batch.size();
        m_batch.clear();
        m_batch_bytes = 0;
        // Not an InputError: no other input can be stored either, so the run stops.
        throw std::runtime_error(fmt::format(
            "cannot write the {} article{} of the open batch again, so none of them is stored "
            "(every batch committed before is): {}",
            lost, lost == 1 ? "" : "s", e.what()));
    }
}

void BatchWriter::fail(const std::string &message) {
    ++m_counts.failed;
    std::cerr << "diplograph: " << message << '\n';
}

void BatchWriter::write_one_by_one() {
    auto batch = std::move(m_batch);
    m_batch.clear();
    m_batch_bytes = 0;
    m_transaction.reset(); // rolls back
    m_writer.forget();
    m_writer.hold(false);
    begin();
    for (auto &written : batch) {
        try {
            written.rewrite(m_writer);
        } catch (const SQLite::Exception &e) {
            fail(fmt::format("cannot store {}: {}", written.origin, e.what()));
            rewrite_batch();
            continue;
        }
        m_batch_bytes += written.text_bytes;
        m_batch.push_back(std::move(written));
    }
    m_writer.hold(true);
}

void BatchWriter::flush_held() {
    try {
        m_writer.flush_held();
    } catch (const SQLite::Exception &) {
        // An article's mentions or relations cannot be stored, and held rows go in together:
        // write the batch again an article at a time, which finds the article (and says why it
        // failed) as write() does.
        write_one_by_one();
    }
}

void BatchWriter::finish() {
    if (m_transaction) {
        // A batch of duplicates alone wrote nothing and has nothing to index: its commit then
        // writes nothing either (no journal, no sync), as a rerun over a folder expects.
        if (!m_batch.empty()) {
            flush_held();
            sync_statement_search(m_db);
        }
        m_transaction->commit();
        m_transaction.reset();
    }
    m_counts.ingested += static_cast<int>(m_batch.size());
    m_batch.clear();
    m_batch_bytes = 0;
}

std::string BatchWriter::summary(const std::string &verb, const std::string &path,
                                 double seconds) const {
    return fmt::format("{} {} article{} into {} ({} duplicate{} skipped, {} failed) in {:.3f} s",
                       verb, m_counts.ingested, m_counts.ingested == 1 ? "" : "s", path,
                       m_counts.duplicates, m_counts.duplicates == 1 ? "" : "s", m_counts.failed,
                       seconds);
}

} // namespace diplograph
