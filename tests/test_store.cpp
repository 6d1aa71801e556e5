// Tests of the store: opening and migrating databases, refusing foreign ones, the embedded SQL,
// and writing an article all-or-nothing.
#include "common/errors.hpp"
#include "common/text.hpp"
#include "helpers.hpp"
#include "store/database.hpp"
#include "store/embedded_sql.hpp"
#include "store/writer.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

using namespace diplograph;
using Catch::Matchers::Contains;

namespace {

std::string file_bytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

int pragma(SQLite::Database &db, const char *name) {
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

std::int64_t count(SQLite::Database &db, const std::string &table) {
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::string open_error(const std::string &path, OpenMode mode = OpenMode::read_write) {
    try {
        open_database(path, mode);
    } catch (const InputError &e) {
        return e.what();
    }
    FAIL("open_database threw no InputError");
    return {};
}

/// The names after each "-- name:" marker of a multi-statement file.
std::vector<std::string> statement_names(std::string_view file) {
    std::vector<std::string> names;
    constexpr std::string_view marker = "-- name: ";
    for (auto pos = file.find(marker); pos != std::string_view::npos;
         pos = file.find(marker, pos + 1)) {
        const auto begin = pos + marker.size();
        names.emplace_back(trim(file.substr(begin, file.find('\n', begin) - begin)));
    }
    return names;
}

constexpr const char *sample_text =
    "President Emmanuel Macron received Vladimir Putin at Versailles on Monday.\n\n"
    "\xE2\x80\x9CWe had an extremely frank exchange,\xE2\x80\x9D Macron told reporters.\n\n"
    "France accused Russia of supporting Bashar al-Assad.";

} // namespace

TEST_CASE("a new database gets the schema and our application id", "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("kg.sqlite");
    {
        auto db = open_database(path);
        CHECK(pragma(db, "user_version") == latest_schema_version());
        CHECK(pragma(db, "application_id") == application_id);
        CHECK(latest_schema_version() == static_cast<int>(schema_scripts().size()));
        CHECK(db.tableExists("articles"));
        CHECK(db.tableExists("actors"));
        CHECK(db.tableExists("user_aliases"));
    }
    SECTION("and opens again, read-write or read-only, unchanged") {
        const auto before = file_bytes(path);
        {
            auto db = open_database(path);
            CHECK(pragma(db, "user_version") == latest_schema_version());
        }
        {
            auto db = open_database(path, OpenMode::read_only);
            CHECK(pragma(db, "application_id") == application_id);
        }
        CHECK(file_bytes(path) == before);
    }
}

TEST_CASE("opening a missing database read-only is an input error, and creates nothing",
          "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("missing.sqlite");
    CHECK_THROWS_AS(open_database(path, OpenMode::read_only), InputError);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a foreign SQLite file is refused and left unmodified", "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("foreign.sqlite");
    {
        SQLite::Database foreign(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        foreign.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        foreign.exec("INSERT INTO notes (body) VALUES ('keep me')");
    }
    const auto before = file_bytes(path);
    REQUIRE_FALSE(before.empty());
    CHECK_THAT(open_error(path), Contains(path) && Contains("not a diplograph database"));
    CHECK_THROWS_AS(open_database(path, OpenMode::read_only), InputError);
    CHECK(file_bytes(path) == before);
    SQLite::Database foreign(path, SQLite::OPEN_READONLY);
    CHECK_FALSE(foreign.tableExists("articles"));
    CHECK(pragma(foreign, "application_id") == 0);
}

TEST_CASE("a file that is not SQLite at all is refused and left unmodified", "[store]") {
    const test::TempDir dir;
    dir.write("notes.sqlite",
              "These are my notes, not a database. They go on for a while, to fill a page.\n");
    const auto path = dir.file("notes.sqlite");
    const auto before = file_bytes(path);
    CHECK_THAT(open_error(path), Contains(path));
    CHECK(file_bytes(path) == before);
}

TEST_CASE("a database from a newer diplograph is refused", "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("newer.sqlite");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE future (x)");
        db.exec("PRAGMA application_id = " + std::to_string(application_id));
        db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
    }
    const auto before = file_bytes(path);
    CHECK_THAT(open_error(path), Contains(path) && Contains("newer"));
    CHECK_THROWS_AS(open_database(path, OpenMode::read_only), InputError);
    CHECK(file_bytes(path) == before);
}

TEST_CASE("an older diplograph database is migrated on a read-write open", "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("old.sqlite");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(std::string(schema_scripts()[0].text));
        db.exec("PRAGMA application_id = " + std::to_string(application_id));
        db.exec("PRAGMA user_version = 1");
    }
    if (latest_schema_version() > 1) {
        CHECK_THAT(open_error(path, OpenMode::read_only), Contains("older"));
    }
    auto db = open_database(path);
    CHECK(pragma(db, "user_version") == latest_schema_version());
    CHECK(db.tableExists("user_aliases"));
}

