// Batch ingest, extract + load and merge, through the real binary: the public views must not
// depend on --jobs, on taking the extract/load route, or on merging separately built databases.
#include "cli/batch_writer.hpp"
#include "helpers.hpp"
#include "store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <list>
#include <memory>
#include <sstream>

using namespace diplograph;
using Catch::Matchers::Contains;

namespace {

std::string quoted(const std::string &text) {
    return "'" + text + "'";
}

const std::vector<std::string> samples = {"singapore-summit-2018.json", "singapore-summit-b.json",
                                          "minsk-2015.json", "jcpoa-vienna-2015.json",
                                          "versailles-2017.json"};

std::string sample_list(std::size_t from = 0, std::size_t to = samples.size()) {
    std::string list;
    for (std::size_t i = from; i < to; ++i) {
        // Appended piece by piece: GCC 12 misreads `" " + std::string&&` as an overlapping copy.
        list += ' ';
        list += quoted(test::sample_path(samples[i]));
    }
    return list;
}

/// Every row of every public view, sorted, as text. Checks first that every reference between
/// the tables holds (bulk writes do not have SQLite enforce them), and that each meeting names
/// its first participant right.
std::string public_views(const std::string &path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
    CHECK(db.execAndGet("SELECT count(*) FROM meetings m WHERE first_participant_id IS NOT "
                        "(SELECT min(actor_id) FROM meeting_participants p WHERE p.meeting_id = "
                        "m.meeting_id)")
              .getInt() == 0);
    std::string out;
    for (const char *view :
         {"v_actors", "v_article_actors", "v_statements", "v_meetings", "v_relations"}) {
        SQLite::Statement st(db, std::string("SELECT * FROM ") + view);
        std::vector<std::string> rows;
        while (st.executeStep()) {
            std::string row;
            for (int i = 0; i < st.getColumnCount(); ++i) {
                row += st.getColumn(i).getString() + '\t';
            }
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        out += std::string(view) + '\n';
        for (const auto &row : rows) {
            out += row + '\n';
        }
    }
    return out;
}

std::int64_t scalar(const std::string &path, const std::string &sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

/// One JSON object per line with the sample's text (the samples are pretty-printed JSON).
std::string as_json_line(const std::string &sample) {
    std::ifstream in(test::sample_path(sample));
    std::string line;
    std::string joined;
    while (std::getline(in, line)) {
        joined += line;
    }
    return joined;
}

} // namespace

TEST_CASE("a bad line of a JSON Lines file is reported with its number and the rest is ingested",
          "[batch]") {
    const test::TempDir dir;
    dir.write("articles.jsonl",
              as_json_line(samples[0]) + "\n{\"text\": 12}\n\n" + as_json_line(samples[2]) + "\n");
    const auto result = test::run_command("ingest --db " + quoted(dir.file("kg.db")) + " " +
                                          quoted(dir.file("articles.jsonl")));
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Contains("articles.jsonl:2:"));
    CHECK_THAT(result.out, Contains("ingested 2 articles") && Contains("1 failed"));
    CHECK(scalar(dir.file("kg.db"), "SELECT count(*) FROM articles") == 2);
}

TEST_CASE("ingesting articles that are all stored already leaves the file as it was", "[batch]") {
    // Nothing to write means nothing to index or sync: a rerun over a folder of old articles
    // leaves the database's bytes (and its modification time) alone.
    const test::TempDir dir;
    const auto jobs = GENERATE("1", "2");
    INFO("--jobs " << jobs);
    const auto db = dir.file("kg.db");
    const auto ingest = [&] {
        return test::run_command(
            fmt::format("ingest --jobs {} --db {}{}", jobs, quoted(db), sample_list(0, 3)));
    };
    REQUIRE(ingest().status == 0);
    const auto read_bytes = [&] {
        std::ifstream in(db, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const auto before = read_bytes();
    const auto modified = std::filesystem::last_write_time(db);
    const auto again = ingest();
    CHECK(again.status == 0);
    CHECK_THAT(again.out, Contains("ingested 0 articles") && Contains("3 duplicates skipped"));
    CHECK(read_bytes() == before);
    CHECK(std::filesystem::last_write_time(db) == modified);
}

TEST_CASE("two writers taking turns batch by batch give their rows ids the other left free",
          "[batch]") {
    // Sentence, statement and relation ids are assigned by the writer, not by SQLite: each
    // batch must start from the ids in the file, which the other writer may have used since.
    const test::TempDir dir;
    const auto path = dir.file("kg.db");
    auto first = open_database(path);
    auto second = open_database(path);
    use_bulk_write_settings(first);
    use_bulk_write_settings(second);
    BatchWriter one(first, test::lexicon(), true, 1);
    BatchWriter two(second, test::lexicon(), true, 1);
    std::list<test::Extracted> articles; // a list: extractions hold views into their articles
    for (const char *text :
         {"Germany sanctioned Iran over its nuclear programme.",
          "France accused Russia of supporting Bashar al-Assad.",
          "Canada condemned Russia over Ukraine.", "Japan and India signed a trade agreement."}) {
        articles.push_back(test::run(text));
        REQUIRE_FALSE(articles.back().x.relations.empty());
    }
    int turn = 0;
    int rewrites = 0; // a batch is written again only after a failure
    for (const auto &e : articles) {
        auto &writer = turn++ % 2 == 0 ? one : two;
        const auto hash = content_hash(e.article.text);
        writer.write(e.article, hash, e.x, [&e, hash, &rewrites](ArticleWriter &w) {
            ++rewrites;
            w.write(e.article, hash, e.x);
        });
    }
    one.finish();
    two.finish();
    CHECK(one.counts().failed == 0);
    CHECK(two.counts().failed == 0);
    CHECK(rewrites == 0);
    CHECK(one.counts().ingested + two.counts().ingested == 4);
    std::size_t relations = 0;
    for (const auto &e : articles) {
        relations += e.x.relations.size();
    }
    CHECK(scalar(path, "SELECT count(*) FROM relations") == static_cast<std::int64_t>(relations));
    CHECK(scalar(path, "SELECT count(DISTINCT article_id) FROM relations") == 4);
}

TEST_CASE("ingest --jobs 2 gives the same public views as --jobs 1", "[batch]") {
    const test::TempDir dir;
    const auto one =
        test::run_command("ingest -q --jobs 1 --db " + quoted(dir.file("one.db")) + sample_list());
    const auto two =
        test::run_command("ingest -q --jobs 2 --db " + quoted(dir.file("two.db")) + sample_list());
    REQUIRE(one.status == 0);
    REQUIRE(two.status == 0);
    CHECK(two.err.empty());
    CHECK(public_views(dir.file("one.db")) == public_views(dir.file("two.db")));
}

TEST_CASE("ingest --batch changes only how often it commits, not what is stored", "[batch]") {
    const test::TempDir dir;
    const auto whole =
        test::run_command("ingest -q --db " + quoted(dir.file("whole.db")) + sample_list());
    const auto small = test::run_command("ingest -q --batch 2 --jobs 2 --db " +
                                         quoted(dir.file("small.db")) + sample_list());
    REQUIRE(whole.status == 0);
    REQUIRE(small.status == 0);
    CHECK(public_views(dir.file("whole.db")) == public_views(dir.file("small.db")));

    const auto zero = test::run_command("ingest -q --batch 0 --db " + quoted(dir.file("zero.db")) +
                                        sample_list());
    CHECK(zero.status != 0);
    CHECK_THAT(zero.err, Contains("--batch"));
    CHECK_FALSE(std::filesystem::exists(dir.file("zero.db")));
}

TEST_CASE("an unexpanded glob is expanded and a glob matching nothing is an error", "[batch]") {
    const test::TempDir dir;
    const auto pattern =
        quoted(std::string(DIPLOGRAPH_SAMPLES_DIR) + "/singapore-summit-*[0-9b].json");
    const auto result = test::run_command("ingest --db " + quoted(dir.file("kg.db")) + " " +
                                          pattern + " " + quoted(dir.file("none-*.json")));
    CHECK(result.status == 1);
    CHECK_THAT(result.out, Contains("ingested 2 articles"));
    CHECK_THAT(result.err, Contains("none-*.json: no file matches"));
}

TEST_CASE("extract then load gives the same public views as a direct ingest", "[batch]") {
    const test::TempDir dir;
    REQUIRE(test::run_command("ingest -q --db " + quoted(dir.file("direct.db")) + sample_list())
                .status == 0);
    const auto extracted = test::run_command("extract" + sample_list());
    REQUIRE(extracted.status == 0);
    dir.write("facts.jsonl", extracted.out);
    const auto loaded = test::run_command("load --db " + quoted(dir.file("loaded.db")) + " " +
                                          quoted(dir.file("facts.jsonl")));
    REQUIRE(loaded.status == 0);
    CHECK(loaded.err.empty());
    CHECK(public_views(dir.file("direct.db")) == public_views(dir.file("loaded.db")));

    SECTION("a line whose title holds an unpaired surrogate is refused with its number") {
        // The first line's title, as extract writes it, with a lone low surrogate escape added.
        auto lines = extracted.out;
        const auto title = lines.find("\"title\":\"");
        REQUIRE(title < lines.find('\n'));
        lines.insert(title + 9, "\\udc00");
        dir.write("bad.jsonl", lines);
        const auto bad = test::run_command("load --db " + quoted(dir.file("bad.db")) + " " +
                                           quoted(dir.file("bad.jsonl")));
        CHECK(bad.status == 1);
        CHECK_THAT(bad.err, Contains("bad.jsonl:1:") && Contains("unpaired surrogate"));
        CHECK_THAT(bad.out, Contains("loaded 4 articles") && Contains("1 failed"));
    }
    SECTION("loading the same facts again skips every article as a duplicate") {
        const auto again = test::run_command("load --db " + quoted(dir.file("loaded.db")) + " " +
                                             quoted(dir.file("facts.jsonl")));
        CHECK(again.status == 0);
        CHECK_THAT(again.out, Contains("loaded 0 articles") && Contains("5 duplicates skipped"));
    }
}

TEST_CASE("merge unifies shared actors and meetings and skips articles both databases hold",
          "[batch]") {
    const test::TempDir dir;
    // Both Singapore articles report the same summit; each database gets one of them.
    REQUIRE(test::run_command("ingest -q --db " + quoted(dir.file("a.db")) + sample_list(0, 1) +
                              sample_list(2, 3))
                .status == 0);
    REQUIRE(test::run_command("ingest -q --db " + quoted(dir.file("b.db")) + sample_list(1, 3))
                .status == 0);
    const auto merged =
        test::run_command("merge " + quoted(dir.file("out.db")) + " " + quoted(dir.file("a.db")) +
                          " " + quoted(dir.file("b.db")));
    REQUIRE(merged.status == 0);
    CHECK(merged.err.empty());
    CHECK_THAT(merged.out, Contains("1 duplicate skipped"));
    const auto out = dir.file("out.db");
    CHECK(scalar(out, "SELECT count(*) FROM articles") == 3);
    CHECK(scalar(out, "SELECT count(*) FROM (SELECT name, kind, country FROM actors "
                      "GROUP BY name, kind, country HAVING count(*) > 1)") == 0);
    CHECK(scalar(out, "SELECT count(*) FROM actors WHERE name = 'Kim Jong-un'") == 1);
    CHECK(scalar(
              out,
              "SELECT count(*) FROM meetings m WHERE m.meeting_id IN (SELECT meeting_id FROM "
              "meeting_participants p JOIN actors a USING (actor_id) WHERE a.name = 'Kim Jong-un') "
              "AND (SELECT count(DISTINCT article_id) FROM meeting_sources s "
              "WHERE s.meeting_id = m.meeting_id) = 2") == 1);
    CHECK(scalar(out, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(scalar(out, "SELECT count(*) FROM meetings m WHERE first_participant_id IS NOT (SELECT "
                      "min(actor_id) FROM meeting_participants p WHERE p.meeting_id = "
                      "m.meeting_id)") == 0);

    SECTION("the merged database has the same public views as one ingest of all the articles") {
        REQUIRE(
            test::run_command("ingest -q --db " + quoted(dir.file("all.db")) + sample_list(0, 3))
                .status == 0);
        CHECK(scalar(out, "SELECT count(*) FROM v_meetings") ==
              scalar(dir.file("all.db"), "SELECT count(*) FROM v_meetings"));
        CHECK(scalar(out, "SELECT count(*) FROM v_relations") ==
              scalar(dir.file("all.db"), "SELECT count(*) FROM v_relations"));
    }
}

TEST_CASE("an article that cannot be stored leaves no trace and the rest of its batch is stored",
          "[batch]") {
    const test::TempDir dir;
    // The expected result: the same articles without the one that fails.
    REQUIRE(test::run_command("ingest -q --db " + quoted(dir.file("expected.db")) +
                              sample_list(4, 5) + sample_list(0, 2) + sample_list(3, 4))
                .status == 0);
    const auto route = GENERATE(as<std::string>{}, "ingest --jobs 1", "ingest --jobs 2", "load");
    INFO(route);
    const auto db = quoted(dir.file("kg.db"));
    REQUIRE(test::run_command("ingest -q --db " + db + sample_list(4, 5)).status == 0);
    {
        // The Minsk article fails half-way: after its article row, sentences and first mention.
        SQLite::Database kg(dir.file("kg.db"), SQLite::OPEN_READWRITE);
        kg.exec("CREATE TRIGGER refuse AFTER INSERT ON mentions WHEN (SELECT origin FROM "
                "articles WHERE article_id = NEW.article_id) LIKE '%minsk%' BEGIN SELECT "
                "RAISE(ABORT, 'refused by the test'); END");
    }
    test::CommandResult result;
    if (route == "load") {
        const auto extracted = test::run_command("extract" + sample_list(0, 4));
        REQUIRE(extracted.status == 0);
        dir.write("facts.jsonl", extracted.out);
        result = test::run_command("load --db " + db + " " + quoted(dir.file("facts.jsonl")));
    } else {
        result = test::run_command(route + " --db " + db + sample_list(0, 4));
    }
    CHECK(result.status == 1);
    CHECK_THAT(result.err,
               Contains("cannot store") && Contains("minsk") && Contains("refused by the test"));
    CHECK_THAT(result.out, Contains(" 3 articles") && Contains("1 failed"));
    {
        SQLite::Database kg(dir.file("kg.db"), SQLite::OPEN_READWRITE);
        kg.exec("DROP TRIGGER refuse");
    }
    CHECK(scalar(dir.file("kg.db"), "SELECT count(*) FROM articles") == 4);
    CHECK(scalar(dir.file("kg.db"), "SELECT count(*) FROM sentences") ==
          scalar(dir.file("expected.db"), "SELECT count(*) FROM sentences"));
    CHECK(public_views(dir.file("kg.db")) == public_views(dir.file("expected.db")));
}

TEST_CASE("ingest --jobs 2 writes and reports many small inputs in input order, errors included",
          "[batch]") {
    const test::TempDir dir;
    // Far more lines than the threads take at a time, so the queue fills and wraps: bad lines,
    // duplicates and articles interleave.
    std::string lines;
    for (int i = 1; i <= 700; ++i) {
        if (i % 7 == 3) {
            lines += "{\"text\": 12}\n";
        } else if (i % 11 == 5) {
            lines += "{\"text\": \"Article number 1.\"}\n";
        } else {
            lines += fmt::format("{{\"text\": \"Article number {}.\"}}\n", i);
        }
    }
    dir.write("many.jsonl", lines);
    const auto ingest = [&](const std::string &jobs, const std::string &db) {
        return test::run_command("ingest --jobs " + jobs + " --db " + quoted(dir.file(db)) + " " +
                                 quoted(dir.file("many.jsonl")));
    };
    const auto one = ingest("1", "one.db");
    const auto two = ingest("2", "two.db");
    CHECK(one.status == 1);
    CHECK(two.status == 1);
    CHECK_THAT(two.err, Contains("many.jsonl:3:") && Contains("many.jsonl:696:"));
    CHECK(two.err == one.err);
    // Notes and skipped duplicates, in order; the last line is the summary with its timing.
    const auto without_summary = [](const std::string &out) {
        return out.substr(0, out.rfind('\n', out.size() - 2));
    };
    CHECK_THAT(two.out, Contains("skipped") && Contains("many.jsonl:698"));
    CHECK(without_summary(two.out) == without_summary(one.out));
    const auto origins = [&](const std::string &db) {
        SQLite::Database kg(dir.file(db), SQLite::OPEN_READONLY);
        SQLite::Statement st(kg, "SELECT origin FROM articles ORDER BY article_id");
        std::vector<std::string> rows;
        while (st.executeStep()) {
            rows.push_back(st.getColumn(0).getString());
        }
        return rows;
    };
    const auto written = origins("two.db");
    CHECK(written.size() == 700 - 100 - 55);
    CHECK(written == origins("one.db"));
    CHECK(std::is_sorted(written.begin(), written.end(), [](const auto &a, const auto &b) {
        return std::stoi(a.substr(a.rfind(':') + 1)) < std::stoi(b.substr(b.rfind(':') + 1));
    }));
}

TEST_CASE("an article whose held rows cannot be stored mid-batch is found and left out",
          "[batch]") {
    // Mentions and relations are held and inserted together: here after every article
    // (flush_every 1), so the failure comes from inside write(), not from the commit.
    const std::string table = GENERATE("mentions", "relations");
    INFO("refused by a trigger on " << table);
    const test::TempDir dir;
    auto db = open_database(dir.file("kg.db"));
    use_bulk_write_settings(db);
    db.exec("CREATE TRIGGER refuse AFTER INSERT ON " + table +
            " WHEN (SELECT origin FROM articles WHERE article_id = NEW.article_id) = 'second' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    std::list<test::Extracted> articles; // a list: extractions hold views into their articles
    const std::pair<const char *, const char *> inputs[] = {
        {"first", "Emmanuel Macron met Justin Trudeau in Ottawa."},
        {"second", "Vladimir Putin met Angela Merkel in Sochi."},
        {"third", "Emmanuel Macron met Justin Trudeau in Paris."}};
    for (const auto &[origin, text] : inputs) {
        articles.push_back(test::run(text));
        articles.back().article.origin = origin;
        REQUIRE_FALSE(articles.back().x.mentions.empty());
        REQUIRE_FALSE(articles.back().x.relations.empty());
    }
    std::ostringstream errors;
    const std::unique_ptr<std::streambuf, void (*)(std::streambuf *)> restore(
        std::cerr.rdbuf(errors.rdbuf()), [](std::streambuf *old) { std::cerr.rdbuf(old); });
    BatchWriter writer(db, test::lexicon(), true, 100, 1);
    for (const auto &e : articles) {
        const auto hash = content_hash(e.article.text);
        writer.write(e.article, hash, e.x,
                     [&e, hash](ArticleWriter &w) { w.write(e.article, hash, e.x); });
    }
    writer.finish();
    CHECK(writer.counts().ingested == 2);
    CHECK(writer.counts().failed == 1);
    CHECK_THAT(errors.str(), Contains("cannot store second") && Contains("refused by the test"));
    CHECK(db.execAndGet("SELECT group_concat(origin, ',') FROM (SELECT origin FROM articles "
                        "ORDER BY article_id)")
              .getString() == "first,third");
    for (const char *facts : {"mentions", "relations"}) {
        INFO(facts);
        CHECK(db.execAndGet(fmt::format("SELECT count(DISTINCT article_id) FROM {}", facts))
                  .getInt() == 2);
        CHECK(db.execAndGet(fmt::format("SELECT count(*) FROM {} WHERE article_id NOT IN (SELECT "
                                        "article_id FROM articles)",
                                        facts))
                  .getInt() == 0);
    }
    // Relation ids are in article order and leave no gap where the refused article was.
    CHECK(db.execAndGet("SELECT count(*) FROM relations r JOIN relations s ON s.relation_id > "
                        "r.relation_id AND s.article_id < r.article_id")
              .getInt() == 0);
    CHECK(db.execAndGet("SELECT max(relation_id) = count(*) FROM relations").getInt() == 1);
    CHECK_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
}

TEST_CASE("a new database that cannot be created is named, with --jobs 1 and 2", "[batch]") {
    // A new database is created on another thread while the lexicon loads and the first
    // articles are extracted; its failure must still be the command's one error.
    const test::TempDir dir;
    const auto jobs = GENERATE("1", "2");
    INFO("--jobs " << jobs);
    const auto db = dir.file("missing/kg.db");
    const auto result = test::run_command(
        fmt::format("ingest --jobs {} --db {}{}", jobs, quoted(db), sample_list(0, 3)));
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK(result.err == "diplograph: cannot open " + db + ": unable to open database file\n");
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));
}
