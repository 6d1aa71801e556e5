// End-to-end tests: the real binary ingests files into a temporary database and runs reports;
// exit codes, stderr lines and the database contents are checked.
#include "helpers.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

using namespace diplograph;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string &text) {
    return "'" + text + "'";
}

/// Every sample article (the .gold.json files are annotations, not articles).
std::vector<std::string> sample_articles() {
    std::vector<std::string> paths;
    for (const auto &entry : fs::directory_iterator(DIPLOGRAPH_SAMPLES_DIR)) {
        const auto name = entry.path().filename().string();
        if (name.ends_with(".json") && !name.ends_with(".gold.json")) {
            paths.push_back(entry.path().string());
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string ingest_arguments(const std::string &db, const std::vector<std::string> &inputs) {
    // Appending, not "literal" + string: GCC 12 warns wrongly (-Wrestrict) about the latter here.
    std::string arguments = "ingest --db ";
    arguments += quoted(db);
    for (const auto &input : inputs) {
        arguments += ' ';
        arguments += quoted(input);
    }
    return arguments;
}

test::CommandResult ingest(const std::string &db, const std::vector<std::string> &inputs) {
    return test::run_command(ingest_arguments(db, inputs));
}

/// Row counts of every table of the database (opened read-only).
std::map<std::string, std::int64_t> row_counts(const std::string &db_path) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    SQLite::Statement list(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                               "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'statements_fts%'");
    while (list.executeStep()) {
        tables.push_back(list.getColumn(0).getString());
    }
    std::map<std::string, std::int64_t> counts;
    for (const auto &table : tables) {
        counts[table] = db.execAndGet("SELECT count(*) FROM \"" + table + "\"").getInt64();
    }
    return counts;
}

std::string file_bytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

/// A database holding one sample article, as most failure tests start from.
std::string database_with_one_article(const test::TempDir &dir) {
    const auto db = dir.file("kg.sqlite");
    const auto result = ingest(db, {test::sample_path("versailles-2017.json")});
    REQUIRE(result.status == 0);
    REQUIRE(result.err.empty());
    return db;
}

} // namespace

TEST_CASE("ingesting every sample succeeds and fills the public views", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    const auto samples = sample_articles();
    REQUIRE(samples.size() >= 15);
    const auto result = ingest(db, samples);
    INFO(result.err);
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out, Contains("ingested " + std::to_string(samples.size()) + " articles"));
    const auto counts = row_counts(db);
    CHECK(counts.at("articles") == static_cast<std::int64_t>(samples.size()));
    for (const char *view :
         {"v_actors", "v_statements", "v_meetings", "v_relations", "v_article_actors",
          "v_sentences", "v_nodes", "v_edges", "v_country_relations"}) {
        INFO("view " << view);
        CHECK(counts.at(view) > 0);
    }

    SECTION("ingesting a sample again changes nothing and says so") {
        const auto again = ingest(db, {samples.front()});
        CHECK(again.status == 0);
        CHECK(again.err.empty());
        CHECK_THAT(again.out, Contains("already in the database"));
        CHECK(row_counts(db) == counts);
    }
    SECTION("the overview report runs with an empty stderr") {
        const auto report = test::run_command("report overview --db " + quoted(db));
        CHECK(report.status == 0);
        CHECK(report.err.empty());
        const auto lines = lines_of(report.out);
        REQUIRE(lines.size() > 3);
        CHECK_THAT(lines[0], StartsWith("section"));
        CHECK_THAT(lines[1], StartsWith("-------"));
        CHECK_THAT(lines[2], StartsWith("articles") && EndsWith(std::to_string(samples.size())));
    }
    SECTION("every report runs in every output format") {
        for (const char *report : {"overview", "actors"}) {
            for (const char *format : {"table", "csv", "json", "markdown"}) {
                INFO(report << " as " << format);
                const auto run = test::run_command(std::string("report ") + report + " --format " +
                                                   format + " --db " + quoted(db));
                CHECK(run.status == 0);
                CHECK(run.err.empty());
                CHECK_FALSE(run.out.empty());
            }
        }
    }
    SECTION("a report for an actor named by an alias runs") {
        const auto report =
            test::run_command("report overview --actor 'the Kremlin' --db " + quoted(db));
        CHECK(report.status == 0);
        CHECK(report.err.empty());
    }
    SECTION("an actor name that looks like SQL is just an unknown actor") {
        const auto report = test::run_command(
            "report overview --actor \"Robert'); DROP TABLE actors;--\" --db " + quoted(db));
        CHECK(report.status == 1);
        CHECK(lines_of(report.err).size() == 1);
        CHECK_THAT(report.err, Contains("no actor called"));
        CHECK(row_counts(db) == counts);
    }
}

