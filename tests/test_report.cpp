// Tests of the reports: running named queries, resolving actor names, and printing tables.
#include "common/errors.hpp"
#include "helpers.hpp"
#include "reader/reader.hpp"
#include "report/report.hpp"
#include "store/database.hpp"
#include "store/writer.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <sstream>

using namespace diplograph;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// An in-memory database holding two sample articles.
SQLite::Database ingested_database() {
    auto db = open_database(":memory:");
    ArticleWriter writer(db, test::lexicon());
    SQLite::Transaction transaction(db);
    for (const char *name : {"versailles-2017.json", "minsk-2015.json"}) {
        const auto path = test::sample_path(name);
        const auto article =
            parse_article(read_file(path), ArticleFormat::json, path, ArticleDefaults{});
        const auto extraction = extract(article, test::lexicon());
        writer.write(article, content_hash(article.text), extraction);
    }
    transaction.commit();
    return db;
}

std::string actor_name(SQLite::Database &db, std::int64_t id) {
    SQLite::Statement st(db, "SELECT name FROM actors WHERE actor_id = ?");
    st.bind(1, id);
    REQUIRE(st.executeStep());
    return st.getColumn(0).getString();
}

std::string resolve_error(SQLite::Database &db, const std::string &name) {
    try {
        resolve_actor(db, name);
    } catch (const InputError &e) {
        return e.what();
    }
    FAIL("resolve_actor(\"" << name << "\") threw no InputError");
    return {};
}

std::string printed(const ResultTable &table, OutputFormat format) {
    std::ostringstream out;
    print_table(out, table, format);
    return out.str();
}

std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

/// A small table with the awkward values: a comma, a quote, a bar, a newline, a NULL, UTF-8.
ResultTable awkward_table() {
    ResultTable table;
    table.columns = {"name", "note", "n"};
    table.rows.push_back(
        {std::string("Paris, France"), std::string("said \"non\""), std::string("1")});
    table.rows.push_back({std::string("A|B"), std::nullopt, std::string("22")});
    table.rows.push_back({std::string("Élysée"), std::string("two\nlines"), std::string("333")});
    return table;
}

} // namespace

TEST_CASE("the overview report counts what was ingested", "[report]") {
    auto db = ingested_database();
    const auto table = run_report(db, "overview", {});
    REQUIRE(table.columns == std::vector<std::string>{"section", "item", "value"});
    REQUIRE_FALSE(table.rows.empty());
    CHECK(table.rows[0][0] == std::optional<std::string>("articles"));
    CHECK(table.rows[0][2] == std::optional<std::string>("2"));
    bool saw_putin = false;
    for (const auto &row : table.rows) {
        saw_putin =
            saw_putin || (row[0] == "most mentioned" && row[1] == "Vladimir Putin (person)");
    }
    CHECK(saw_putin);
}

TEST_CASE("the overview report's :limit bounds the most mentioned actors", "[report]") {
    auto db = ingested_database();
    const auto table = run_report(db, "overview", {{":limit", "3"}});
    int most_mentioned = 0;
    for (const auto &row : table.rows) {
        most_mentioned += row[0] == "most mentioned" ? 1 : 0;
    }
    CHECK(most_mentioned == 3);
}

TEST_CASE("every report runs on an empty database", "[report]") {
    auto db = open_database(":memory:");
    for (const auto &report : list_reports()) {
        INFO("report " << report.name);
        CHECK_NOTHROW(run_report(db, report.name, {}));
    }
}

TEST_CASE("the report list gives each report's summary and parameters", "[report]") {
    const auto reports = list_reports();
    const auto overview = std::find_if(reports.begin(), reports.end(),
                                       [](const auto &r) { return r.name == "overview"; });
    REQUIRE(overview != reports.end());
    CHECK_THAT(overview->summary, StartsWith("What the database holds"));
    CHECK(overview->parameters == std::vector<std::string>{":limit"});
}

TEST_CASE("an unknown report is a usage error listing the reports", "[report]") {
    auto db = open_database(":memory:");
    try {
        run_report(db, "overveiw", {});
        FAIL("no UsageError");
    } catch (const UsageError &e) {
        CHECK_THAT(e.what(), Contains("overveiw") && Contains("overview") && Contains("actors"));
    }
}

