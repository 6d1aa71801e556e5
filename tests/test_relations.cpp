// Relations: pattern families, passive voice, negation, possessives, topics, roll-up.
#include "helpers.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

using diplograph::test::run;

namespace {

struct Edge {
    std::string source;
    std::string target;
    std::string type;
    std::string polarity;
    bool negated = false;
    std::vector<std::string> topics;
};

std::vector<Edge> edges(const std::string &text, const std::string &date = "2017-05-29") {
    const auto e = run(text, date);
    std::vector<Edge> out;
    for (const auto &r : e.x.relations) {
        Edge edge{e.x.actors[r.source].name,
                  e.x.actors[r.target].name,
                  r.type,
                  r.polarity,
                  r.negated,
                  {}};
        for (const auto &t : r.topics) {
            edge.topics.push_back(t.name);
        }
        out.push_back(edge);
    }
    return out;
}

bool has(const std::vector<Edge> &all, const std::string &source, const std::string &target,
         const std::string &type) {
    return std::any_of(all.begin(), all.end(), [&](const Edge &e) {
        return e.source == source && e.target == target && e.type == type && !e.negated;
    });
}

} // namespace

TEST_CASE("verbal patterns give typed, directed relations", "[relations]") {
    CHECK(has(edges("The Kremlin accused France of seeking to humiliate Putin."), "Russia",
              "France", "ACCUSE"));
    CHECK(has(edges("Moscow backed Assad throughout the war."), "Russia", "Bashar al-Assad",
              "SUPPORT"));
    CHECK(has(edges("The strike provoked the US to launch missiles on a Syrian air base."),
              "United States", "Syria", "ASSAULT"));
    CHECK(has(edges("The Macron camp refused accreditation to Sputnik."), "Emmanuel Macron",
              "Sputnik", "COERCE"));
}

TEST_CASE("nominal patterns take the possessive as the source", "[relations]") {
    const auto all = edges("France helped spearhead the EU's economic sanctions on Russia over the "
                           "seizure of Crimea.");
    CHECK(has(all, "European Union", "Russia", "SANCTION"));
    CHECK(has(all, "France", "Russia", "SANCTION"));
    for (const auto &e : all) {
        if (e.type == "SANCTION") {
            CHECK(std::find(e.topics.begin(), e.topics.end(), "Crimea") != e.topics.end());
        }
    }
}

TEST_CASE("standing relations join a pair and keep their topics", "[relations]") {
    const auto all = edges(
        "Relations between France and Russia have been plagued by mistrust, particularly over "
        "Syria and Ukraine.");
    REQUIRE(has(all, "France", "Russia", "OPPOSE"));
    const auto &e =
        *std::find_if(all.begin(), all.end(), [](const Edge &x) { return x.type == "OPPOSE"; });
    CHECK(e.polarity == "conflictual");
    CHECK(e.topics == std::vector<std::string>{"Syria", "Ukraine"});
}

TEST_CASE("the two countries refers to the pair named before", "[relations]") {
    const auto all =
        edges("France and Russia met again. The two countries are in stark opposition over Syria.");
    CHECK(has(all, "France", "Russia", "OPPOSE"));
}

TEST_CASE("passive voice swaps source and target", "[relations]") {
    CHECK(has(edges("Russia was accused by Britain of the poisoning."), "United Kingdom", "Russia",
              "ACCUSE"));
}

TEST_CASE("negated relations are kept with a flag and left out of the public view", "[relations]") {
    const auto all = edges("Macron did not accuse Russia of anything.");
    REQUIRE_FALSE(all.empty());
    CHECK(all.front().negated);
    CHECK_FALSE(has(all, "Emmanuel Macron", "Russia", "ACCUSE"));
}

TEST_CASE("modal relations are hypothetical", "[relations]") {
    const auto e = run("François Hollande said Russia could face war crimes charges over Aleppo.",
                       "2016-10-11");
    REQUIRE_FALSE(e.x.relations.empty());
    CHECK(e.x.relations.front().type == "THREATEN");
    CHECK(e.x.relations.front().modality == "hypothetical");
    CHECK(e.x.relations.front().topics.front().name == "war crimes");
}