TEST_CASE("ingesting the same file twice in one run stores it once", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    const auto sample = test::sample_path("minsk-2015.json");
    const auto result = ingest(db, {sample, sample});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out, Contains("already in the database"));
    CHECK(row_counts(db).at("articles") == 1);
}

TEST_CASE("a missing file next to a good one fails alone", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    const auto missing = dir.file("no-such-article.json");
    const auto result = ingest(db, {missing, test::sample_path("minsk-2015.json")});
    CHECK(result.status == 1);
    const auto errors = lines_of(result.err);
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Contains(missing));
    const auto counts = row_counts(db);
    CHECK(counts.at("articles") == 1);
    CHECK(counts.at("v_actors") > 0);
}

TEST_CASE("a bad command line exits with status 2", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    SECTION("an unknown option") {
        const auto result = test::run_command("ingest --no-such-option --db " + quoted(db) + " " +
                                              test::sample_path("minsk-2015.json"));
        CHECK(result.status == 2);
        CHECK_FALSE(result.err.empty());
    }
    SECTION("an unknown subcommand") {
        CHECK(test::run_command("frobnicate").status == 2);
    }
    SECTION("no files to ingest") {
        CHECK(test::run_command("ingest --db " + quoted(db)).status == 2);
    }
    SECTION("a bad --format") {
        const auto result = test::run_command("report overview --format xml --db " + quoted(db));
        CHECK(result.status == 2);
        CHECK_THAT(result.err, Contains("--format"));
    }
    SECTION("an unknown report") {
        database_with_one_article(dir);
        const auto result = test::run_command("report no_such_report --db " + quoted(db));
        CHECK(result.status == 2);
        CHECK_THAT(result.err, Contains("no_such_report") && Contains("overview"));
    }
}

TEST_CASE("--help exits with status 0", "[end_to_end]") {
    const auto result = test::run_command("--help");
    CHECK(result.status == 0);
    CHECK_THAT(result.out, Contains("ingest") && Contains("report"));
}

TEST_CASE("report --list lists the reports", "[end_to_end]") {
    const auto result = test::run_command("report --list");
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out,
               Contains("overview") && Contains("actors") && Contains("What the database holds"));
}

