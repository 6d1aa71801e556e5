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

    /// While holding, write() keeps mentions and relations in memory and flush_held() inserts
    /// them all, each table in the order of its largest index. The mentions table is clustered
    /// by actor, and relations are indexed by source and by target: a batch touches a page per
    /// actor (or pair of actors) in each, and in article order those pages are visited again
    /// and again; in a large database they no longer all fit in the page cache. Mentions go in
    /// key order and relations by source (once the database outgrows the page cache), so each
    /// of those pages is visited once. Relation ids
    /// are assigned as write() is called, so they come out in article order as when inserted at
    /// once. Off by default: then write() inserts everything at once. Inserts what is held
    /// before it changes.
    void hold(bool hold) {
        flush_held();
        m_hold = hold;
        m_next_relation_id = 0;
    }

    /// Call when a transaction begins: the ids the writer gives held relations then start from
    /// those in the file, which another connection may have used since the last transaction.
    void begin_transaction() { m_next_relation_id = 0; }

    /// Inserts the mentions and relations held since the last flush. Call it before committing.
    void flush_held();

    /// How many bytes of rows are held.
    std::size_t held_bytes() const {
        return m_held_mentions.size() * sizeof(MentionRow) +
               m_held_relations.size() * sizeof(RelationRow) +
               m_held_relation_topics.size() * sizeof(IdPair);
    }

    /// How many mentions and relations are held.
    std::size_t held_mentions() const { return m_held_mentions.size(); }
    std::size_t held_relations() const { return m_held_relations.size(); }

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
        m_held_relations.clear();
        m_held_relation_topics.clear();
        m_next_relation_id = 0;
        for (auto &[name, st] : m_statements) {
            st->tryReset();
            st->clearBindings();
        }
        for (auto &table : m_rows_inserts) {
            for (auto &st : table) {
                if (st) {
                    st->tryReset();
                    st->clearBindings();
                }
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
    /// Sentences, statements, mentions, relations and the rows naming their actors and topics
    /// are inserted this many rows to a statement: one statement's fixed cost (setting up,
    /// opening the table and its indexes, finishing) is shared by the rows.
    static constexpr std::size_t rows_per_insert = 16;
    enum class RowsInsert {
        mentions,
        relations,
        relation_topics,
        sentences,
        statements,
        statement_about,
        statement_topics
    };
    static constexpr std::size_t row_tables =
        static_cast<std::size_t>(RowsInsert::statement_topics) + 1;
    /// By table, the statements inserting 1 to rows_per_insert rows.
    std::array<std::array<std::unique_ptr<SQLite::Statement>, rows_per_insert>, row_tables>
        m_rows_inserts;
    /// A mention's row, as inserted: 28 bytes, since a batch holds hundreds of thousands and
    /// the fewer bytes each takes, the more fit before a flush (see held_bytes_per_flush). Ids
    /// above 2^32 - 1 do not fit: write_rows() inserts such an article's mentions at once.
    struct MentionRow {
        std::uint32_t actor;
        std::uint32_t article;
        std::uint32_t sentence;
        std::uint32_t start;
        std::uint32_t end;
        std::uint32_t kind;
        std::uint32_t order; ///< held before this many others: of equal keys, the first wins
    };
    std::vector<MentionRow> m_held_mentions;
    /// A relation's row, as inserted; its texts are held once each in m_names.
    struct RelationRow {
        std::int64_t id;
        std::int64_t article;
        std::int64_t sentence;
        std::int64_t source;
        std::int64_t target;
        std::uint32_t start;
        std::uint32_t end;
        std::uint32_t type;
        std::uint32_t polarity;
        std::uint32_t modality;
        std::uint32_t pattern;
        std::uint32_t date; ///< the name "" stands for NULL
        bool directed;
        bool negated;
    };
    /// A row of two ids: a relation's or statement's topic, or an actor a statement is about.
    struct IdPair {
        std::int64_t owner; ///< the relation or statement
        std::int64_t other; ///< the topic or actor
    };
    std::vector<RelationRow> m_held_relations;
    std::vector<IdPair> m_held_relation_topics;
    /// The id the next relation gets; 0 when it has to be read from the database.
    std::int64_t m_next_relation_id = 0;
    bool m_hold = false;
    /// The short texts of held relations (types, patterns, dates), each stored once.
    class Names {
    public:
        std::uint32_t id(const std::string &name) {
            const auto [it, added] =
                m_ids.try_emplace(name, static_cast<std::uint32_t>(m_by_id.size()));
            if (added) {
                m_by_id.push_back(&it->first); // map nodes do not move
            }
            return it->second;
        }
        const std::string &operator[](std::uint32_t id) const { return *m_by_id[id]; }

    private:
        std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> m_ids;
        std::vector<const std::string *> m_by_id;
    };
    Names m_names;

    SQLite::Statement &statement(const char *name);
    SQLite::Statement &rows_insert(RowsInsert table, std::size_t rows);
    template <typename Row, typename Bind>
    void insert_rows(RowsInsert table, const Row *rows, std::size_t count, Bind bind_row);
    void insert_mentions(const MentionRow *rows, std::size_t count);
    void insert_wide_mentions(const Extraction &x, const std::vector<std::int64_t> &actors,
                              std::int64_t article, const std::vector<std::int64_t> &sentences);
    void insert_relations(const RelationRow *rows, std::size_t count);
    void insert_pairs(RowsInsert table, const IdPair *rows, std::size_t count);
    std::int64_t next_relation_id();
    /// The id the next row of a table gets, by a named statement reading it.
    std::int64_t next_id(const char *name);
    std::int64_t write_rows(const Article &article, const std::string &hash,
                            const Extraction &extraction);
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
