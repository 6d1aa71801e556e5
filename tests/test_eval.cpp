// The scorer behind `diplograph eval` on hand-made gold and predictions, and the command on
// samples/.
#include "common/errors.hpp"
#include "helpers.hpp"
#include "report/scorer.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace diplograph;

namespace {

GoldActor person(const std::string &name, const std::string &country,
                 std::vector<std::string> also = {}) {
    return {name, "person", country, std::move(also), false, false};
}

GoldActor country(const std::string &name, const std::string &code) {
    return {name, "country", code, {}, false, false};
}

/// Macron meets Putin at Versailles, says one thing, and France opposes Russia.
Gold versailles_gold() {
    Gold gold;
    gold.actors = {person("Emmanuel Macron", "FRA", {"Macron"}),
                   person("Vladimir Putin", "RUS", {"Putin"}), country("France", "FRA"),
                   country("Russia", "RUS"),
                   GoldActor{"Palace of Versailles", "place", "FRA", {"Versailles"}, false, false}};
    gold.statements = {{"Emmanuel Macron",
                        "We have disagreements, but we spoke about every one of them", false,
                        false}};
    gold.meetings = {{{"Emmanuel Macron", "Vladimir Putin"},
                      "Palace of Versailles",
                      "2017-05-29",
                      false,
                      false}};
    gold.relations = {
        {{"France"}, {"Russia"}, "OPPOSE", "conflictual", {"Syria"}, true, false, false}};
    return gold;
}

ActorRow row(const std::string &name, const std::string &kind, const std::string &code) {
    return {name, kind, code};
}

/// Exactly what versailles_gold() asks for.
Prediction versailles_prediction() {
    Prediction p;
    p.actors = {row("Emmanuel Macron", "person", "FRA"), row("Vladimir Putin", "person", "RUS"),
                row("France", "country", "FRA"), row("Russia", "country", "RUS"),
                row("Palace of Versailles", "place", "FRA")};
    p.article_actors = p.actors;
    p.statements = {{"Emmanuel Macron",
                     "We have disagreements, but we spoke about every one of them.", "direct"}};
    p.meetings = {{1, "2017-05-29", "Palace of Versailles", "Emmanuel Macron"},
                  {1, "2017-05-29", "Palace of Versailles", "Vladimir Putin"}};
    p.relations = {{1, "France", "Russia", "OPPOSE", "conflictual", "Syria"}};
    return p;
}

double f1(const Tally &tally) {
    return precision_recall(tally).f1.value_or(-1);
}

/// One relation row from source to target, without topic.
RelationRow relation(const std::string &source, const std::string &target,
                     const std::string &polarity) {
    return {1, source, target, "OPPOSE", polarity, std::nullopt};
}

} // namespace

TEST_CASE("names compare after folding case, accents, punctuation and a leading the", "[eval]") {
    CHECK(norm("The Élysée-Palace") == "elysee palace");
    CHECK(norm("  al-Assad's ") == "al assad s");
    CHECK(norm("Straße") == "strasse");
    CHECK(norm("ﬁnance") == "finance");
    CHECK(norm("the") == "");
    CHECK(norm("Theresa May") == "theresa may");
}

TEST_CASE("a perfect prediction scores 1.0 everywhere", "[eval]") {
    const auto score = score_article(versailles_gold(), versailles_prediction());
    for (const Tally *tally : {&score.actors.tally, &score.statements.tally, &score.meetings.tally,
                               &score.strict.tally, &score.country.tally}) {
        CHECK(f1(*tally) == 1.0);
    }
    CHECK(score.statements.detected == 1);
    CHECK(score.meetings.date_ok == 1);
    CHECK(score.meetings.place_ok == 1);
    CHECK(score.strict.type_ok == 1);
    CHECK(score.strict.topic_ok == 1);
    CHECK(score.actors.items.missed.empty());
    CHECK(score.actors.items.wrong.empty());
}