TEST_CASE("polarity is chosen per relation, not per type", "[relations]") {
    const auto all = edges("Macron urged a closer partnership with Russia in fighting terrorism.");
    REQUIRE(has(all, "Emmanuel Macron", "Russia", "REQUEST"));
    CHECK(std::find_if(all.begin(), all.end(), [](const Edge &e) {
              return e.type == "REQUEST";
          })->polarity == "cooperative");
}

TEST_CASE("the speaker of a quote is the source of the threat it makes", "[relations]") {
    CHECK(has(edges("“We will threaten Iran if needed,” Trump said.", "2018-05-08"), "Donald Trump",
              "Iran", "THREATEN"));
}

TEST_CASE("meetings give CONSULT relations between participants", "[relations]") {
    CHECK(has(edges("Macron met Putin at Versailles."), "Emmanuel Macron", "Vladimir Putin",
              "CONSULT"));
}

TEST_CASE("the roll-up view lifts people to their countries", "[relations][store]") {
    const diplograph::test::TempDir dir;
    dir.write(
        "a.json",
        R"({"published": "2017-05-29", "text": "Macron accused Putin of meddling. Macron accused Russia of lying."})");
    const auto db_path = dir.file("kg.db");
    REQUIRE(
        diplograph::test::run_command("ingest --db " + db_path + " " + dir.file("a.json")).status ==
        0);
    SQLite::Database db(db_path);
    SQLite::Statement st(
        db,
        "SELECT relations FROM v_country_relations WHERE source = 'France' AND target = 'Russia' "
        "AND type = 'ACCUSE'");
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getInt() == 2);
}

namespace {

std::vector<std::string> topics_of(const std::vector<Edge> &all, const std::string &type) {
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const Edge &e) { return e.type == type; });
    return it == all.end() ? std::vector<std::string>{} : it->topics;
}

