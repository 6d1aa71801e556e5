// Direct and indirect statements and their speakers.
#include "helpers.hpp"

#include <catch2/catch.hpp>

using diplograph::test::run;

namespace {

/// The speaker of the statement whose quote contains `words` ("" for none, "?" when missing).
std::string speaker_of(const diplograph::test::Extracted &e, const std::string &words) {
    for (const auto &s : e.x.statements) {
        if (e.x.doc.span_text(s.begin, s.end).find(words) != std::string_view::npos) {
            return s.speaker < 0 ? "" : e.x.actors[s.speaker].name;
        }
    }
    return "?";
}

} // namespace

TEST_CASE("each attribution form finds its speaker", "[statements]") {
    SECTION("quote, name said") {
        CHECK(speaker_of(run("“The line is clear,” Macron said."), "line is clear") ==
              "Emmanuel Macron");
    }
    SECTION("quote, said name") {
        CHECK(speaker_of(run("“We will not yield,” said Vladimir Putin."), "not yield") ==
              "Vladimir Putin");
    }
    SECTION("name said colon quote") {
        CHECK(speaker_of(run("Macron said: “Failed states are a threat.”"), "Failed states") ==
              "Emmanuel Macron");
    }
    SECTION("partial quote inside reported speech") {
        CHECK(speaker_of(run("Macron said France would show “no weakness” if attacked."),
                         "no weakness") == "Emmanuel Macron");
    }
    SECTION("told reporters") {
        CHECK(speaker_of(run("Putin told reporters “that is not a problem” on Monday."),
                         "not a problem") == "Vladimir Putin");
    }
    SECTION("according to") {
        CHECK(speaker_of(run("The talks were “frank and long”, according to Sergei Lavrov."),
                         "frank and long") == "Sergei Lavrov");
    }
    SECTION("according to, with modifiers before the name") {
        CHECK(speaker_of(run("According to the official KCNA news agency, Trump had “expressed "
                             "his intention” to lift sanctions.",
                             "2018-06-13"),
                         "expressed his intention") == "KCNA");
    }
    SECTION("descriptor with its own country mention after the quote") {
        CHECK(speaker_of(run("The Bahraini foreign minister, Abdullatif al-Zayani, spoke. “Peace "
                             "is near,” the Bahraini minister said.",
                             "2020-09-16"),
                         "Peace is near") == "Abdullatif al-Zayani");
    }
    SECTION("pronoun after the quote") {
        CHECK(speaker_of(run("Macron spoke first. “Our priority is terrorism,” he added."),
                         "priority") == "Emmanuel Macron");
    }
    SECTION("descriptor after the quote") {
        CHECK(speaker_of(run("“Sanctions will not work,” the Russian leader said.", "2017-05-29"),
                         "Sanctions") == "Vladimir Putin");
    }
    SECTION("relative clause between the name and the verb") {
        CHECK(speaker_of(run("Colin Powell, who spoke last, said “the council must act” today.",
                             "2003-02-14"),
                         "council must act") == "Colin Powell");
    }
    SECTION("participle after a comma takes the subject") {
        CHECK(speaker_of(
                  run("Macron had harsh words for Moscow, accusing Russia of a “hybrid strategy”."),
                  "hybrid strategy") == "Emmanuel Macron");
    }
}

TEST_CASE("every quotation style is a statement", "[statements]") {
    const auto e =
        run("Villepin said « la guerre est un échec » and Powell said \"more time is no answer\". "
            "Fischer said „wir sind nicht überzeugt“ too.",
            "2003-02-14");
    CHECK(speaker_of(e, "la guerre") == "Dominique de Villepin");
    CHECK(speaker_of(e, "more time") == "Colin Powell");
    CHECK(speaker_of(e, "wir sind") == "Joschka Fischer");
}

TEST_CASE("a quote opening the next paragraph continues the previous speaker", "[statements]") {
    const auto e = run("“We met for two hours,” Putin said.\n“The talks were useful.”");
    CHECK(speaker_of(e, "talks were useful") == "Vladimir Putin");
}

TEST_CASE("a quote left open at the end of a paragraph continues in the next one", "[statements]") {
    const auto e = run("Putin said: “We met for two hours.\n“The talks were useful,” he went on.");
    CHECK(speaker_of(e, "We met for two hours") == "Vladimir Putin");
}

TEST_CASE("a quote with no speaker in the text gets none", "[statements]") {
    const auto e = run("The poster read “peace now for everyone” in large letters.");
    CHECK(speaker_of(e, "peace now") == "");
}

TEST_CASE("reported speech is an indirect statement with its clause", "[statements]") {
    const auto e =
        run("Putin warned that sanctions would fail. Macron denied that France had interfered.");
    int indirect = 0;
    for (const auto &s : e.x.statements) {
        if (s.kind == "indirect") {
            ++indirect;
            const auto clause = e.x.doc.span_text(s.begin, s.end);
            CHECK((clause == "sanctions would fail" || clause == "France had interfered"));
        }
    }
    CHECK(indirect == 2);
}

TEST_CASE("reported speech ends where another agent opens a clause of its own", "[statements]") {
    const auto e = run("The Kremlin said it saw no reason to doubt the account, and Russia's "
                       "foreign minister, Sergei Lavrov, accused the west of hypocrisy.",
                       "2021-05-25");
    REQUIRE(e.x.statements.size() == 1);
    CHECK(e.x.doc.span_text(e.x.statements[0].begin, e.x.statements[0].end) ==
          "it saw no reason to doubt the account");
    // A coordinated verb of the same subject stays inside: no new agent after "and".
    const auto same = run("Putin said the talks had failed, and that sanctions would follow.");
    REQUIRE(same.x.statements.size() == 1);
    CHECK(same.x.doc.span_text(same.x.statements[0].begin, same.x.statements[0].end) ==
          "the talks had failed, and that sanctions would follow");
}

TEST_CASE("a quote a speaker rejects or denounces is the speaker's statement", "[statements]") {
    const auto e =
        run("Belarus's foreign ministry rejected the accusations as “groundless”.", "2021-05-25");
    CHECK(speaker_of(e, "groundless") == "Belarus");
}

TEST_CASE("the actors a quote is about are recorded", "[statements]") {
    const auto e = run("“Russia must leave Ukraine,” Macron said.");
    REQUIRE(e.x.statements.size() == 1);
    std::vector<std::string> about;
    for (const int a : e.x.statements[0].about) {
        about.push_back(e.x.actors[a].name);
    }
    CHECK(about == std::vector<std::string>{"Russia", "Ukraine"});
}

TEST_CASE("the topics a statement names are recorded", "[statements]") {
    const auto e = run(
        "Putin warned that sanctions would fail. “Chemical weapons are a red line,” Macron said.");
    std::vector<std::string> topics;
    for (const auto &s : e.x.statements) {
        for (const auto &t : s.topics) {
            topics.push_back(t.name);
        }
    }
    std::sort(topics.begin(), topics.end());
    CHECK(topics == std::vector<std::string>{"chemical weapons", "sanctions"});
}