TEST_CASE("a report on a database that does not exist fails and creates nothing", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("absent.sqlite");
    const auto result = test::run_command("report overview --db " + quoted(db));
    CHECK(result.status == 1);
    CHECK(lines_of(result.err).size() == 1);
    CHECK_THAT(result.err, Contains(db));
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("each bad input fails with its one-line message and leaves the database unchanged",
          "[end_to_end]") {
    const test::TempDir dir;
    const auto db = database_with_one_article(dir);
    const auto before = row_counts(db);
    const auto before_bytes = file_bytes(db);
    REQUIRE(before.at("articles") == 1);

    std::string input;
    std::string reason; // what follows "cannot read INPUT: "
    SECTION("a missing path") {
        input = dir.file("missing.json");
        reason = "no such file";
    }
    SECTION("an empty directory") {
        input = dir.file("empty-dir");
        fs::create_directory(input);
        dir.write("empty-dir/notes.md", "no articles here");
        reason = "the directory holds no articles (.json, .jsonl, .txt, .html)";
    }
    SECTION("an empty file") {
        dir.write("empty.json", "");
        input = dir.file("empty.json");
        reason = "empty file";
    }
    SECTION("a file of white space only") {
        dir.write("blank.txt", "  \n\t\n   \n");
        input = dir.file("blank.txt");
        reason = "the file holds only white space";
    }
    SECTION("a JSON article whose text is white space only") {
        dir.write("blank.json", R"({"title": "Talks", "text": " \n\t "})");
        input = dir.file("blank.json");
        reason = "the article has no text";
    }
    SECTION("PNG bytes") {
        dir.write("photo.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20));
        input = dir.file("photo.txt");
        reason = "binary data, not text (NUL byte at offset 8)";
    }
    SECTION("a file with an unknown extension") {
        dir.write("photo.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
        input = dir.file("photo.png");
        reason = "unknown format (use .json, .jsonl, .txt or .html, or --format)";
    }
    SECTION("invalid UTF-8") {
        dir.write("latin1.txt", "Headline\nFran\xE7ois Hollande met Angela Merkel.\n");
        input = dir.file("latin1.txt");
        reason = "not valid UTF-8 at byte 13";
    }
    SECTION("a UTF-16 byte-order mark") {
        dir.write("wide.txt", std::string("\xFF\xFEH\0i\0", 6));
        input = dir.file("wide.txt");
        reason = "UTF-16 text is not supported; convert it to UTF-8";
    }
    SECTION("a JSON field of the wrong type") {
        dir.write("wrong-type.json", R"({"title": "Talks", "text": ["Macron met Putin."]})");
        input = dir.file("wrong-type.json");
        reason = "\"text\" must be a string";
    }
    SECTION("a JSON date of the wrong type") {
        dir.write("number-date.json", R"({"text": "Macron met Putin.", "published": 20170529})");
        input = dir.file("number-date.json");
        reason = "\"published\" must be a string";
    }
    SECTION("malformed JSON") {
        dir.write("broken.json", R"({"title": "Talks", "text": "Macron met Putin.")");
        input = dir.file("broken.json");
        reason = "malformed JSON at byte 46: Missing a comma or '}' after an object member.";
    }
    SECTION("JSON nested 100,000 deep and left open") {
        dir.write("deep.json", std::string(100'000, '['));
        input = dir.file("deep.json");
        reason = "malformed JSON at byte 100000: Invalid value.";
    }
    SECTION("JSON nested 100,000 deep and closed") {
        dir.write("deep-array.json", std::string(100'000, '[') + std::string(100'000, ']'));
        input = dir.file("deep-array.json");
        reason = "JSON article must be an object with a \"text\" field";
    }
    SECTION("a JSON file larger than the 16 MiB limit") {
        std::string huge = R"({"text": ")";
        while (huge.size() < (20u << 20)) {
            huge += "Macron met Putin at Versailles. ";
        }
        dir.write("huge.json", huge + "\"}");
        input = dir.file("huge.json");
        reason = fmt::format("file is {} bytes; the limit is 16 MiB", huge.size() + 2);
    }
    SECTION("a 50 MB text article") {
        dir.write("big.txt", "Headline\n" + std::string(50'000'000 - 9, 'a'));
        input = dir.file("big.txt");
        reason = "file is 50000000 bytes; the limit is 16 MiB";
    }
    SECTION("an unparseable date") {
        dir.write("bad-date.json", R"({"text": "Macron met Putin.", "published": "29 May 2017"})");
        input = dir.file("bad-date.json");
        reason = "\"published\" is not a YYYY-MM-DD date: \"29 May 2017\"";
    }
    SECTION("an HTML page with only scripts and styles") {
        dir.write("scripts.html", "<html><head><title></title><style>p { color: red }</style>"
                                  "<script>var a = 1;</script></head><body><script>track();"
                                  "</script><noscript></noscript></body></html>");
        input = dir.file("scripts.html");
        reason = "the article has no text";
    }
    const auto result = ingest(db, {input});
    CHECK(result.status == 1);
    CHECK(result.err == "diplograph: cannot read " + input + ": " + reason + "\n");
    CHECK_THAT(result.out, StartsWith("ingested 0 articles"));
    CHECK(row_counts(db) == before);
    CHECK(file_bytes(db) == before_bytes);
}

TEST_CASE("a JSON Lines record over the size limit fails alone with its line number",
          "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    std::string huge = R"({"text": ")" + std::string(17u << 20, 'a') + "\"}";
    dir.write("feed.jsonl", R"({"text": "Emmanuel Macron met Vladimir Putin at Versailles."})"
                            "\n" +
                                huge + "\n");
    const auto result = ingest(db, {dir.file("feed.jsonl")});
    CHECK(result.status == 1);
    CHECK(result.err ==
          fmt::format("diplograph: cannot read {}:2: article is {} bytes; the limit is 16 MiB\n",
                      dir.file("feed.jsonl"), huge.size()));
    CHECK(row_counts(db).at("articles") == 1);
}

TEST_CASE("an article in which no actor is found is stored with a note", "[end_to_end]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    dir.write("weather.txt", "Weather\nIt rained all day, and the farmers were glad of it.\n");
    const auto result = ingest(db, {dir.file("weather.txt")});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out,
               StartsWith("note " + dir.file("weather.txt") + ": no actors found in its text\n") &&
                   Contains("ingested 1 article into"));
    const auto counts = row_counts(db);
    CHECK(counts.at("articles") == 1);
    CHECK(counts.at("sentences") == 1);
    CHECK(counts.at("mentions") == 0);
}

TEST_CASE("an ingest that stores nothing still leaves an empty, valid database", "[end_to_end]") {
    // The chosen behaviour (README, "What ingest guarantees"): the database is opened, and so
    // created, before the inputs are read; it then holds the schema and no article.
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    const auto result = ingest(db, {dir.file("missing.json")});
    CHECK(result.status == 1);
    REQUIRE(fs::exists(db));
    CHECK(row_counts(db).at("articles") == 0);
    const auto again = ingest(db, {test::sample_path("minsk-2015.json")});
    CHECK(again.status == 0);
    CHECK(row_counts(db).at("articles") == 1);
}