TEST_CASE("a database of schema 6 keeps every fact and id when its tables are rebuilt", "[store]") {
    const test::TempDir dir;
    const auto path = dir.file("v6.sqlite");
    const auto e = test::run(sample_text);
    {
        // The facts are written by this build, then copied into the tables as schema 6 had them.
        auto latest = open_database(dir.file("latest.sqlite"));
        ArticleWriter writer(latest, test::lexicon());
        SQLite::Transaction transaction(latest);
        writer.write(e.article, content_hash(e.article.text), e.x);
        sync_statement_search(latest);
        transaction.commit();
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA foreign_keys = ON");
        for (int i = 0; i < 6; ++i) {
            db.exec(std::string(schema_scripts()[i].text));
        }
        db.exec("PRAGMA application_id = " + std::to_string(application_id));
        db.exec("PRAGMA user_version = 6");
        db.exec("ATTACH " + std::string("'") + dir.file("latest.sqlite") + "' AS l");
        SQLite::Transaction transaction(db);
        for (const char *table :
             {"articles", "sentences", "actors", "aliases", "roles", "topics"}) {
            db.exec(fmt::format("INSERT INTO main.{0} SELECT * FROM l.{0}", table));
        }
        db.exec("INSERT INTO main.meetings SELECT meeting_id, title, date, place_id, status, "
                "trigger FROM l.meetings");
        for (const char *table : {"meeting_participants", "meeting_sources", "relations",
                                  "relation_topics", "statement_about", "statement_topics"}) {
            db.exec(fmt::format("INSERT INTO main.{0} SELECT * FROM l.{0}", table));
        }
        db.exec("INSERT INTO main.mentions (article_id, sentence_id, actor_id, start, end, how) "
                "SELECT m.article_id, m.sentence_id, m.actor_id, m.start, m.end, k.name FROM "
                "l.mentions m JOIN l.mention_kinds k USING (kind_id)");
        db.exec("INSERT INTO main.statements SELECT x.statement_id, x.article_id, x.sentence_id, "
                "x.speaker_id, x.kind, v.quote, x.cue, x.start, x.end FROM l.statements x JOIN "
                "l.v_statements v USING (statement_id)");
        db.exec("INSERT INTO statements_fts (rowid, quote) SELECT statement_id, quote FROM "
                "statements ORDER BY statement_id; DELETE FROM statements_fts_pending");
        transaction.commit();
        db.exec("DETACH l");
        REQUIRE(count(db, "statements") > 0);
        REQUIRE(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = "
                              "'sqlite_autoindex_sentences_1'")
                    .getInt() == 1);
    }
    const auto facts = [](SQLite::Database &db) {
        return db
            .execAndGet("SELECT (SELECT group_concat(sentence_id || ':' || start, ',') FROM "
                        "(SELECT * FROM sentences ORDER BY sentence_id)) || '|' || "
                        "(SELECT count(*) FROM mentions) || '|' || "
                        "(SELECT group_concat(x, ',') FROM (SELECT actor_id || '@' || start AS x "
                        "FROM mentions ORDER BY actor_id, start)) || '|' || "
                        "(SELECT group_concat(sentence, ',') FROM (SELECT sentence FROM "
                        "v_relation_evidence ORDER BY relation_id)) || '|' || "
                        "(SELECT group_concat(x, ',') FROM (SELECT statement_id || '=' || "
                        "coalesce(speaker, '-') || ':' || quote AS x FROM v_statements ORDER BY "
                        "statement_id)) || '|' || "
                        "(SELECT group_concat(rowid, ',') FROM statements_fts WHERE "
                        "statements_fts MATCH 'frank') || '|' || "
                        "(SELECT count(*) FROM v_article_actors)")
            .getString();
    };
    std::string before;
    std::string kinds_before;
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        before = facts(db);
        kinds_before = db.execAndGet("SELECT group_concat(how, ',') FROM (SELECT how FROM "
                                     "mentions ORDER BY actor_id, start)")
                           .getString();
    }
    auto db = open_database(path);
    CHECK(pragma(db, "user_version") == latest_schema_version());
    CHECK(facts(db) == before);
    CHECK(db.execAndGet("SELECT group_concat(name, ',') FROM (SELECT k.name FROM mentions m "
                        "JOIN mention_kinds k USING (kind_id) ORDER BY m.actor_id, m.start)")
              .getString() == kinds_before);
    CHECK_THAT(kinds_before, Catch::Matchers::Contains("surname"));
    CHECK_THAT(before, Catch::Matchers::Contains("Emmanuel Macron:We had an extremely frank "
                                                 "exchange|1|"));
    CHECK(pragma(db, "foreign_keys") == 1);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    db.exec("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')");
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name IN "
                        "('sqlite_autoindex_sentences_1', 'mentions_by_actor', 'mentions_new', "
                        "'sentences_new', 'statements_new')")
              .getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_table_info('statements') WHERE name = "
                        "'quote'")
              .getInt() == 0);
    // Every meeting names its participant with the smallest id (schema 011).
    REQUIRE(count(db, "meetings") > 0);
    CHECK(db.execAndGet("SELECT count(*) FROM meetings m WHERE first_participant_id IS NOT "
                        "(SELECT min(actor_id) FROM meeting_participants p WHERE p.meeting_id = "
                        "m.meeting_id)")
              .getInt() == 0);
    // Deleting an article still takes its sentences, mentions and statements with it, and
    // takes the statements out of the search index.
    db.exec("DELETE FROM relation_topics; DELETE FROM relations; DELETE FROM meeting_sources; "
            "DELETE FROM articles");
    CHECK(count(db, "sentences") == 0);
    CHECK(count(db, "mentions") == 0);
    CHECK(count(db, "statements") == 0);
    CHECK(count(db, "statement_about") == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'frank'")
              .getInt() == 0);
    db.exec("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')");
}