bool contains(const std::vector<std::string> &list, const std::string &item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

TEST_CASE("topics are named as the news names them", "[relations]") {
    SECTION("a narrower theme is its own topic") {
        const auto topics = topics_of(
            edges("Israel condemned Iran over the nuclear deal and its missile tests."), "ACCUSE");
        CHECK(contains(topics, "nuclear deal"));
        CHECK(contains(topics, "missile tests"));
        CHECK_FALSE(contains(topics, "nuclear programme"));
    }
    SECTION("the anchor word may itself name the theme") {
        CHECK(contains(topics_of(edges("Spain recognised Juan Guaidó on Monday."), "SUPPORT"),
                       "recognition"));
    }
    SECTION("a sentence-opening phrase names the theme of the whole sentence") {
        const auto all = edges("On Syria, France accused Russia of obstruction.");
        CHECK(contains(topics_of(all, "ACCUSE"), "Syria"));
        CHECK_FALSE(has(all, "Syria", "Russia", "ACCUSE")); // a comma alone makes no list
    }
}

TEST_CASE("a relative clause takes its antecedent as the source", "[relations]") {
    const auto all =
        edges("Villepin replied to the US defence secretary, Donald Rumsfeld, who last "
              "month dismissed France and Germany as old Europe.");
    CHECK(has(all, "Donald Rumsfeld", "France", "ACCUSE"));
    CHECK(has(all, "Donald Rumsfeld", "Germany", "ACCUSE"));
    CHECK_FALSE(has(all, "Dominique de Villepin", "France", "ACCUSE"));
}

TEST_CASE("a noun after a determiner borrows no source from the sentence", "[relations]") {
    const auto all = edges("Putin warned that western sanctions against Russia would fail.");
    CHECK_FALSE(has(all, "Vladimir Putin", "Russia", "SANCTION"));
    CHECK(has(edges("The EU sanctions imposed on Russia remain."), "European Union", "Russia",
              "SANCTION"));
}

TEST_CASE("breaking off relations and cancelling contacts are rejections", "[relations]") {
    CHECK(has(edges("Maduro responded by breaking off relations with the United States."),
              "Nicolás Maduro", "United States", "REJECT"));
    CHECK(has(edges("Riyadh cut ties with Tehran in January 2016."), "Saudi Arabia", "Iran",
              "REJECT"));
    CHECK(has(edges("Blinken cancelled a meeting with Sergei Lavrov.", "2022-02-25"),
              "Antony Blinken", "Sergei Lavrov", "REJECT"));
}

TEST_CASE("blame, transfers, quarrels and passive attacks", "[relations]") {
    CHECK(has(edges("India blamed the attacks on Lashkar-e-Taiba."), "India", "Lashkar-e-Taiba",
              "ACCUSE"));
    CHECK(has(edges("Russia has lent billions of dollars to Venezuela."), "Russia", "Venezuela",
              "AID"));
    CHECK(has(edges("India and Pakistan quarrelled over Kashmir."), "India", "Pakistan", "OPPOSE"));
    CHECK(
        has(edges("Ukraine was attacked by Russia on Thursday."), "Russia", "Ukraine", "ASSAULT"));
    CHECK(has(edges("Angela Merkel called Juan Guaidó the legitimate interim leader."),
              "Angela Merkel", "Juan Guaidó", "SUPPORT"));
}

TEST_CASE("a description before a name leads to the named actor", "[relations]") {
    CHECK(has(edges("Spain recognised the opposition leader Juan Guaidó as interim president.",
                    "2019-02-04"),
              "Spain", "Juan Guaidó", "SUPPORT"));
    CHECK(has(edges("Moscow has backed the government of Bashar al-Assad since 2015."), "Russia",
              "Bashar al-Assad", "SUPPORT"));
    CHECK(has(
        edges("Xi held talks with the Australian prime minister, Anthony Albanese.", "2022-11-14"),
        "Xi Jinping", "Anthony Albanese", "CONSULT"));
}

TEST_CASE("a subject may close with the people who act for it", "[relations]") {
    const auto all = edges("Spain, France, Germany, Britain and several other European countries "
                           "recognised Juan Guaidó on Monday.",
                           "2019-02-04");
    CHECK(has(all, "Spain", "Juan Guaidó", "SUPPORT"));
    CHECK(has(all, "United Kingdom", "Juan Guaidó", "SUPPORT"));
    CHECK(
        has(edges("Russian officials detained Ukrainian sailors."), "Russia", "Ukraine", "COERCE"));
}

TEST_CASE("an adverb may stand inside a pattern", "[relations]") {
    CHECK(has(edges("Japan would talk directly to North Korea about the abductions."), "Japan",
              "North Korea", "CONSULT"));
}

TEST_CASE("verbs that undo what follows negate the relation", "[relations]") {
    const auto all = edges("\"President Putin, stop your troops from attacking Ukraine,\" Guterres "
                           "said.",
                           "2022-02-25");
    CHECK_FALSE(has(all, "António Guterres", "Ukraine", "ASSAULT"));
    CHECK_FALSE(has(edges("Erdogan refused to recognise Cyprus."), "Recep Tayyip Erdoğan", "Cyprus",
                    "SUPPORT"));
}

TEST_CASE("a pronoun finds a subject behind a long relative clause", "[relations]") {
    const auto all = edges("Maduro, who began a second term in January after a 2018 election "
                           "widely denounced as fraudulent, had rejected the ultimatum. In an "
                           "interview, he warned Sánchez that he would have blood on his hands.",
                           "2019-02-04");
    CHECK(has(all, "Nicolás Maduro", "Pedro Sánchez", "THREATEN"));
}

TEST_CASE("an object relative clause points back to the target", "[relations]") {
    const auto all = edges("France has backed rebels fighting Assad, whom Russia has supported "
                           "militarily since 2015.");
    CHECK(has(all, "Russia", "Bashar al-Assad", "SUPPORT"));
    CHECK_FALSE(has(all, "France", "Bashar al-Assad", "SUPPORT"));
}

TEST_CASE("a possessive at the end of a pattern is what the relation is aimed at", "[relations]") {
    CHECK(has(edges("Germany condemned Russia's invasion of Ukraine.", "2022-02-25"), "Germany",
              "Russia", "ACCUSE"));
    // A possessive subject is still no agent.
    CHECK_FALSE(has(edges("Britain's foreign secretary backed Washington."), "United Kingdom",
                    "United States", "SUPPORT"));
}

TEST_CASE("everyday verbs and nouns of diplomatic news", "[relations]") {
    const std::string date = "2022-02-25";
    CHECK(has(edges("Iran vowed retaliation against Israel after the strike.", date), "Iran",
              "Israel", "THREATEN"));
    CHECK(has(edges("Joe Biden called Vladimir Putin a war criminal.", date), "Joe Biden",
              "Vladimir Putin", "ACCUSE"));
    CHECK(has(edges("Biden raised concerns about China's treatment of Uyghurs.", date), "Joe Biden",
              "China", "PROTEST"));
    CHECK(has(edges("Maduro rejected the European Union's ultimatum.", date), "Nicolás Maduro",
              "European Union", "REJECT"));
    CHECK(has(edges("Iran accepted Russia's offer of talks.", date), "Iran", "Russia", "AGREE"));
    CHECK(has(edges("Trump invited Kim Jong-un to the White House.", "2018-06-12"), "Donald Trump",
              "Kim Jong-un", "REQUEST"));
    CHECK(has(edges("Germany pledged 500 million euros in military aid to Ukraine.", date),
              "Germany", "Ukraine", "AID"));
    CHECK(has(edges("Russia sent troops into Georgia.", date), "Russia", "Georgia", "MOBILIZE"));
    CHECK(has(edges("China brokered a deal between Saudi Arabia and Iran.", date), "China", "Iran",
              "SUPPORT"));
    CHECK(has(edges("India and Pakistan traded accusations over Kashmir.", date), "India",
              "Pakistan", "OPPOSE"));
    CHECK(
        has(edges("Russia's dispute with Ukraine deepened.", date), "Russia", "Ukraine", "OPPOSE"));
}

TEST_CASE("easing sanctions is a concession, not a sanction", "[relations]") {
    const auto all = edges("The US will ease sanctions on Venezuela.", "2023-10-18");
    CHECK(has(all, "United States", "Venezuela", "CONCEDE"));
    CHECK_FALSE(has(all, "United States", "Venezuela", "SANCTION"));
}

TEST_CASE("what a speaker says of someone makes the speaker the source", "[relations]") {
    const std::string date = "2022-02-25";
    SECTION("a quote over two sentences") {
        const auto all =
            edges("\"Putin is the aggressor. Putin chose this war,\" Biden said.", date);
        CHECK(has(all, "Joe Biden", "Vladimir Putin", "ACCUSE"));
    }
    SECTION("a list of targets before the verb") {
        const auto all = edges("\"Russia Today and Sputnik behaved as organs of propaganda,\" "
                               "Macron said.");
        CHECK(has(all, "Emmanuel Macron", "Russia Today", "ACCUSE"));
        CHECK(has(all, "Emmanuel Macron", "Sputnik", "ACCUSE"));
    }
    SECTION("outside any statement, S matches nothing") {
        const auto all = edges("Russia launched a full-scale invasion of Ukraine.", date);
        REQUIRE(all.size() == 1);
        CHECK(all.front().type == "ASSAULT");
    }
}

TEST_CASE("any subject-verb-object pattern reads in the passive voice", "[relations]") {
    CHECK(has(edges("France was criticised by Russia over its stance on Syria."), "Russia",
              "France", "ACCUSE"));
    CHECK(has(edges("Qatar has been accused of funding terrorism by Saudi Arabia."), "Saudi Arabia",
              "Qatar", "ACCUSE"));
    const auto backed = edges("Assad is backed by Russia and Iran.");
    CHECK(has(backed, "Russia", "Bashar al-Assad", "SUPPORT"));
    CHECK(has(backed, "Iran", "Bashar al-Assad", "SUPPORT"));
    CHECK(has(edges("The rebels fought Assad, who is backed by Russia and Iran."), "Iran",
              "Bashar al-Assad", "SUPPORT"));
    CHECK(edges("Ukraine was invaded by land, sea and air.").empty());
    const auto negated = edges("Ukraine was not invaded by Belarus.");
    REQUIRE(negated.size() == 1);
    CHECK(negated.front().negated);
}

TEST_CASE("lists of actors may carry an article", "[relations]") {
    const auto all = edges("Saudi Arabia and the United Arab Emirates severed diplomatic ties "
                           "with Qatar.");
    CHECK(has(all, "Saudi Arabia", "Qatar", "REJECT"));
    CHECK(has(all, "United Arab Emirates", "Qatar", "REJECT"));
}

TEST_CASE("expressions of support name their target", "[relations]") {
    const auto all = edges("Emmanuel Macron and Angela Merkel expressed support for Ukraine.");
    CHECK(has(all, "Emmanuel Macron", "Ukraine", "SUPPORT"));
    CHECK(has(all, "Angela Merkel", "Ukraine", "SUPPORT"));
    CHECK(has(edges("Britain expelled 23 Russian diplomats over the poisoning."), "United Kingdom",
              "Russia", "SANCTION"));
}

TEST_CASE("standing relations of rivals and allies", "[relations]") {
    const std::string date = "2019-06-05";
    CHECK(has(edges("Iran and Saudi Arabia have been bitter rivals.", date), "Iran", "Saudi Arabia",
              "OPPOSE"));
    CHECK(has(edges("Israel and the United States are close allies.", date), "Israel",
              "United States", "ALIGN"));
    CHECK(has(edges("The US and Iran have been at loggerheads over the nuclear deal.", date),
              "United States", "Iran", "OPPOSE"));
    // An apposition naming a common enemy does not make the pair rivals.
    CHECK_FALSE(has(edges("Israel and Saudi Arabia, two of Iran's fiercest regional enemies, "
                          "applauded.",
                          date),
                    "Israel", "Saudi Arabia", "OPPOSE"));
}

TEST_CASE("protests, complaints, retaliation and broken relations", "[relations]") {
    const std::string date = "2019-06-05";
    CHECK(has(edges("Japan protested to China over the incursion.", date), "Japan", "China",
              "PROTEST"));
    CHECK(has(edges("The Philippines filed a complaint against China.", date), "Philippines",
              "China", "PROTEST"));
    CHECK(has(edges("Beijing retaliated against Washington with tariffs.", date), "China",
              "United States", "COERCE"));
    CHECK(has(edges("Venezuela broke diplomatic relations with Colombia.", date), "Venezuela",
              "Colombia", "REJECT"));
    CHECK(has(edges("Germany sought closer ties with China.", date), "Germany", "China",
              "COOPERATE"));
}

TEST_CASE("a capital after 'in' is a venue, not a topic", "[relations]") {
    const auto topics = topics_of(edges("European Union leaders agreed new sanctions against "
                                        "Russia at a summit in Brussels over the war in Ukraine.",
                                        "2022-02-25"),
                                  "SANCTION");
    CHECK_FALSE(contains(topics, "Brussels"));
    CHECK(contains(topics, "Ukraine"));
}

TEST_CASE("a capital stands for its country where a place cannot be the target", "[relations]") {
    CHECK(has(edges("Putin called off a trip to Paris last October.", "2016-11-01"),
              "Vladimir Putin", "France", "REJECT"));
    // An attack hits the city itself.
    CHECK(
        has(edges("Russia launched missiles at Kyiv.", "2022-10-10"), "Russia", "Kyiv", "ASSAULT"));
}

TEST_CASE("a missing subject comes from the subordinate clause the verb is in", "[relations]") {
    const auto all = edges("Angela Merkel visited Barack Obama on Monday, when the US president "
                           "said he was still considering sending defensive weapons to Ukraine.",
                           "2015-02-12");
    CHECK(has(all, "Barack Obama", "Ukraine", "AID"));
    CHECK_FALSE(has(all, "Angela Merkel", "Ukraine", "AID"));
}

TEST_CASE("asking someone for something is a request", "[relations]") {
    CHECK(has(
        edges("Ukraine, which Russia invaded in 2022, has asked Germany for tanks.", "2023-01-20"),
        "Ukraine", "Germany", "REQUEST"));
}

TEST_CASE("a short quoted label after 'as' is a topic", "[relations]") {
    const auto all =
        edges("He replied to the US defence secretary, Donald Rumsfeld, who last month "
              "dismissed France and Germany as \"old Europe\".",
              "2003-02-15");
    CHECK(contains(topics_of(all, "ACCUSE"), "old Europe"));
    // A quoted phrase elsewhere is no topic.
    const auto threat = edges("Trump threatened North Korea with \"fire and fury\".", "2017-08-09");
    REQUIRE(has(threat, "Donald Trump", "North Korea", "THREATEN"));
    CHECK_FALSE(contains(topics_of(threat, "THREATEN"), "fire and fury"));
}

TEST_CASE("peace, withdrawal from a deal, disappointment and negotiation", "[relations]") {
    CHECK(has(
        edges("Egypt, which made peace with Israel in 1979, welcomed the accords.", "2020-09-16"),
        "Egypt", "Israel", "AGREE"));
    CHECK(has(edges("Trump announced that the United States was withdrawing from the 2015 nuclear "
                    "deal with Iran.",
                    "2018-05-09"),
              "United States", "Iran", "REJECT"));
    CHECK(has(edges("The Russian foreign ministry said it was deeply disappointed by Washington's "
                    "move.",
                    "2018-05-09"),
              "Russia", "United States", "PROTEST"));
    CHECK(has(edges("Iran would negotiate with Russia and China.", "2018-05-09"), "Iran", "China",
              "CONSULT"));
}

TEST_CASE("a speaker naming someone's aggression accuses them", "[relations]") {
    CHECK(has(edges("\"We will not tolerate Russia's aggression,\" Biden said.", "2022-02-25"),
              "Joe Biden", "Russia", "ACCUSE"));
}

TEST_CASE("a subordinate clause with an unknown subject lends no source", "[relations]") {
    const auto all = edges("Merkel and Hollande flew on to Brussels for a summit of EU leaders, "
                           "where the bloc was to discuss whether to tighten sanctions against "
                           "Moscow.",
                           "2015-02-12");
    CHECK_FALSE(has(all, "Angela Merkel", "Russia", "SANCTION"));
}

TEST_CASE("more verbs and nouns of pressure and rapprochement", "[relations]") {
    const std::string date = "2020-06-05";
    CHECK(has(edges("Erdogan lashed out at Macron.", date), "Recep Tayyip Erdoğan",
              "Emmanuel Macron", "ACCUSE"));
    CHECK(has(edges("Canada froze Russia's central bank assets.", date), "Canada", "Russia",
              "SANCTION"));
    CHECK(has(edges("The US closed its embassy in Venezuela.", date), "United States", "Venezuela",
              "REJECT"));
    CHECK(has(edges("Turkey's rapprochement with Israel surprised many.", date), "Turkey", "Israel",
              "COOPERATE"));
    CHECK(has(edges("Qatar restored ties with Egypt.", date), "Qatar", "Egypt", "AGREE"));
    CHECK(has(edges("The US supplied Ukraine with Javelin missiles.", date), "United States",
              "Ukraine", "AID"));
}

TEST_CASE("a relative clause keeps its antecedent across coordinated verbs", "[relations]") {
    const auto all = edges("The clash exposed the rift between Moscow, which is bombing rebels, "
                           "and Ankara, which wants the Syrian president removed and has long "
                           "backed Juan Guaidó.",
                           "2019-02-04");
    CHECK(has(all, "Turkey", "Juan Guaidó", "SUPPORT"));
    CHECK_FALSE(has(all, "Russia", "Juan Guaidó", "SUPPORT"));
}

TEST_CASE("a pair may be split by a relative clause", "[relations]") {
    const auto all = edges("The clash exposed the deep rift between Moscow, which is bombing "
                           "rebels, and Ankara, which wants Assad removed.",
                           "2015-11-29");
    CHECK(has(all, "Russia", "Turkey", "OPPOSE"));
}

TEST_CASE("requests to meet, appeals in a quote, red lines and refused recognition",
          "[relations]") {
    CHECK(has(edges("The UN secretary general, António Guterres, made a direct appeal. "
                    "\"President Putin, stop your troops from attacking Ukraine,\" he said.",
                    "2022-02-25"),
              "António Guterres", "Vladimir Putin", "REQUEST"));
    CHECK(has(edges("Xi told Biden that the Taiwan question was \"the first red line that must not "
                    "be crossed\".",
                    "2022-11-14"),
              "Xi Jinping", "Joe Biden", "THREATEN"));
    const auto refused = edges("Canada said it would not recognise Nicolás Maduro.", "2019-02-04");
    CHECK(has(refused, "Canada", "Nicolás Maduro", "REJECT"));
    CHECK_FALSE(has(refused, "Canada", "Nicolás Maduro", "SUPPORT"));
    CHECK(has(edges("Erdogan said he wanted to meet Putin in Paris.", "2015-11-29"),
              "Recep Tayyip Erdoğan", "Vladimir Putin", "REQUEST"));
}

TEST_CASE("a speaker's charge of broken commitments, with the named agreement as topic",
          "[relations]") {
    const auto all = edges("Putin said Kiev had yet to honour its side of the Minsk agreements.");
    REQUIRE(has(all, "Vladimir Putin", "Ukraine", "ACCUSE"));
    CHECK(contains(topics_of(all, "ACCUSE"), "Minsk agreements"));
}

TEST_CASE("lists with an Oxford comma, and what is no list", "[relations]") {
    const auto regret = edges("\"France, Germany, and the UK regret the U.S. decision to leave the "
                              "JCPOA,\" Macron wrote on Twitter.",
                              "2018-05-09");
    CHECK(has(regret, "France", "United States", "PROTEST"));
    CHECK(has(regret, "United Kingdom", "United States", "PROTEST"));
    const auto stood = edges("China and Turkey have also stood by Maduro, and Cuba's president, "
                             "Miguel Díaz-Canel, accused Washington of plotting a coup.",
                             "2019-02-04");
    CHECK(has(stood, "China", "Nicolás Maduro", "SUPPORT"));
    CHECK_FALSE(has(stood, "China", "Cuba", "SUPPORT"));
    const auto pelosi =
        edges("China suspended talks after the visit by the US House speaker, Nancy "
              "Pelosi, and Washington has since imposed export controls on Chinese "
              "firms.",
              "2022-11-14");
    CHECK(has(pelosi, "United States", "China", "SANCTION"));
    CHECK_FALSE(has(pelosi, "Nancy Pelosi", "China", "SANCTION"));
}

TEST_CASE("a quotation mark may stand inside a pattern", "[relations]") {
    CHECK(has(edges("The Russian foreign ministry said it was \"deeply disappointed\" by "
                    "Washington's move.",
                    "2018-05-09"),
              "Russia", "United States", "PROTEST"));
}

TEST_CASE("an object pronoun stands for the person named last before it", "[relations]") {
    const auto all = edges("Juan Guaidó declared himself interim president in Caracas. Donald "
                           "Trump recognised him within minutes.",
                           "2019-02-04");
    CHECK(has(all, "Donald Trump", "Juan Guaidó", "SUPPORT"));
    // "her" before a noun is a possessive, not an object.
    CHECK_FALSE(
        has(edges("Theresa May met Angela Merkel. Trump backed her government.", "2018-05-09"),
            "Donald Trump", "Angela Merkel", "SUPPORT"));
}

TEST_CASE("a meeting's relation carries what the meeting was about", "[relations]") {
    const auto all = edges("Emmanuel Macron met Vladimir Putin at Versailles on Monday and spoke "
                           "bluntly about Syria and Ukraine.");
    const auto topics = topics_of(all, "CONSULT");
    CHECK(contains(topics, "Syria"));
    CHECK(contains(topics, "Ukraine"));
}

TEST_CASE("a country named before 'question' or 'dispute' is the topic", "[relations]") {
    const auto all =
        edges("Xi told Biden that the Taiwan question was \"the first red line\".", "2022-11-14");
    CHECK(contains(topics_of(all, "THREATEN"), "Taiwan"));
}

TEST_CASE("a speaker saying someone crossed the border accuses them", "[relations]") {
    const auto all = edges(
        "Kiev said that around 50 Russian tanks had crossed the border overnight.", "2015-02-12");
    CHECK(has(all, "Ukraine", "Russia", "ACCUSE"));
    CHECK(contains(topics_of(all, "ACCUSE"), "border"));
}
