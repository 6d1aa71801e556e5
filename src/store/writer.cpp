// Inserting articles and their facts; actors, topics and meetings are shared across articles.
#include "store/writer.hpp"

#include "common/text.hpp"
#include "store/database.hpp"
#include "store/embedded_sql.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
#include <tuple>

namespace diplograph {

namespace {

void bind_text(SQLite::Statement &st, const char *name, const std::string &value) {
    if (value.empty()) {
        st.bind(name);
    } else {
        st.bind(name, value);
    }
}

std::int64_t insert(SQLite::Database &db, SQLite::Statement &st) {
    st.exec();
    st.reset();
    st.clearBindings();
    return db.getLastInsertRowid();
}

/// The first column of the first row a lookup returns, if it returns one.
std::optional<std::int64_t> first_id(SQLite::Statement &st) {
    std::optional<std::int64_t> id;
    if (st.executeStep()) {
        id = st.getColumn(0).getInt64();
    }
    st.reset();
    st.clearBindings();
    return id;
}

std::string actor_key(std::string_view name, ActorKind kind, std::string_view country) {
    return fmt::format("{}\x1f{}\x1f{}", name, to_string(kind), country);
}

/// The range of stored dates a meeting on `date` merges with: from the day before to the day
/// after for a full date, the date itself for a partial one.
std::pair<std::string, std::string> same_day_range(const Date &date) {
    if (date.day == 0) {
        return {to_iso(date), to_iso(date)};
    }
    return {to_iso(add_days(date, -1)), to_iso(add_days(date, 1))};
}

} // namespace

std::string content_hash(std::string_view text) {
    // Two independent 64-bit FNV-1a variants: 128 bits, so distinct texts never collide in
    // practice.
    std::uint64_t a = 14695981039346656037ull;
    std::uint64_t b = 1099511628211ull ^ text.size();
    for (const char c : text) {
        a = (a ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        b = (b ^ static_cast<unsigned char>(c)) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
    }
    return fmt::format("{:016x}{:016x}", a, b);
}

std::vector<UserActor> read_user_actors(SQLite::Database &db) {
    std::vector<UserActor> users;
    SQLite::Statement st(db,
                         std::string(named_statement(store_statements()[0].text, "user_actors")));
    while (st.executeStep()) {
        UserActor user;
        user.name = st.getColumn("name").getString();
        user.kind = actor_kind_from(st.getColumn("kind").getString()).value_or(ActorKind::person);
        user.country = st.getColumn("country").getString();
        const std::string aliases = st.getColumn("aliases").getString();
        std::size_t pos = 0;
        while (pos < aliases.size()) {
            const auto end = std::min(aliases.find('\x1f', pos), aliases.size());
            user.aliases.push_back(aliases.substr(pos, end - pos));
            pos = end + 1;
        }
        users.push_back(std::move(user));
    }
    return users;
}

void sync_statement_search(SQLite::Database &db) {
    db.exec(std::string(named_statement(store_statements()[0].text, "sync_statement_search")));
}

ArticleWriter::ArticleWriter(SQLite::Database &db, const Lexicon &lexicon)
    : m_db(db), m_lex(lexicon), m_lexicon_actor_ids(lexicon.actors.size()) {}

SQLite::Statement &ArticleWriter::rows_insert(RowsInsert table, std::size_t rows) {
    static constexpr std::array<const char *, row_tables> names{
        "insert_mentions",   "insert_relations",       "insert_relation_topics", "insert_sentences",
        "insert_statements", "insert_statement_about", "insert_statement_topics"};
    auto &slot = m_rows_inserts[static_cast<std::size_t>(table)][rows - 1];
    if (!slot) {
        std::string sql(trim(
            named_statement(store_statements()[0].text, names[static_cast<std::size_t>(table)])));
        const auto values = sql.rfind("VALUES ");
        const std::string row = ", " + sql.substr(values + 7);
        for (std::size_t i = 1; i < rows; ++i) {
            sql += row;
        }
        slot = std::make_unique<SQLite::Statement>(m_db, sql);
    }
    return *slot;
}

template <typename Row, typename Bind>
void ArticleWriter::insert_rows(RowsInsert table, const Row *rows, std::size_t count,
                                Bind bind_row) {
    for (std::size_t first = 0; first < count; first += rows_per_insert) {
        const auto n = std::min(rows_per_insert, count - first);
        auto &ins = rows_insert(table, n);
        int column = 0;
        for (const auto *row = rows + first; row != rows + first + n; ++row) {
            bind_row(ins, column, *row);
        }
        insert(m_db, ins);
    }
}

void ArticleWriter::insert_wide_mentions(const Extraction &x,
                                         const std::vector<std::int64_t> &actors,
                                         std::int64_t article,
                                         const std::vector<std::int64_t> &sentences) {
    auto &ins = rows_insert(RowsInsert::mentions, 1);
    for (const auto &m : x.mentions) {
        ins.bind(1, article);
        ins.bind(2, sentences[m.sentence]);
        ins.bind(3, actors[static_cast<std::size_t>(m.actor)]);
        ins.bind(4, static_cast<std::int64_t>(x.doc.tokens[m.first].begin));
        ins.bind(5, static_cast<std::int64_t>(x.doc.tokens[m.last - 1].end));
        ins.bind(6, mention_kind_id(m.how));
        insert(m_db, ins);
    }
}

void ArticleWriter::insert_mentions(const MentionRow *rows, std::size_t count) {
    insert_rows(RowsInsert::mentions, rows, count,
                [](SQLite::Statement &ins, int &column, const MentionRow &m) {
                    ins.bind(++column, static_cast<std::int64_t>(m.article));
                    ins.bind(++column, static_cast<std::int64_t>(m.sentence));
                    ins.bind(++column, static_cast<std::int64_t>(m.actor));
                    ins.bind(++column, static_cast<std::int64_t>(m.start));
                    ins.bind(++column, static_cast<std::int64_t>(m.end));
                    ins.bind(++column, static_cast<std::int64_t>(m.kind));
                });
}

void ArticleWriter::insert_relations(const RelationRow *rows, std::size_t count) {
    // The texts live in m_names until the statement is reset: no copies.
    insert_rows(RowsInsert::relations, rows, count,
                [this](SQLite::Statement &ins, int &column, const RelationRow &r) {
                    ins.bind(++column, r.id);
                    ins.bind(++column, r.article);
                    ins.bind(++column, r.sentence);
                    ins.bind(++column, r.source);
                    ins.bind(++column, r.target);
                    ins.bindNoCopy(++column, m_names[r.type]);
                    ins.bindNoCopy(++column, m_names[r.polarity]);
                    ins.bind(++column, r.directed ? 1 : 0);
                    ins.bind(++column, r.negated ? 1 : 0);
                    ins.bindNoCopy(++column, m_names[r.modality]);
                    if (const auto &date = m_names[r.date]; date.empty()) {
                        ins.bind(++column);
                    } else {
                        ins.bindNoCopy(++column, date);
                    }
                    ins.bindNoCopy(++column, m_names[r.pattern]);
                    ins.bind(++column, static_cast<std::int64_t>(r.start));
                    ins.bind(++column, static_cast<std::int64_t>(r.end));
                });
}

void ArticleWriter::insert_pairs(RowsInsert table, const IdPair *rows, std::size_t count) {
    insert_rows(table, rows, count, [](SQLite::Statement &ins, int &column, const IdPair &pair) {
        ins.bind(++column, pair.owner);
        ins.bind(++column, pair.other);
    });
}

std::int64_t ArticleWriter::next_id(const char *name) {
    return first_id(statement(name)).value_or(1);
}

std::int64_t ArticleWriter::next_relation_id() {
    if (m_next_relation_id == 0) {
        m_next_relation_id = next_id("next_relation_id");
    }
    return m_next_relation_id++;
}

void ArticleWriter::flush_held() {
    // Of two mentions with the same key the first written is the one kept (INSERT OR IGNORE),
    // as when each article's mentions are inserted at once: `order` breaks the tie. (A stable
    // sort would need no such field, but it takes a second copy of the rows as a buffer.)
    std::sort(m_held_mentions.begin(), m_held_mentions.end(),
              [](const MentionRow &a, const MentionRow &b) {
                  return std::tie(a.actor, a.article, a.start, a.end, a.order) <
                         std::tie(b.actor, b.article, b.start, b.end, b.order);
              });
    insert_mentions(m_held_mentions.data(), m_held_mentions.size());
    m_held_mentions.clear();
    // By source, the first column of relations_by_source: that index is then visited in order,
    // and relations_by_target, left to random order, is the only one that has to stay cached.
    // While the whole database fits in the cache nothing is reread either way, and in id order
    // (as held) the table's pages fill up as they do when rows are appended (at 1,000 generated
    // articles 31 pages against 33).
    if (!m_held_relations.empty() && !fits_in_page_cache(m_db)) {
        std::sort(m_held_relations.begin(), m_held_relations.end(),
                  [](const RelationRow &a, const RelationRow &b) {
                      return std::tie(a.source, a.target, a.id) <
                             std::tie(b.source, b.target, b.id);
                  });
    }
    insert_relations(m_held_relations.data(), m_held_relations.size());
    m_held_relations.clear();
    // Held in relation id order, which is the table's key order.
    insert_pairs(RowsInsert::relation_topics, m_held_relation_topics.data(),
                 m_held_relation_topics.size());
    m_held_relation_topics.clear();
}

SQLite::Statement &ArticleWriter::statement(const char *name) {
    auto &slot = m_statements[name];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(
            m_db, std::string(named_statement(store_statements()[0].text, name)));
    }
    return *slot;
}

std::optional<std::int64_t> ArticleWriter::find(const std::string &hash) {
    auto &st = statement("find_article");
    st.bind(":hash", hash);
    return first_id(st);
}

std::int64_t ArticleWriter::lexicon_actor_id(int index) {
    const auto &actor = m_lex.actors[index];
    return actor_id(ActorRef{index, actor.name, actor.kind, actor.country});
}

void ArticleWriter::add_roles(int lexicon_index, std::int64_t id) {
    for (const auto &role : m_lex.roles) {
        if (role.person != lexicon_index) {
            continue;
        }
        const std::int64_t holder = lexicon_actor_id(role.holder);
        auto &st = statement("insert_role");
        st.bind(":actor", id);
        st.bind(":office", role.office);
        st.bind(":of_actor", holder);
        st.bind(":start", to_iso(role.start));
        bind_text(st, ":end", role.end ? to_iso(*role.end) : "");
        insert(m_db, st);
    }
}

std::int64_t ArticleWriter::actor_id(const ActorRef &actor) {
    // Most actors come from the lexicon, and its index names one row: no key to build or hash.
    if (actor.lexicon >= 0) {
        auto &known = m_lexicon_actor_ids[static_cast<std::size_t>(actor.lexicon)];
        if (known == 0) {
            known = actor_id_by_key(actor);
        }
        return known;
    }
    return actor_id_by_key(actor);
}

std::int64_t ArticleWriter::actor_id_by_key(const ActorRef &actor) {
    const auto key = actor_key(actor.name, actor.kind, actor.country);
    if (const auto it = m_actor_ids.find(key); it != m_actor_ids.end()) {
        return it->second;
    }
    auto &find = statement(actor.lexicon < 0 && actor.country.empty() ? "find_actor_any_country"
                                                                      : "find_actor");
    find.bind(":name", actor.name);
    find.bind(":kind", std::string(to_string(actor.kind)));
    if (actor.lexicon >= 0 || !actor.country.empty()) {
        bind_text(find, ":country", actor.country);
    }
    auto id = first_id(find);
    if (!id) {
        auto &st = statement("insert_actor");
        st.bind(":name", actor.name);
        st.bind(":kind", std::string(to_string(actor.kind)));
        bind_text(st, ":country", actor.country);
        st.bind(":origin",
                actor.lexicon >= 0 ? m_lex.actors[actor.lexicon].origin : std::string("text"));
        id = insert(m_db, st);
        if (actor.lexicon >= 0) {
            const auto &known = m_lex.actors[actor.lexicon];
            std::vector<std::string> aliases = known.aliases;
            aliases.insert(aliases.end(), known.metonyms.begin(), known.metonyms.end());
            aliases.insert(aliases.end(), known.short_names.begin(), known.short_names.end());
            for (const auto &alias : aliases) {
                auto &alias_st = statement("insert_alias");
                alias_st.bind(":alias", alias);
                alias_st.bind(":actor", *id);
                insert(m_db, alias_st);
            }
        }
        m_actor_ids.emplace(key, *id);
        if (actor.lexicon >= 0 && actor.kind == ActorKind::person) {
            add_roles(actor.lexicon, *id);
        }
    }
    m_actor_ids.emplace(key, *id);
    return *id;
}

std::int64_t ArticleWriter::mention_kind_id(const std::string &name) {
    for (const auto &[known, id] : m_mention_kind_ids) {
        if (known == name) {
            return id;
        }
    }
    auto &find = statement("find_mention_kind");
    find.bind(":name", name);
    auto id = first_id(find);
    if (!id) {
        // A kind this build's extractor makes but the schema does not list yet.
        auto &st = statement("insert_mention_kind");
        st.bind(":name", name);
        id = insert(m_db, st);
    }
    m_mention_kind_ids.emplace_back(name, *id);
    return *id;
}

std::int64_t ArticleWriter::topic_id(const Topic &topic, const std::vector<std::int64_t> &actors) {
    if (const auto it = m_topic_ids.find(topic.name); it != m_topic_ids.end()) {
        return it->second;
    }
    auto &find = statement("find_topic");
    find.bind(":name", topic.name);
    auto id = first_id(find);
    if (!id) {
        auto &st = statement("insert_topic");
        st.bind(":name", topic.name);
        if (topic.actor >= 0) {
            st.bind(":actor", actors[topic.actor]);
        } else {
            st.bind(":actor");
        }
        id = insert(m_db, st);
    }
    m_topic_ids.emplace(topic.name, *id);
    return *id;
}

std::optional<std::int64_t>
ArticleWriter::same_meeting(const Meeting &meeting, const std::vector<std::int64_t> &participants) {
    // An undated meeting never merges.
    if (!meeting.date || !parse_iso_date(to_iso(*meeting.date))) {
        return std::nullopt;
    }
    const auto [first, last] = same_day_range(*meeting.date);
    auto &near = statement("meetings_near");
    near.bind(":first", first);
    near.bind(":last", last);
    near.bind(":actor", participants.front());
    std::vector<std::int64_t> candidates;
    while (near.executeStep()) {
        candidates.push_back(near.getColumn(0).getInt64());
    }
    near.reset();
    // The oldest meeting that matches wins, as when every meeting of the participant was read.
    std::sort(candidates.begin(), candidates.end());
    for (const auto id : candidates) {
        auto &members = statement("meeting_participants");
        members.bind(":meeting", id);
        std::vector<std::int64_t> have;
        while (members.executeStep()) {
            have.push_back(members.getColumn(0).getInt64());
        }
        members.reset();
        if (have != participants) {
            continue;
        }
        auto &status = statement("meeting_status");
        status.bind(":meeting", id);
        const bool same = status.executeStep() && status.getColumn(0).getString() == meeting.status;
        status.reset();
        if (same) {
            return id;
        }
    }
    return std::nullopt;
}

std::int64_t ArticleWriter::meeting_id(const Meeting &meeting,
                                       const std::vector<std::int64_t> &participants,
                                       const std::vector<std::int64_t> &actors,
                                       const std::string &title) {
    const std::string date = meeting.date ? to_iso(*meeting.date) : "";
    const auto bind_place = [&](SQLite::Statement &st) {
        if (meeting.place >= 0) {
            st.bind(":place", actors[meeting.place]);
        } else {
            st.bind(":place");
        }
    };
    const auto found = same_meeting(meeting, participants);
    if (found) {
        auto &update = statement("update_meeting");
        update.bind(":meeting", *found);
        bind_text(update, ":date", date);
        bind_place(update);
        insert(m_db, update);
        return *found;
    }
    auto &st = statement("insert_meeting");
    st.bind(":title", title);
    bind_text(st, ":date", date);
    bind_place(st);
    st.bind(":status", meeting.status);
    st.bind(":trigger", meeting.evidence.front().trigger);
    st.bind(":first_participant", participants.front());
    const auto id = insert(m_db, st);
    for (const auto participant : participants) {
        auto &p = statement("insert_participant");
        p.bind(":meeting", id);
        p.bind(":actor", participant);
        insert(m_db, p);
    }
    return id;
}

std::int64_t ArticleWriter::write(const Article &article, const std::string &hash,
                                  const Extraction &x) {
    // A failed article is rolled back by the caller; none of its rows may stay held either.
    const auto mentions = m_held_mentions.size();
    const auto relations = m_held_relations.size();
    const auto topics = m_held_relation_topics.size();
    const auto next_relation_id = m_next_relation_id;
    try {
        return write_rows(article, hash, x);
    } catch (...) {
        m_held_mentions.resize(mentions);
        m_held_relations.resize(relations);
        m_held_relation_topics.resize(topics);
        m_next_relation_id = m_hold ? next_relation_id : 0;
        throw;
    }
}

std::int64_t ArticleWriter::write_rows(const Article &article, const std::string &hash,
                                       const Extraction &x) {
    auto &st = statement("insert_article");
    bind_text(st, ":title", article.title);
    bind_text(st, ":published", article.published ? to_iso(*article.published) : "");
    bind_text(st, ":source", article.source);
    bind_text(st, ":url", article.url);
    bind_text(st, ":origin", article.origin);
    st.bindNoCopy(":text", article.text); // the article outlives the insert
    st.bind(":hash", hash);
    const std::int64_t article_id = insert(m_db, st);

    // Sentences and statements get their ids here (the next ones of their tables), so that
    // they can be inserted many rows to a statement and still be referred to.
    std::vector<std::int64_t> sentences(x.doc.sentences.size());
    if (!sentences.empty()) {
        const auto first = next_id("next_sentence_id");
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            sentences[i] = first + static_cast<std::int64_t>(i);
        }
        insert_rows(RowsInsert::sentences, x.doc.sentences.data(), x.doc.sentences.size(),
                    [&, position = std::int64_t{0}](SQLite::Statement &ins, int &column,
                                                    const Sentence &s) mutable {
                        ins.bind(++column, sentences[static_cast<std::size_t>(position)]);
                        ins.bind(++column, article_id);
                        ins.bind(++column, static_cast<std::int64_t>(s.paragraph));
                        ins.bind(++column, position++);
                        ins.bind(++column, static_cast<std::int64_t>(s.begin));
                        ins.bind(++column, static_cast<std::int64_t>(s.end));
                    });
    }
    std::vector<std::int64_t> actors;
    for (const auto &actor : x.actors) {
        actors.push_back(actor_id(actor));
    }
    // Ids only grow, so the article's and its last sentence's tell whether its rows fit in 32
    // bits; an actor's or a kind's may be old and small, or given by hand and large.
    constexpr std::int64_t narrow = std::numeric_limits<std::uint32_t>::max();
    bool fits = article_id <= narrow && (sentences.empty() || sentences.back() <= narrow);
    for (const auto id : actors) {
        fits = fits && id <= narrow;
    }
    const auto held = m_held_mentions.size();
    for (const auto &m : x.mentions) {
        const auto kind = mention_kind_id(m.how);
        fits = fits && kind <= narrow;
        if (!fits) {
            break;
        }
        m_held_mentions.push_back(
            {static_cast<std::uint32_t>(actors[m.actor]), static_cast<std::uint32_t>(article_id),
             static_cast<std::uint32_t>(sentences[m.sentence]), x.doc.tokens[m.first].begin,
             x.doc.tokens[m.last - 1].end, static_cast<std::uint32_t>(kind),
             static_cast<std::uint32_t>(m_held_mentions.size())});
    }
    if (!fits) {
        m_held_mentions.resize(held);
        insert_wide_mentions(x, actors, article_id, sentences);
    } else if (!m_hold) {
        insert_mentions(m_held_mentions.data() + held, m_held_mentions.size() - held);
        m_held_mentions.resize(held);
    }
    if (!x.statements.empty()) {
        const auto first = next_id("next_statement_id");
        std::vector<IdPair> about; // (statement, actor)
        std::vector<IdPair> topics;
        for (std::size_t i = 0; i < x.statements.size(); ++i) {
            const auto id = first + static_cast<std::int64_t>(i);
            for (const int actor : x.statements[i].about) {
                about.push_back({id, actors[actor]});
            }
            for (const auto &topic : x.statements[i].topics) {
                topics.push_back({id, topic_id(topic, actors)});
            }
        }
        insert_rows(
            RowsInsert::statements, x.statements.data(), x.statements.size(),
            [&, id = first](SQLite::Statement &ins, int &column, const Statement &s) mutable {
                ins.bind(++column, id++);
                ins.bind(++column, article_id);
                ins.bind(++column, sentences[s.sentence]);
                s.speaker >= 0 ? ins.bind(++column, actors[s.speaker]) : ins.bind(++column);
                ins.bindNoCopy(++column, s.kind);
                s.cue.empty() ? ins.bind(++column) : ins.bindNoCopy(++column, s.cue);
                ins.bind(++column, static_cast<std::int64_t>(s.begin));
                ins.bind(++column, static_cast<std::int64_t>(s.end));
            });
        insert_pairs(RowsInsert::statement_about, about.data(), about.size());
        insert_pairs(RowsInsert::statement_topics, topics.data(), topics.size());
    }
    for (const auto &meeting : x.meetings) {
        std::vector<std::int64_t> participants;
        for (const int p : meeting.participants) {
            participants.push_back(actors[p]);
        }
        std::sort(participants.begin(), participants.end());
        participants.erase(std::unique(participants.begin(), participants.end()),
                           participants.end());
        std::vector<std::string> names;
        for (const int p : meeting.participants) {
            names.push_back(x.actors[p].name);
        }
        const auto title = fmt::format("{}{}", fmt::join(names, " + "),
                                       meeting.date ? ", " + to_iso(*meeting.date) : std::string());
        const auto id = meeting_id(meeting, participants, actors, title);
        for (const auto &evidence : meeting.evidence) {
            auto &src = statement("insert_meeting_source");
            src.bind(":meeting", id);
            src.bind(":article", article_id);
            src.bind(":sentence", sentences[evidence.sentence]);
            src.bind(":trigger", evidence.trigger);
            insert(m_db, src);
        }
    }
    const auto held_relations = m_held_relations.size();
    const auto held_topics = m_held_relation_topics.size();
    if (!m_hold) {
        m_next_relation_id = 0; // inserted at once: the next id is the table's
    }
    const auto date = m_names.id(article.published ? to_iso(*article.published) : std::string());
    for (const auto &r : x.relations) {
        const auto id = next_relation_id();
        m_held_relations.push_back({id, article_id, sentences[r.sentence], actors[r.source],
                                    actors[r.target], r.begin, r.end, m_names.id(r.type),
                                    m_names.id(r.polarity), m_names.id(r.modality),
                                    m_names.id(r.pattern), date, r.directed, r.negated});
        for (const auto &topic : r.topics) {
            m_held_relation_topics.push_back({id, topic_id(topic, actors)});
        }
    }
    if (!m_hold) {
        insert_relations(m_held_relations.data() + held_relations,
                         m_held_relations.size() - held_relations);
        m_held_relations.resize(held_relations);
        insert_pairs(RowsInsert::relation_topics, m_held_relation_topics.data() + held_topics,
                     m_held_relation_topics.size() - held_topics);
        m_held_relation_topics.resize(held_topics);
    }
    return article_id;
}

} // namespace diplograph