TEST_CASE("every schema view can be selected from", "[store]") {
    auto db = open_database(":memory:");
    const char *view =
        GENERATE("v_actors", "v_article_actors", "v_statements", "v_meetings", "v_relations",
                 "v_country_relations", "v_nodes", "v_edges", "v_sentences", "v_relation_evidence");
    INFO("view " << view);
    CHECK(db.execAndGet(
                std::string("SELECT count(*) FROM sqlite_master WHERE type = 'view' AND name = '") +
                view + "'")
              .getInt() == 1);
    SQLite::Statement select(db, std::string("SELECT * FROM ") + view);
    CHECK(select.getColumnCount() > 0);
    CHECK_FALSE(select.executeStep());
}

TEST_CASE("every report query prepares on a fresh database", "[store]") {
    auto db = open_database(":memory:");
    REQUIRE_FALSE(report_queries().empty());
    for (const auto &query : report_queries()) {
        INFO("report " << query.name);
        CHECK_NOTHROW(SQLite::Statement(db, std::string(query.text)));
        CHECK(query.text.substr(0, 3) == "-- ");
    }
}

TEST_CASE("every statement the writer uses prepares on a fresh database", "[store]") {
    auto db = open_database(":memory:");
    const auto file = store_statements()[0].text;
    const auto names = statement_names(file);
    CHECK(names.size() > 10);
    for (const auto &name : names) {
        INFO("statement " << name);
        CHECK_NOTHROW(SQLite::Statement(db, std::string(named_statement(file, name))));
    }
    CHECK_THROWS_AS(named_statement(file, "no_such_statement"), std::logic_error);
}

