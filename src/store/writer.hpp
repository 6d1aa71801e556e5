// Writing one article and everything extracted from it into the database.
#pragma once

#include "extract/extraction.hpp"
#include "lexicon/text_map.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace diplograph {

/// Hex digest identifying an article's normalised text (duplicates share it).
std::string content_hash(std::string_view text);

/// The actors users added to this database (`diplograph actor add|alias`), for the lexicon.
std::vector<UserActor> read_user_actors(SQLite::Database &db);

/// Adds the statements written since the last call to the full-text index. Call it before
/// committing any transaction that inserted statements (schema/005_lean_writes.sql).
void sync_statement_search(SQLite::Database &db);

/// Writes articles through prepared statements. The caller owns the transaction: write()
/// does not commit, so a failure leaves the database as it was once rolled back.
class ArticleWriter {
public:
    ArticleWriter(SQLite::Database &db, const Lexicon &lexicon);

    /// While holding, write() keeps mentions in memory and flush_mentions() inserts them all,
    /// ordered by their key (actor, article, span). The mentions table is clustered by actor, so
    /// a batch touches a page per actor in it: in article order those pages are visited again
    /// and again, and in a large database they no longer all fit in the page cache. In key order
    /// each is visited once. Off by default: then write() inserts them at once. Inserts what
    /// is held before it changes.
    void hold_mentions(bool hold) {
        flush_mentions();
        m_hold_mentions = hold;
    }

    /// Inserts the mentions held since the last flush. Call it before committing.
    void flush_mentions();

    /// How many mentions are held.
    std::size_t held_mentions() const { return m_held_mentions.size(); }

    /// The article id when an article with this text is stored already.
    std::optional<std::int64_t> find(const std::string &hash);

    /// Inserts the article, its sentences and all its facts; returns the article id.
    std::int64_t write(const Article &article, const std::string &hash,
                       const Extraction &extraction);

    /// Forgets cached ids (call after a rollback: the rows they named are gone) and resets the
    /// prepared statements (one may have stopped half-way with the error that led to it).
    void forget() {
        m_actor_ids.clear();
        m_topic_ids.clear();
        std::fill(m_lexicon_actor_ids.begin(), m_lexicon_actor_ids.end(), 0);
        m_mention_kind_ids.clear();
        m_held_mentions.clear();
        for (auto &[name, st] : m_statements) {
            st->tryReset();
            st->clearBindings();
        }
        for (auto &st : m_mention_inserts) {
            if (st) {
                st->tryReset();
                st->clearBindings();
            }
        }
    }

private:
    SQLite::Database &m_db;
    const Lexicon &m_lex;
    /// Prepared statements by name. The names are string literals, so the keys can be views
    /// (looking one up allocates nothing; there are about a hundred lookups per article).
    std::unordered_map<std::string_view, std::unique_ptr<SQLite::Statement>, TextHash> m_statements;
    /// Ids of rows written before, by key: looked up for every actor, topic and mention.
    using Ids = std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>>;
    Ids m_actor_ids;
    Ids m_topic_ids;
    /// Row ids of lexicon actors by their index in the lexicon (0: not looked up yet).
    std::vector<std::int64_t> m_lexicon_actor_ids;
    /// The dozen mention kinds, scanned in order: cheaper than hashing a name per mention.
    std::vector<std::pair<std::string, std::int64_t>> m_mention_kind_ids;
    /// Mentions are inserted this many to a statement: one statement's fixed cost (setting up,
    /// opening the table, finishing) is shared by the rows.
    static constexpr std::size_t mentions_per_insert = 16;
    std::array<std::unique_ptr<SQLite::Statement>, mentions_per_insert> m_mention_inserts;
    /// A mention's row, as inserted.
    struct MentionRow {
        std::int64_t actor;
        std::int64_t article;
        std::int64_t sentence;
        std::uint32_t start;
        std::uint32_t end;
        std::int64_t kind;
        std::uint32_t order; ///< held before this many others: of equal keys, the first wins
    };
    bool m_hold_mentions = false;
    std::vector<MentionRow> m_held_mentions;

    SQLite::Statement &statement(const char *name);
    SQLite::Statement &mention_insert(std::size_t rows);
    void insert_mentions(const MentionRow *rows, std::size_t count);
    std::int64_t actor_id(const ActorRef &actor);
    std::int64_t lexicon_actor_id(int index);
    void add_roles(int lexicon_index, std::int64_t id);
    std::int64_t topic_id(const Topic &topic, const std::vector<std::int64_t> &actors);
    std::int64_t mention_kind_id(const std::string &name);
    std::int64_t actor_id_by_key(const ActorRef &actor);
    /// The stored meeting this one is another report of: same participants (sorted ids) and
    /// status, and a full date at most a day away or an equal partial date.
    std::optional<std::int64_t> same_meeting(const Meeting &meeting,
                                             const std::vector<std::int64_t> &participants);
    std::int64_t meeting_id(const Meeting &meeting, const std::vector<std::int64_t> &participants,
                            const std::vector<std::int64_t> &actors, const std::string &title);
};

} // namespace diplograph