TEST_CASE("a quote with the wrong speaker is detected but not attributed", "[eval]") {
    auto prediction = versailles_prediction();
    prediction.statements[0].speaker = "Vladimir Putin";
    const auto score = score_article(versailles_gold(), prediction);
    CHECK(score.statements.detected == 1);
    CHECK(score.statements.tally.gold_found == 0);
    CHECK(score.statements.tally.tp == 0);
    CHECK(score.statements.tally.predicted == 1);
    REQUIRE(score.statements.items.missed.size() == 1);
    CHECK(score.statements.items.missed[0].ends_with("(speaker wrong)"));

    SECTION("a quote much shorter than the gold one is not found at all") {
        prediction.statements[0] = {"Emmanuel Macron", "We have disagreements", "direct"};
        CHECK(score_article(versailles_gold(), prediction).statements.detected == 0);
    }
}

TEST_CASE("undirected relations match either way round, directed ones only one way", "[eval]") {
    auto gold = versailles_gold();
    auto prediction = versailles_prediction();
    prediction.relations = {relation("Russia", "France", "conflictual")};
    CHECK(score_article(gold, prediction).strict.tally.tp == 0);
    gold.relations[0].directed = false;
    CHECK(score_article(gold, prediction).strict.tally.tp == 1);

    SECTION("the polarity must agree") {
        prediction.relations = {relation("Russia", "France", "cooperative")};
        CHECK(score_article(gold, prediction).strict.tally.tp == 0);
    }
}

TEST_CASE("source_any accepts any of the listed readings", "[eval]") {
    auto gold = versailles_gold();
    gold.relations[0].source = {"Emmanuel Macron", "France"};
    auto prediction = versailles_prediction();
    prediction.relations = {relation("Macron", "Russia", "conflictual")};
    const auto score = score_article(gold, prediction);
    CHECK(score.strict.tally.tp == 1);
    CHECK(score.strict.tally.gold_found == 1);
    CHECK(score.strict.topic_n == 1);
    CHECK(score.strict.topic_ok == 0);
}

TEST_CASE("optional items may be missed and ignored ones count neither way", "[eval]") {
    auto gold = versailles_gold();
    gold.actors.push_back({"Chechnya", "place", "RUS", {}, true, false});
    gold.actors.push_back({"Reuters", "", "", {}, false, true});
    gold.meetings.push_back({{"Vladimir Putin", "Marine Le Pen"}, "", "2017-03", true, false});
    auto prediction = versailles_prediction();
    prediction.article_actors.push_back(row("Reuters", "organization", ""));

    auto score = score_article(gold, prediction);
    CHECK(f1(score.actors.tally) == 1.0);
    CHECK(f1(score.meetings.tally) == 1.0);

    prediction.article_actors.push_back(row("Chechnya", "place", "RUS"));
    prediction.article_actors.push_back(row("Sputnik", "organization", "RUS"));
    score = score_article(gold, prediction);
    CHECK(score.actors.tally.tp == 6);
    CHECK(score.actors.tally.predicted == 7);
    CHECK(score.actors.items.wrong == std::vector<std::string>{"Sputnik"});
    CHECK(score.actors.tally.gold == 5);
}

TEST_CASE("the country level rolls a person up to their country", "[eval]") {
    auto prediction = versailles_prediction();
    prediction.relations = {relation("Emmanuel Macron", "Vladimir Putin", "conflictual")};
    const auto score = score_article(versailles_gold(), prediction);
    CHECK(score.strict.tally.tp == 0);
    CHECK(score.strict.items.wrong.size() == 1);
    CHECK(score.country.tally.tp == 1);
    CHECK(score.country.tally.gold_found == 1);
    CHECK(score.country.type_ok == 1);
}

TEST_CASE("a meeting needs exactly the gold participants", "[eval]") {
    auto prediction = versailles_prediction();
    prediction.meetings.push_back({1, "2017-05-29", "Palace of Versailles", "France"});
    const auto score = score_article(versailles_gold(), prediction);
    CHECK(score.meetings.tally.tp == 0);
    CHECK(score.meetings.items.wrong ==
          std::vector<std::string>{"Emmanuel Macron + France + Vladimir Putin"});
    CHECK(precision_recall(score.meetings.tally).f1 == 0.0);
}

