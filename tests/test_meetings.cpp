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

namespace {

/// Each meeting as "status date: A + B" (participants sorted), for compact checks.
std::vector<std::string> meetings_of(const diplograph::test::Extracted &e) {
    std::vector<std::string> out;
    for (const auto &m : e.x.meetings) {
        std::vector<std::string> names;
        for (const int p : m.participants) {
            names.push_back(e.x.actors[p].name);
        }
        std::sort(names.begin(), names.end());
        std::string line = m.status + " " + (m.date ? diplograph::to_iso(*m.date) : "-") + ":";
        for (std::size_t i = 0; i < names.size(); ++i) {
            line += (i == 0 ? " " : " + ") + names[i];
        }
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("a date relative to a dated event resolves through the events lexicon", "[meetings]") {
    const std::string text = "Vladimir Putin granted Marine Le Pen an audience at the Kremlin a "
                             "month before the French presidential election's first round.";
    // The first rounds were on 2017-04-23 and 2022-04-10; "a month" leaves the day unknown.
    CHECK(meetings_of(run(text, "2017-05-29")) ==
          std::vector<std::string>{"held 2017-03: Marine Le Pen + Vladimir Putin"});
    CHECK(meetings_of(run(text, "2022-05-01")) ==
          std::vector<std::string>{"held 2022-03: Marine Le Pen + Vladimir Putin"});
}

TEST_CASE("an offset from a date keeps the day only when the amount is exact", "[meetings]") {
    // The Hamburg G20 summit opened on 2017-07-07.
    CHECK(meetings_of(run("Emmanuel Macron met Angela Merkel two days before the G20 summit.",
                          "2017-07-20")) ==
          std::vector<std::string>{"held 2017-07-05: Angela Merkel + Emmanuel Macron"});
    CHECK(meetings_of(
              run("Emmanuel Macron met Angela Merkel days after 9 December.", "2017-12-26")) ==
          std::vector<std::string>{"held 2017-12: Angela Merkel + Emmanuel Macron"});
    // "on 9 December, days after X and Y held talks": the talks come days before the date.
    CHECK(meetings_of(run("Sushma Swaraj spoke in Islamabad on 9 December, days after Emmanuel "
                          "Macron and Angela Merkel held talks in Berlin.",
                          "2017-12-26")) ==
          std::vector<std::string>{"held 2017-12: Angela Merkel + Emmanuel Macron"});
}

TEST_CASE("a date across 'after' belongs to another act, and an opening date to the clause",
          "[meetings]") {
    // 2015-02-12 was a Thursday.
    CHECK(meetings_of(run("Angela Merkel and François Hollande agreed on Thursday on a ceasefire "
                          "after marathon negotiations in Minsk that began on Wednesday.",
                          "2015-02-12")) ==
          std::vector<std::string>{"held 2015-02-11: Angela Merkel + François Hollande"});
    CHECK(meetings_of(run("On Monday, Emmanuel Macron met Angela Merkel.", "2017-05-31")) ==
          std::vector<std::string>{"held 2017-05-29: Angela Merkel + Emmanuel Macron"});
}

TEST_CASE("the leaders of several countries are the participants when the article names them",
          "[meetings]") {
    const std::string named = " Vladimir Putin, Petro Poroshenko, Angela Merkel and François "
                              "Hollande spoke to reporters.";
    const std::string talks = "The leaders of Russia, Ukraine, Germany and France agreed on a "
                              "ceasefire after negotiations in Minsk.";
    CHECK(meetings_of(run(talks + named, "2015-02-12")).front() ==
          "held 2015-02-12: Angela Merkel + François Hollande + Petro Poroshenko + Vladimir Putin");
    // Without the names in the text, the leaders stay unknown: no meeting.
    CHECK(meetings_of(run(talks, "2015-02-12")).empty());
}

TEST_CASE("a visiting leader meets the host country's leader named in the article", "[meetings]") {
    // 2015-11-26 was a Thursday.
    const auto visit = run("The French president, François Hollande, who visited Moscow on "
                           "Thursday, urged restraint. Vladimir Putin said little.",
                           "2015-11-29");
    REQUIRE(meetings_of(visit) ==
            std::vector<std::string>{"held 2015-11-26: François Hollande + Vladimir Putin"});
    CHECK(visit.x.actors[visit.x.meetings[0].place].name == "Moscow");
    SECTION("arriving in a city for a state visit") {
        // 2023-03-21 was a Tuesday.
        CHECK(meetings_of(run("Chinese President Xi Jinping arrived in Moscow on Monday for a "
                              "state visit. Vladimir Putin called the talks frank.",
                              "2023-03-21")) ==
              std::vector<std::string>{"held 2023-03-20: Vladimir Putin + Xi Jinping"});
    }
    SECTION("not when the host country's leader is not named") {
        CHECK(meetings_of(run("François Hollande visited Moscow on Thursday.", "2015-11-29"))
                  .empty());
    }
    SECTION("not for a minister, whose counterpart is not sure") {
        CHECK(meetings_of(run("Sergei Lavrov visited Ankara on Monday. Recep Tayyip Erdoğan "
                              "said little.",
                              "2015-11-29"))
                  .empty());
    }
}

TEST_CASE("'the two men ... alongside X' adds X to the meeting being described", "[meetings]") {
    const auto e = run("The deal followed talks in Beijing between Ali Shamkhani, the secretary "
                       "of Iran's security council, and the Saudi national security adviser, "
                       "Musaed al-Aiban. The two men were photographed shaking hands alongside "
                       "Wang Yi.",
                       "2023-03-10");
    CHECK(meetings_of(e) ==
          std::vector<std::string>{"held 2023-03-10: Ali Shamkhani + Musaed al-Aiban + Wang Yi"});
}

TEST_CASE("phrases that name no meeting of the people around them", "[meetings]") {
    SECTION("a gathering of unnamed members") {
        CHECK(meetings_of(run("Angela Merkel and François Hollande flew to Brussels for a summit "
                              "of EU leaders.",
                              "2015-02-12"))
                  .empty());
    }
    SECTION("a second noun phrase with its own people") {
        CHECK(meetings_of(run("Kim Jong-un's diplomacy has included two meetings with Moon "
                              "Jae-in and two visits to China to see Xi Jinping.",
                              "2018-06-12"))
                  .empty());
    }
    SECTION("a second trigger in the same clause is the same meeting") {
        CHECK(
            meetings_of(run("Recep Tayyip Erdoğan said he wanted to meet Vladimir Putin at "
                            "the climate summit in Paris on Monday.",
                            "2015-11-29")) ==
            std::vector<std::string>{"planned 2015-11-30: Recep Tayyip Erdoğan + Vladimir Putin"});
    }
    SECTION("a negated meeting") {
        CHECK(meetings_of(run("Vladimir Putin and Recep Tayyip Erdoğan did not meet in Paris on "
                              "Monday.",
                              "2015-11-29"))
                  .empty());
        CHECK(meetings_of(run("Vladimir Putin has never met Joe Biden.", "2020-11-29")).empty());
    }
    SECTION("the last holder of an office is not today's") {
        CHECK(meetings_of(run("The last Indian prime minister to visit Pakistan was Atal Bihari "
                              "Vajpayee, who travelled to Islamabad for a summit in 2004.",
                              "2015-12-26"))
                  .empty());
    }
}

TEST_CASE("'that evening' takes the day of the latest date told before it", "[meetings]") {
    // 2018-06-12 was a Tuesday, so Sunday is 2018-06-10.
    CHECK(meetings_of(run("Both leaders arrived on Sunday. Kim Jong-un met the prime minister of "
                          "Singapore, Lee Hsien Loong, that evening.",
                          "2018-06-12")) ==
          std::vector<std::string>{"held 2018-06-10: Kim Jong-un + Lee Hsien Loong"});
    CHECK(meetings_of(run("Both leaders arrived on Sunday. Kim Jong-un met Lee Hsien Loong the "
                          "next day.",
                          "2018-06-12")) ==
          std::vector<std::string>{"held 2018-06-11: Kim Jong-un + Lee Hsien Loong"});
}

TEST_CASE("a planned meeting's month lies ahead", "[meetings]") {
    CHECK(meetings_of(run("Joe Biden will meet Xi Jinping in March.", "2023-05-30")) ==
          std::vector<std::string>{"planned 2024-03: Joe Biden + Xi Jinping"});
    CHECK(meetings_of(run("Joe Biden met Xi Jinping in March.", "2023-05-30")) ==
          std::vector<std::string>{"held 2023-03: Joe Biden + Xi Jinping"});
}

TEST_CASE("'this month' and 'next week' are months of the publication date", "[meetings]") {
    CHECK(meetings_of(run("King Salman told Donald Trump in a phone call this month that he "
                          "wanted a fair solution.",
                          "2020-09-16")) ==
          std::vector<std::string>{"held 2020-09: Donald Trump + Salman bin Abdulaziz"});
    CHECK(meetings_of(run("Joe Biden will meet Xi Jinping next week.", "2022-11-28")) ==
          std::vector<std::string>{"planned 2022-12: Joe Biden + Xi Jinping"});
}

TEST_CASE("a place inside the meeting's place refines it", "[meetings]") {
    const auto place_of = [](const diplograph::test::Extracted &e) {
        REQUIRE(e.x.meetings.size() == 1);
        REQUIRE(e.x.meetings[0].place >= 0);
        return e.x.actors[e.x.meetings[0].place].name;
    };
    // The places lexicon has Nusa Dua in Bali, and Raiwind in Lahore.
    CHECK(place_of(run("Joe Biden and Xi Jinping met on the island of Bali on Monday. The two "
                       "leaders shook hands at a luxury hotel in Nusa Dua.",
                       "2022-11-14")) == "Nusa Dua");
    // A sentence about the pair with no meeting word still moves the episode inside the city.
    CHECK(place_of(run("Narendra Modi met Nawaz Sharif in Lahore on Friday. The two leaders then "
                       "flew by helicopter to the family estate at Raiwind.",
                       "2015-12-26")) == "Raiwind");
    // A place of the next clause is not this meeting's.
    const auto e = run("Kim Jong-un met Lee Hsien Loong that evening, and Donald Trump held talks "
                       "with Lee on Monday at the Istana.",
                       "2018-06-12");
    REQUIRE(e.x.meetings.size() == 2);
    CHECK(e.x.meetings[0].place < 0);
}

TEST_CASE("a person's possessive right before the trigger is a participant", "[meetings]") {
    CHECK(
        meetings_of(run("Trump's meeting with Kim Jong-un in Hanoi ended early.", "2019-02-28")) ==
        std::vector<std::string>{"held 2019-02-28: Donald Trump + Kim Jong-un"});
    // 2023-02-21 was a Tuesday; the visitor's host is named in the article.
    CHECK(meetings_of(run("Joe Biden's surprise visit to Kyiv on Monday was kept secret. Volodymyr "
                          "Zelensky thanked him.",
                          "2023-02-21")) ==
          std::vector<std::string>{"held 2023-02-20: Joe Biden + Volodymyr Zelensky"});
    // Not the possessor of a speaker: "Putin's spokesman said ...".
    CHECK(meetings_of(
              run("Putin's spokesman said the meeting with Xi Jinping went well.", "2019-02-28"))
              .empty());
}

TEST_CASE("'his Chinese counterpart' is the holder of the same office in China", "[meetings]") {
    // 2022-03-30 was a Wednesday.
    CHECK(meetings_of(run("The Russian foreign minister met his Chinese counterpart in Beijing on "
                          "Wednesday.",
                          "2022-03-31")) ==
          std::vector<std::string>{"held 2022-03-30: Sergei Lavrov + Wang Yi"});
    // A head of government's counterpart is the other country's leader.
    CHECK(meetings_of(run("Narendra Modi met his Pakistani counterpart in Lahore on Friday.",
                          "2015-12-26")) ==
          std::vector<std::string>{"held 2015-12-25: Narendra Modi + Nawaz Sharif"});
}

TEST_CASE("sightings of one episode with dates of different precision are one meeting",
          "[meetings]") {
    // 2019-09-09 was a Monday; "days before" the election leaves only the month for "meet".
    CHECK(meetings_of(run("Benjamin Netanyahu visited Moscow on Monday, days before the Israeli "
                          "election, to meet Vladimir Putin.",
                          "2019-09-13")) ==
          std::vector<std::string>{"held 2019-09-09: Benjamin Netanyahu + Vladimir Putin"});
    // "weeks before the planned summit": the summit's people are not the ones met before it.
    CHECK(meetings_of(run("Mike Pompeo met Antony Blinken in New York on Thursday, weeks before "
                          "the planned summit.",
                          "2018-06-01")) ==
          std::vector<std::string>{"held 2018-05-31: Antony Blinken + Mike Pompeo"});
}

TEST_CASE("a stance verb is a meeting only with a setting", "[meetings]") {
    CHECK(meetings_of(run("Donald Trump has embraced Kim Jong-un, calling him a talented leader.",
                          "2018-06-15"))
              .empty());
    CHECK(meetings_of(run("Abiy Ahmed embraced Isaias Afwerki at Asmara airport on Sunday.",
                          "2018-07-09")) ==
          std::vector<std::string>{"held 2018-07-08: Abiy Ahmed + Isaias Afwerki"});
}

TEST_CASE("'the two leaders met' on another day is another meeting of the pair", "[meetings]") {
    // 2019-01-21 was a Monday.
    CHECK(meetings_of(run("Emmanuel Macron and Angela Merkel held a joint press conference in "
                          "Paris on Monday, a day after the two leaders met in Berlin.",
                          "2019-01-22")) ==
          std::vector<std::string>{"held 2019-01-21: Angela Merkel + Emmanuel Macron",
                                   "held 2019-01-20: Angela Merkel + Emmanuel Macron"});
}

TEST_CASE("a speaker is at the meeting a preposition introduces", "[meetings]") {
    CHECK(meetings_of(run("Sergei Lavrov told reporters after meeting Wang Yi in Beijing that the "
                          "talks were useful.",
                          "2022-03-31")) ==
          std::vector<std::string>{"held 2022-03-31: Sergei Lavrov + Wang Yi"});
    // A speaker reporting someone else's meeting is not at it.
    CHECK(meetings_of(run("Dmitry Peskov said the president had received Wang Yi.", "2022-03-31"))
              .empty());
}

TEST_CASE("a host with no place named receives in their capital", "[meetings]") {
    const auto e =
        run("Xi Jinping hosted the Iranian president, Ebrahim Raisi, last month.", "2023-03-10");
    REQUIRE(meetings_of(e) == std::vector<std::string>{"held 2023-02: Ebrahim Raisi + Xi Jinping"});
    REQUIRE(e.x.meetings[0].place >= 0);
    CHECK(e.x.actors[e.x.meetings[0].place].name == "Beijing");
}

TEST_CASE("a meeting verb coordinated with an earlier verb keeps the sentence's subject",
          "[meetings]") {
    const auto e = run("Antony Blinken arrived in Beijing. He held talks with the Chinese foreign "
                       "minister, Qin Gang, and later met the top diplomat Wang Yi.",
                       "2023-06-19");
    const auto found = meetings_of(e);
    CHECK(std::count_if(found.begin(), found.end(), [](const std::string &m) {
              return m.ends_with("Antony Blinken + Wang Yi");
          }) == 1);
    CHECK(std::none_of(found.begin(), found.end(),
                       [](const std::string &m) { return m.ends_with("Qin Gang + Wang Yi"); }));
}