TEST_CASE("an actor is resolved by its name or any alias", "[report]") {
    auto db = ingested_database();
    CHECK(actor_name(db, resolve_actor(db, "Vladimir Putin")) == "Vladimir Putin");
    CHECK(actor_name(db, resolve_actor(db, "vladimir putin")) == "Vladimir Putin");
    CHECK(actor_name(db, resolve_actor(db, "Putin")) == "Vladimir Putin");
    CHECK(actor_name(db, resolve_actor(db, "putin")) == "Vladimir Putin");
    CHECK(actor_name(db, resolve_actor(db, "Russian Federation")) == "Russia");
    CHECK(actor_name(db, resolve_actor(db, "the Kremlin")) == "Russia");
    CHECK(actor_name(db, resolve_actor(db, "The Kremlin")) == "Russia");
    CHECK(actor_name(db, resolve_actor(db, "Kremlin")) == "Russia");
    CHECK(actor_name(db, resolve_actor(db, "Merkel")) == "Angela Merkel");
}

TEST_CASE("an unknown actor name is an input error listing close matches", "[report]") {
    auto db = ingested_database();
    CHECK_THAT(resolve_error(db, "Vladimir"),
               Contains("\"Vladimir\"") && Contains("close matches") && Contains("Vladimir Putin"));
    CHECK_THAT(resolve_error(db, "Zzyzx Qwerty"), Contains("no actor called \"Zzyzx Qwerty\""));
    // LIKE wildcards in a name are literal characters: "%" and "_" match no name.
    CHECK_THAT(resolve_error(db, "%"), !Contains("close matches"));
    CHECK_THAT(resolve_error(db, "V_adimir"), !Contains("close matches"));
}

TEST_CASE("an actor name is bound as a value, never run as SQL", "[report]") {
    auto db = ingested_database();
    const auto actors = db.execAndGet("SELECT count(*) FROM actors").getInt();
    for (const char *name : {"Robert'); DROP TABLE actors;--", "' OR 1=1 --", "%", "_"}) {
        INFO("name " << name);
        CHECK_THAT(resolve_error(db, name), Contains("no actor called"));
    }
    CHECK(db.tableExists("actors"));
    CHECK(db.execAndGet("SELECT count(*) FROM actors").getInt() == actors);
}

TEST_CASE("CSV output quotes fields with commas, quotes and newlines", "[report]") {
    const auto text = printed(awkward_table(), OutputFormat::csv);
    CHECK(text == "name,note,n\r\n"
                  "\"Paris, France\",\"said \"\"non\"\"\",1\r\n"
                  "A|B,,22\r\n"
                  "Élysée,\"two\nlines\",333\r\n");
}

TEST_CASE("JSON output is an array of objects that parses back", "[report]") {
    const auto text = printed(awkward_table(), OutputFormat::json);
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsArray());
    REQUIRE(doc.Size() == 3);
    CHECK(std::string(doc[0]["name"].GetString()) == "Paris, France");
    CHECK(std::string(doc[0]["note"].GetString()) == "said \"non\"");
    CHECK(std::string(doc[0]["n"].GetString()) == "1");
    CHECK(doc[1]["note"].IsNull());
    CHECK(std::string(doc[2]["name"].GetString()) == "Élysée");
    CHECK(std::string(doc[2]["note"].GetString()) == "two\nlines");

    SECTION("an empty result is an empty array") {
        ResultTable empty;
        empty.columns = {"a"};
        CHECK(printed(empty, OutputFormat::json) == "[]\n");
    }
}

TEST_CASE("Markdown output escapes bars and keeps one row per line", "[report]") {
    const auto lines = lines_of(printed(awkward_table(), OutputFormat::markdown));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "| name | note | n |");
    CHECK(lines[1] == "| --- | --- | --- |");
    CHECK(lines[2] == "| Paris, France | said \"non\" | 1 |");
    CHECK(lines[3] == "| A\\|B |  | 22 |");
    CHECK(lines[4] == "| Élysée | two lines | 333 |");
}

TEST_CASE("table output aligns columns under a dashed rule", "[report]") {
    const auto lines = lines_of(printed(awkward_table(), OutputFormat::table));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "name           note        n");
    CHECK(lines[1] == "-------------  ----------  ---");
    CHECK(lines[2] == "Paris, France  said \"non\"  1");
    CHECK(lines[3] == "A|B                        22");
    CHECK(lines[4] == "Élysée         two lines   333");
}

TEST_CASE("output formats are chosen by name", "[report]") {
    CHECK(output_format_from("table") == OutputFormat::table);
    CHECK(output_format_from("csv") == OutputFormat::csv);
    CHECK(output_format_from("json") == OutputFormat::json);
    CHECK(output_format_from("markdown") == OutputFormat::markdown);
    CHECK(output_format_from("md") == OutputFormat::markdown);
    CHECK_FALSE(output_format_from("xml"));
}