TEST_CASE("the journal mode is not WAL", "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    const auto mode = to_lower(db.execAndGet("PRAGMA journal_mode").getString());
    CHECK(mode != "wal");
    CHECK(mode == "delete");
}

TEST_CASE("content_hash tells texts apart and is stable", "[store]") {
    CHECK(content_hash("Macron met Putin.") == content_hash("Macron met Putin."));
    CHECK(content_hash("Macron met Putin.") != content_hash("Macron met Putin!"));
    CHECK(content_hash("") != content_hash(" "));
    CHECK(content_hash("Macron met Putin.").size() == 32);
}

TEST_CASE("ArticleWriter stores an article with its sentences and facts", "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    const auto e = test::run(sample_text);
    REQUIRE_FALSE(e.x.mentions.empty());
    ArticleWriter writer(db, test::lexicon());
    const auto hash = content_hash(e.article.text);
    CHECK_FALSE(writer.find(hash));

    SQLite::Transaction transaction(db);
    const auto id = writer.write(e.article, hash, e.x);
    transaction.commit();

    CHECK(count(db, "articles") == 1);
    CHECK(count(db, "sentences") == static_cast<std::int64_t>(e.x.doc.sentences.size()));
    CHECK(count(db, "mentions") == static_cast<std::int64_t>(e.x.mentions.size()));
    CHECK(count(db, "statements") == static_cast<std::int64_t>(e.x.statements.size()));
    CHECK(count(db, "relations") == static_cast<std::int64_t>(e.x.relations.size()));
    CHECK(count(db, "v_actors") >= 3);
    CHECK(db.execAndGet(
                "SELECT count(*) FROM actors WHERE name = 'Emmanuel Macron' AND kind = 'person'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT published FROM articles").getString() == "2017-05-29");
    CHECK(db.execAndGet("SELECT text FROM v_sentences WHERE position = 0").getString() ==
          "President Emmanuel Macron received Vladimir Putin at Versailles on Monday.");

    SECTION("the same text is found by its hash and cannot be stored twice") {
        const auto found = writer.find(hash);
        REQUIRE(found);
        CHECK(*found == id);
        SQLite::Transaction again(db);
        CHECK_THROWS_AS(writer.write(e.article, hash, e.x), SQLite::Exception);
    }
    SECTION("a second article reuses the actors already stored") {
        const auto actors_before = count(db, "actors");
        const auto other = test::run("Emmanuel Macron met Vladimir Putin again.");
        SQLite::Transaction again(db);
        writer.write(other.article, content_hash(other.article.text), other.x);
        again.commit();
        CHECK(count(db, "articles") == 2);
        CHECK(count(db, "actors") == actors_before);
    }
}

TEST_CASE("held mentions are inserted in key order, and a failed article's are not kept",
          "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    db.exec("CREATE TRIGGER refuse AFTER INSERT ON mentions WHEN (SELECT title FROM articles "
            "WHERE article_id = NEW.article_id) = 'refused' BEGIN SELECT RAISE(ABORT, 'no'); "
            "END");
    auto refused = test::run("Vladimir Putin met Angela Merkel in Sochi.");
    refused.article.title = "refused";
    const auto kept = test::run(sample_text);
    ArticleWriter writer(db, test::lexicon());
    SQLite::Transaction transaction(db);
    db.exec("SAVEPOINT one");
    CHECK_THROWS_AS(writer.write(refused.article, content_hash(refused.article.text), refused.x),
                    SQLite::Exception);
    db.exec("ROLLBACK TO one");
    writer.hold(true);
    writer.write(kept.article, content_hash(kept.article.text), kept.x);
    CHECK(writer.held_mentions() == kept.x.mentions.size());
    CHECK(count(db, "mentions") == 0);
    writer.flush_held();
    transaction.commit();
    CHECK(count(db, "mentions") == static_cast<std::int64_t>(kept.x.mentions.size()));
    CHECK(db.execAndGet("SELECT count(DISTINCT article_id) FROM mentions").getInt() == 1);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
}

