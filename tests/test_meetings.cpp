// Meetings: participants, place, date, status and one meeting per episode.
#include "common/date.hpp"
#include "helpers.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using diplograph::test::run;

TEST_CASE("a meeting has its participants, place and explicit date", "[meetings]") {
    const auto e = run("Donald Trump met Kim Jong-un at the Capella hotel in Singapore on 12 June.",
                       "2018-06-13");
    REQUIRE(e.x.meetings.size() == 1);
    const auto &m = e.x.meetings[0];
    std::vector<std::string> names;
    for (const int p : m.participants) {
        names.push_back(e.x.actors[p].name);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"Donald Trump", "Kim Jong-un"});
    REQUIRE(m.date);
    CHECK(diplograph::to_iso(*m.date) == "2018-06-12");
    REQUIRE(m.place >= 0);
    CHECK(e.x.actors[m.place].kind == diplograph::ActorKind::place);
}

TEST_CASE("sentences about the same visit are one meeting with all of them as evidence",
          "[meetings]") {
    const auto e = run("Macron met Putin at the Palace of Versailles.\n"
                       "The two leaders held talks over lunch.\n"
                       "Macron and Putin then gave a joint news conference.",
                       "2017-05-29");
    REQUIRE(e.x.meetings.size() == 1);
    CHECK(e.x.meetings[0].evidence.size() == 3);
}

TEST_CASE("a cancelled visit is not a held meeting", "[meetings]") {
    const auto e =
        run("Putin cancelled his visit to meet Hollande in Paris in October.", "2017-05-29");
    for (const auto &m : e.x.meetings) {
        CHECK(m.status == "cancelled");
    }
}

TEST_CASE("a planned meeting is marked planned", "[meetings]") {
    const auto e = run("Biden will meet Xi Jinping in Bali next week.", "2022-11-08");
    REQUIRE(e.x.meetings.size() == 1);
    CHECK(e.x.meetings[0].status == "planned");
}

TEST_CASE("relative dates resolve against the publication date", "[meetings]") {
    const std::string text = "Emmanuel Macron met Angela Merkel on Monday.";
    // 2017-05-31 is a Wednesday; 2018-06-15 a Friday.
    auto date_of = [&](const std::string &published) {
        const auto e = run(text, published);
        REQUIRE(e.x.meetings.size() == 1);
        REQUIRE(e.x.meetings[0].date);
        return diplograph::to_iso(*e.x.meetings[0].date);
    };
    CHECK(date_of("2017-05-31") == "2017-05-29");
    CHECK(date_of("2018-06-15") == "2018-06-11");
    const auto yesterday = run("Emmanuel Macron met Angela Merkel yesterday.", "2018-03-01");
    REQUIRE(yesterday.x.meetings.size() == 1);
    CHECK(diplograph::to_iso(*yesterday.x.meetings[0].date) == "2018-02-28");
    const auto october = run("Emmanuel Macron met Angela Merkel in October.", "2018-03-01");
    REQUIRE(october.x.meetings.size() == 1);
    CHECK(diplograph::to_iso(*october.x.meetings[0].date) == "2017-10");
    const auto last_month = run("Emmanuel Macron met Angela Merkel last month.", "2018-01-10");
    REQUIRE(last_month.x.meetings.size() == 1);
    CHECK(diplograph::to_iso(*last_month.x.meetings[0].date) == "2017-12");
}

TEST_CASE("two articles about one summit give one meeting with two sources", "[meetings][store]") {
    const diplograph::test::TempDir dir;
    dir.write(
        "a.json",
        R"({"published": "2018-06-12", "text": "Donald Trump met Kim Jong-un in Singapore on Tuesday."})");
    dir.write(
        "b.json",
        R"({"published": "2018-06-13", "text": "Kim Jong-un and Donald Trump held talks in Singapore on 12 June, officials said."})");
    const auto db_path = dir.file("kg.db");
    const auto result = diplograph::test::run_command(
        "ingest --db " + db_path + " " + dir.file("a.json") + " " + dir.file("b.json"));
    REQUIRE(result.status == 0);
    SQLite::Database db(db_path);
    CHECK(db.execAndGet("SELECT count(*) FROM meetings").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(DISTINCT article_id) FROM meeting_sources").getInt() == 2);
    CHECK(db.execAndGet("SELECT count(DISTINCT article_id) FROM v_meetings").getInt() == 2);
}