TEST_CASE("gold files are read with every field and rejected with the file's name", "[eval]") {
    const auto gold =
        parse_gold(R"({"actors": [{"name": "Russia", "kind": "country", "country": "RUS"}],
        "relations": [{"source_any": ["France", "Macron"], "target": "Russia", "type": "OPPOSE",
                       "polarity": "conflictual", "directed": false, "optional": true}]})",
                   "a.gold.json");
    REQUIRE(gold.relations.size() == 1);
    CHECK(gold.relations[0].source == std::vector<std::string>{"France", "Macron"});
    CHECK(gold.relations[0].target == std::vector<std::string>{"Russia"});
    CHECK_FALSE(gold.relations[0].directed);
    CHECK(gold.relations[0].optional);
    CHECK_THROWS_WITH(parse_gold("{\"actors\": [", "b.gold.json"),
                      Catch::StartsWith("cannot read b.gold.json: "));
    CHECK_THROWS_WITH(parse_gold(R"({"actors": [{"kind": "person"}]})", "c.gold.json"),
                      "cannot read c.gold.json: actors[0]: \"name\" must be a string");
}

namespace {

/// The summary of `diplograph eval` on the samples, from its --json file.
std::string eval_samples_summary(const test::TempDir &dir, const std::string &name) {
    const auto result = test::run_command(
        "eval " + std::string(DIPLOGRAPH_SAMPLES_DIR) + " --json " + dir.file(name) +
        " --min-actors 0.01 --min-statements 0.01 --min-meetings 0.01"
        " --min-relations 0.01 --min-country 0.01");
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out.starts_with("kind "));
    std::ifstream in(dir.file(name));
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document doc;
    doc.Parse(text.str().c_str());
    REQUIRE(doc.IsObject());
    std::string summary;
    for (const auto &kind : doc["summary"].GetObject()) {
        const auto &f1 = kind.value["f1"];
        REQUIRE(f1.IsNumber());
        CHECK(f1.GetDouble() > 0);
        summary +=
            std::string(kind.name.GetString()) + " f1 " + std::to_string(f1.GetDouble()) + "\n";
        for (const auto &count : kind.value.GetObject()) {
            if (count.value.IsInt()) {
                summary += std::string(count.name.GetString()) + " " +
                           std::to_string(count.value.GetInt()) + "\n";
            }
        }
    }
    return summary;
}

} // namespace

TEST_CASE("eval scores every sample above zero, the same on a second run", "[eval]") {
    const test::TempDir dir;
    const auto first = eval_samples_summary(dir, "first.json");
    const auto second = eval_samples_summary(dir, "second.json");
    CHECK_FALSE(first.empty());
    CHECK(first == second);
}

TEST_CASE("eval exits 1 below a threshold and names a malformed gold file", "[eval]") {
    const test::TempDir dir;
    dir.write(
        "a.json",
        R"({"title": "T", "published": "2017-05-29", "text": "Emmanuel Macron met Vladimir Putin."})");
    dir.write("a.gold.json", R"({"actors": [{"name": "Nobody At All", "kind": "person"}]})");
    const auto below = test::run_command("eval " + dir.path.string() + " --min-actors 0.5");
    CHECK(below.status == 1);
    CHECK(below.err.find("actors F1") != std::string::npos);
    CHECK(test::run_command("eval " + dir.path.string()).status == 0);

    dir.write("a.gold.json", R"({"actors": [)");
    const auto malformed = test::run_command("eval " + dir.path.string());
    CHECK(malformed.status == 1);
    CHECK(malformed.out.empty());
    CHECK(malformed.err.starts_with("diplograph: cannot read " + dir.file("a.gold.json") +
                                    ": malformed JSON"));
    CHECK(std::count(malformed.err.begin(), malformed.err.end(), '\n') == 1);
}