TEST_CASE("ids beyond 32 bits are stored whole: such an article's mentions are not held",
          "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    constexpr std::int64_t big = (std::int64_t{1} << 32) + 7;
    db.exec(fmt::format("INSERT INTO articles (article_id, text, content_hash) "
                        "VALUES ({}, 'x', 'x')",
                        big));
    db.exec(fmt::format("INSERT INTO sentences (sentence_id, article_id, paragraph, position, "
                        "start, end) VALUES ({}, {}, 0, 0, 0, 1)",
                        big + 100, big));
    const auto kept = test::run(sample_text);
    REQUIRE_FALSE(kept.x.mentions.empty());
    ArticleWriter writer(db, test::lexicon());
    writer.hold(true);
    SQLite::Transaction transaction(db);
    const auto id = writer.write(kept.article, content_hash(kept.article.text), kept.x);
    CHECK(id == big + 1);
    CHECK(writer.held_mentions() == 0);
    writer.flush_held();
    transaction.commit();
    SQLite::Statement mentions(
        db, "SELECT count(*), min(m.sentence_id) FROM mentions m JOIN sentences s "
            "ON s.sentence_id = m.sentence_id AND s.article_id = m.article_id "
            "WHERE m.article_id = ?");
    mentions.bind(1, id);
    REQUIRE(mentions.executeStep());
    CHECK(mentions.getColumn(0).getInt64() == static_cast<std::int64_t>(kept.x.mentions.size()));
    CHECK(mentions.getColumn(1).getInt64() == big + 101);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
}

namespace {

/// Every row of a table, in key order, as text ("NULL" for NULL).
std::string table_rows(SQLite::Database &db, const std::string &table, const std::string &key) {
    SQLite::Statement st(db, "SELECT * FROM " + table + " ORDER BY " + key);
    std::string rows;
    while (st.executeStep()) {
        for (int i = 0; i < st.getColumnCount(); ++i) {
            rows += st.getColumn(i).isNull() ? "NULL" : st.getColumn(i).getString();
            rows += '|';
        }
        rows += '\n';
    }
    return rows;
}

/// Every relation and relation topic, in id order, as text.
std::string relation_rows(SQLite::Database &db) {
    return table_rows(db, "relations", "relation_id") +
           table_rows(db, "relation_topics", "relation_id, topic_id");
}

} // namespace

TEST_CASE("held relations get the ids and rows they get when written at once", "[store]") {
    const test::TempDir dir;
    const auto first = test::run(sample_text);
    auto second = test::run("Germany sanctioned Iran over its nuclear programme. Japan and India "
                            "signed a trade agreement, and Canada condemned Russia over Ukraine.");
    second.article.published = Date{2019, 3, 4};
    REQUIRE_FALSE(first.x.relations.empty());
    REQUIRE(second.x.relations.size() >= 3);
    REQUIRE(std::any_of(second.x.relations.begin(), second.x.relations.end(),
                        [](const Relation &r) { return !r.topics.empty(); }));
    // Held relations are inserted by source once the database no longer fits in the page
    // cache, and in id order while it does: a one-page cache takes the first way.
    const int cache_pages = GENERATE(0, 1);
    INFO("cache_size " << cache_pages);
    const auto write_both = [&](const std::string &file, bool hold) {
        auto db = open_database(dir.file(file));
        if (cache_pages > 0) {
            db.exec(fmt::format("PRAGMA cache_size = {}", cache_pages));
            REQUIRE_FALSE(fits_in_page_cache(db));
        } else {
            REQUIRE(fits_in_page_cache(db));
        }
        ArticleWriter writer(db, test::lexicon());
        writer.hold(hold);
        SQLite::Transaction transaction(db);
        writer.write(first.article, content_hash(first.article.text), first.x);
        writer.write(second.article, content_hash(second.article.text), second.x);
        if (hold) {
            CHECK(writer.held_relations() == first.x.relations.size() + second.x.relations.size());
            CHECK(count(db, "relations") == 0);
            CHECK(count(db, "relation_topics") == 0);
            writer.flush_held();
            CHECK(writer.held_relations() == 0);
            CHECK(writer.held_bytes() == 0);
        }
        transaction.commit();
        CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
        return relation_rows(db);
    };
    const auto at_once = write_both(fmt::format("once-{}.db", cache_pages), false);
    const auto held = write_both(fmt::format("held-{}.db", cache_pages), true);
    CHECK(held == at_once);
    CHECK(
        count(*std::make_unique<SQLite::Database>(dir.file(fmt::format("held-{}.db", cache_pages))),
              "relations") ==
        static_cast<std::int64_t>(first.x.relations.size() + second.x.relations.size()));
}

TEST_CASE("a held article that fails half-way leaves none of its rows held", "[store]") {
    // The second article fails while its relations are being held (its first topic cannot be
    // stored): the rows held before it stay held, and none of its own.
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    db.exec("CREATE TRIGGER refuse AFTER INSERT ON topics WHEN EXISTS (SELECT 1 FROM articles "
            "WHERE title = 'refused') BEGIN SELECT RAISE(ABORT, 'no'); END");
    const auto kept = test::run(sample_text);
    auto refused = test::run("Canada condemned Russia over Ukraine.");
    refused.article.title = "refused";
    REQUIRE_FALSE(refused.x.relations.empty());
    REQUIRE_FALSE(refused.x.relations.front().topics.empty());
    ArticleWriter writer(db, test::lexicon());
    writer.hold(true);
    {
        SQLite::Transaction transaction(db);
        writer.write(kept.article, content_hash(kept.article.text), kept.x);
        const auto mentions = writer.held_mentions();
        const auto relations = writer.held_relations();
        const auto bytes = writer.held_bytes();
        REQUIRE(relations == kept.x.relations.size());
        CHECK_THROWS_AS(
            writer.write(refused.article, content_hash(refused.article.text), refused.x),
            SQLite::Exception);
        CHECK(writer.held_mentions() == mentions);
        CHECK(writer.held_relations() == relations);
        CHECK(writer.held_bytes() == bytes);
    } // rolled back, as BatchWriter does, and then:
    writer.forget();
    CHECK(writer.held_bytes() == 0);
    // The ids start again from the table's: the rolled-back ones are free.
    SQLite::Transaction transaction(db);
    writer.write(kept.article, content_hash(kept.article.text), kept.x);
    writer.flush_held();
    transaction.commit();
    CHECK(count(db, "relations") == static_cast<std::int64_t>(kept.x.relations.size()));
    CHECK(db.execAndGet("SELECT min(relation_id) FROM relations").getInt64() == 1);
    CHECK(count(db, "articles") == 1);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
}

TEST_CASE("an article written in a transaction that is not committed leaves no trace", "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    const auto e = test::run(sample_text);
    ArticleWriter writer(db, test::lexicon());
    {
        SQLite::Transaction transaction(db);
        writer.write(e.article, content_hash(e.article.text), e.x);
    }
    writer.forget();
    for (const char *table :
         {"articles", "sentences", "actors", "mentions", "statements", "relations"}) {
        INFO("table " << table);
        CHECK(count(db, table) == 0);
    }
    CHECK_FALSE(writer.find(content_hash(e.article.text)));
}

namespace {

/// An extraction holding one held meeting of two people found in the text, on `date`.
Extraction meeting_on(std::optional<Date> date, const std::string &status = "held") {
    Extraction x;
    x.doc.sentences.push_back(Sentence{0, 10, 0, 0, 0});
    x.actors.push_back(ActorRef{-1, "Ann Example", ActorKind::person, ""});
    x.actors.push_back(ActorRef{-1, "Bob Example", ActorKind::person, ""});
    Meeting meeting;
    meeting.participants = {0, 1};
    meeting.date = date;
    meeting.status = status;
    meeting.evidence.push_back(MeetingEvidence{0, "met"});
    x.meetings.push_back(meeting);
    return x;
}

} // namespace

TEST_CASE("reports of a meeting merge within a day or on an equal partial date",
          "[store][meetings]") {
    auto db = open_database(":memory:");
    ArticleWriter writer(db, test::lexicon());
    const auto write = [&](const std::string &text, std::optional<Date> date) {
        const auto article = test::article(text);
        writer.write(article, content_hash(article.text), meeting_on(date));
        return db.execAndGet("SELECT count(*) FROM meetings").getInt();
    };
    CHECK(write("Ann met Bob.", Date{2017, 5, 31}) == 1);
    CHECK(write("Bob met Ann!", Date{2017, 6, 1}) == 1);  // the next day, across a month's end
    CHECK(write("Ann met Bob?", Date{2017, 6, 2}) == 2);  // the stored meeting keeps 31 May
    CHECK(write("Ann, Bob met.", Date{2017, 6, 4}) == 3); // two days after the last one
    CHECK(write("Bob, Ann met.", Date{2017, 6, 0}) == 4); // June 2017 sorts among those dates
    CHECK(write("Ann and Bob.", Date{2017, 6, 0}) == 4);  // the same partial date
    CHECK(write("Bob and Ann.", std::nullopt) == 5);      // undated reports never merge
    CHECK(write("Ann & Bob.", std::nullopt) == 6);
}

TEST_CASE("a report of a meeting merges only with one of the same status", "[store][meetings]") {
    auto db = open_database(":memory:");
    ArticleWriter writer(db, test::lexicon());
    const auto write = [&](const std::string &text, const std::string &status) {
        const auto article = test::article(text);
        writer.write(article, content_hash(article.text), meeting_on(Date{2017, 5, 31}, status));
        return db
            .execAndGet("SELECT meeting_id FROM meeting_sources ORDER BY source_id DESC LIMIT 1")
            .getInt();
    };
    CHECK(write("Ann will meet Bob.", "planned") == 1);
    CHECK(write("Ann met Bob.", "held") == 2); // the planned one has the same participants
    CHECK(write("Bob met Ann.", "held") == 2); // the oldest meeting with that status
    CHECK(write("Ann will see Bob.", "planned") == 1);
    CHECK(write("Ann cancelled Bob.", "cancelled") == 3);
    CHECK(db.execAndGet("SELECT group_concat(status) FROM (SELECT status FROM meetings ORDER BY "
                        "meeting_id)")
              .getString() == "planned,held,cancelled");
}

TEST_CASE("the writer finds earlier reports of a meeting from the index alone", "[store]") {
    // A table row read per candidate is a page outside the cache in a large database.
    auto db = open_database(":memory:");
    SQLite::Statement plan(
        db, "EXPLAIN QUERY PLAN " +
                std::string(named_statement(store_statements()[0].text, "meetings_near")));
    std::string steps;
    while (plan.executeStep()) {
        steps += plan.getColumn("detail").getString() + "\n";
    }
    CHECK_THAT(steps,
               Catch::Matchers::Contains("USING COVERING INDEX meetings_by_first_participant"));
}

TEST_CASE("full-text search over statements is up to date once a batch is committed", "[store]") {
    const test::TempDir dir;
    dir.write("a.json", R"({"published": "2017-05-29", "text": "Emmanuel Macron said that )"
                        R"(France would never accept chemical weapons."})");
    const auto db_path = dir.file("kg.sqlite");
    const auto ingest = "ingest --quiet --db " + db_path + " " + dir.file("a.json");
    REQUIRE(test::run_command(ingest).status == 0);
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    REQUIRE(count(db, "statements") > 0);
    CHECK(count(db, "statements_fts_pending") == 0);
    const auto found = "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'chemical'";
    CHECK(db.execAndGet(found).getInt() == count(db, "statements"));
    CHECK_NOTHROW(
        db.exec("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')"));
}

TEST_CASE("mentions store their kind by number, and a kind the schema does not list is added",
          "[store]") {
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.sqlite"));
    auto e = test::run(sample_text);
    REQUIRE(e.x.mentions.size() >= 2);
    e.x.mentions[1].how = "a-new-kind";
    ArticleWriter writer(db, test::lexicon());
    SQLite::Transaction transaction(db);
    writer.write(e.article, content_hash(e.article.text), e.x);
    transaction.commit();
    CHECK(db.execAndGet("SELECT count(*) FROM mention_kinds WHERE name = 'descriptor' AND "
                        "meaning LIKE '%president%'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM mention_kinds WHERE name = 'a-new-kind' AND "
                        "meaning IS NULL")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM mentions m JOIN mention_kinds k USING (kind_id) "
                        "WHERE k.name = 'a-new-kind'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM mentions m JOIN mention_kinds k USING (kind_id) "
                        "WHERE k.name = '" +
                        e.x.mentions[0].how + "'")
              .getInt() >= 1);
}
