// Tests of the lexicon: the shipped files load, hold what the extractor relies on, and a broken
// line is reported with its file and line number.
#include "common/errors.hpp"
#include "helpers.hpp"
#include "reader/reader.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace diplograph;
using Catch::Matchers::Contains;
using Catch::Matchers::VectorContains;

namespace {

namespace fs = std::filesystem;

/// The alpha-3 codes of Debian's ISO 3166-1 list.
std::vector<std::string> iso_codes() {
    const std::string bytes = read_file(DIPLOGRAPH_ISO_CODES, 8u << 20);
    rapidjson::Document doc;
    doc.Parse(bytes.data(), bytes.size());
    REQUIRE_FALSE(doc.HasParseError());
    std::vector<std::string> codes;
    for (const auto &entry : doc["3166-1"].GetArray()) {
        codes.emplace_back(entry["alpha_3"].GetString());
    }
    return codes;
}

int country(const Lexicon &lex, const std::string &code) {
    const auto it = lex.by_code.find(code);
    REQUIRE(it != lex.by_code.end());
    return it->second;
}

std::string holder_name(const Lexicon &lex, const std::string &code, const std::string &office,
                        const char *date) {
    const int person = lex.office_holder(country(lex, code), office, *parse_iso_date(date));
    return person < 0 ? "" : lex.actors[person].name;
}

/// Replaces the first line of `file` that is neither blank nor a comment; returns its line number.
int corrupt_first_entry(const fs::path &file, const std::string &replacement) {
    std::ifstream in(file);
    std::string line;
    std::ostringstream out;
    int number = 0;
    int replaced = 0;
    while (std::getline(in, line)) {
        ++number;
        if (replaced == 0 && !line.empty() && line.front() != '#') {
            line = replacement;
            replaced = number;
        }
        out << line << '\n';
    }
    in.close();
    std::ofstream(file, std::ios::trunc) << out.str();
    REQUIRE(replaced > 0);
    return replaced;
}

/// A copy of the real lexicon in a temporary directory, with one line of one file replaced;
/// returns the message of the InputError loading it throws.
std::string load_error_after_corrupting(const std::string &relative_file,
                                        const std::string &replacement, int &line) {
    const test::TempDir dir;
    const auto copy = dir.path / "lexicon";
    fs::copy(default_lexicon_dir(), copy, fs::copy_options::recursive);
    line = corrupt_first_entry(copy / relative_file, replacement);
    try {
        load_lexicon(copy.string(), DIPLOGRAPH_ISO_CODES);
    } catch (const InputError &e) {
        return e.what();
    }
    FAIL("loading the corrupted lexicon threw no InputError");
    return {};
}

} // namespace

TEST_CASE("the shipped lexicon loads", "[lexicon]") {
    const auto started = std::chrono::steady_clock::now();
    const Lexicon lex = load_lexicon(default_lexicon_dir(), DIPLOGRAPH_ISO_CODES);
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - started;
    WARN("loading the lexicon took " << elapsed.count() << " ms (" << lex.actors.size()
                                     << " actors, " << lex.names.size() << " name phrases)");
    CHECK(lex.actors.size() > 300);
    CHECK(lex.roles.size() > 50);
    CHECK(lex.patterns.size() > 10);
    CHECK(lex.names.size() > lex.actors.size());
    CHECK(lex.segment_rules.abbreviations.contains("Mr"));
    // More than 64 cue categories: each still has its own bit.
    CHECK(lex.category_bits.size() > 64);
    CHECK((lex.categories_of("him") & lex.category_bit("object_pronoun")).any());
    CHECK_FALSE((lex.categories_of("him") & lex.category_bit("negation")).any());
}

TEST_CASE("a country is called by its common name", "[lexicon]") {
    const auto &lex = test::lexicon();
    const auto &russia = lex.actors[country(lex, "RUS")];
    CHECK(russia.name == "Russia");
    CHECK(russia.kind == ActorKind::country);
    CHECK(russia.country == "RUS");
    CHECK_THAT(russia.aliases, VectorContains(std::string("Russian Federation")));
    CHECK(lex.find("Russia") == country(lex, "RUS"));
    CHECK(lex.actors[country(lex, "USA")].name == "United States");
    CHECK(lex.actors[country(lex, "GBR")].name == "United Kingdom");
}

TEST_CASE("every ISO 3166-1 code and Kosovo has a country actor", "[lexicon]") {
    const auto &lex = test::lexicon();
    auto codes = iso_codes();
    CHECK(codes.size() >= 249);
    codes.emplace_back("XKX");
    for (const auto &code : codes) {
        INFO("code " << code);
        const auto it = lex.by_code.find(code);
        REQUIRE(it != lex.by_code.end());
        const auto &actor = lex.actors[it->second];
        CHECK(actor.kind == ActorKind::country);
        CHECK(actor.country == code);
        CHECK_FALSE(actor.name.empty());
    }
    CHECK(lex.actors[country(lex, "XKX")].name == "Kosovo");
}

TEST_CASE("office holders change with the date", "[lexicon]") {
    const auto &lex = test::lexicon();
    CHECK(holder_name(lex, "FRA", "president", "2016-06-01") == "François Hollande");
    CHECK(holder_name(lex, "FRA", "president", "2018-06-01") == "Emmanuel Macron");
    CHECK(holder_name(lex, "FRA", "president", "2017-05-13") == "François Hollande");
    CHECK(holder_name(lex, "FRA", "president", "2017-05-14") == "Emmanuel Macron");
    CHECK(holder_name(lex, "RUS", "president", "2010-01-01") != "Vladimir Putin");
    CHECK(holder_name(lex, "RUS", "president", "2017-05-29") == "Vladimir Putin");
    CHECK(holder_name(lex, "FRA", "no such office", "2018-06-01").empty());
}

TEST_CASE("people are found by name and keep their country", "[lexicon]") {
    const auto &lex = test::lexicon();
    const int putin = lex.find("Vladimir Putin");
    REQUIRE(putin >= 0);
    CHECK(lex.actors[putin].kind == ActorKind::person);
    CHECK(lex.actors[putin].country == "RUS");
    CHECK(lex.find("Nobody In Particular") == -1);
}

TEST_CASE("inflections give the regular forms of a verb", "[lexicon]") {
    const auto accuse = inflections("accuse");
    for (const char *form : {"accuse", "accuses", "accused", "accusing"}) {
        CHECK_THAT(accuse, VectorContains(std::string(form)));
    }
    const auto ban = inflections("ban");
    for (const char *form : {"ban", "bans", "banned", "banning"}) {
        CHECK_THAT(ban, VectorContains(std::string(form)));
    }
    const auto back = inflections("back");
    for (const char *form : {"back", "backs", "backed", "backing"}) {
        CHECK_THAT(back, VectorContains(std::string(form)));
    }
    const auto deny = inflections("deny");
    for (const char *form : {"denies", "denied", "denying"}) {
        CHECK_THAT(deny, VectorContains(std::string(form)));
    }
    const auto impose = inflections("impose sanctions");
    CHECK_THAT(impose, VectorContains(std::string("imposed sanctions")));
    const auto expel = inflections("expel");
    for (const char *form : {"expels", "expelled", "expelling"}) {
        CHECK_THAT(expel, VectorContains(std::string(form)));
    }
    const auto cancel = inflections("cancel"); // British and American spelling
    for (const char *form : {"cancelled", "canceled", "cancelling"}) {
        CHECK_THAT(cancel, VectorContains(std::string(form)));
    }
}

TEST_CASE("a text map finds every key it was given and no other", "[lexicon]") {
    TextMap<int> map;
    CHECK(map.find("anything") == nullptr); // an empty map has no table yet
    // Enough keys, of every length up to 20 bytes, for the table to grow several times.
    std::vector<std::string> keys{""};
    for (int i = 0; i < 3000; ++i) {
        keys.push_back(std::string(static_cast<std::size_t>(i % 20), 'x') + std::to_string(i));
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto [value, added] = map.emplace(keys[i], static_cast<int>(i));
        CHECK(added);
        CHECK(*value == static_cast<int>(i));
    }
    CHECK(map.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const int *value = map.find(std::string_view(keys[i]));
        REQUIRE(value != nullptr);
        CHECK(*value == static_cast<int>(i));
    }
    CHECK(map.find("x3000") == nullptr);
    CHECK(map.find("xx") == nullptr);
    SECTION("adding a known key keeps its value") {
        CHECK_FALSE(map.emplace(keys[7], -1).second);
        CHECK(*map.find(keys[7]) == 7);
        map["new"] += 2;
        map["new"] += 3;
        CHECK(*map.find("new") == 5);
        CHECK(map.size() == keys.size() + 1);
    }
}

TEST_CASE("a malformed lexicon line is reported with its file and line", "[lexicon]") {
    int line = 0;
    SECTION("an unknown key in a people file") {
        const auto message =
            load_error_after_corrupting("people/world.txt", "Jane Doe | nationality: FRA", line);
        CHECK_THAT(message,
                   Contains("world.txt:" + std::to_string(line)) && Contains("nationality"));
    }
    SECTION("a role with a date that does not exist") {
        const auto message = load_error_after_corrupting(
            "roles/g20.txt", "FRA | president | Jane Doe | 2017-02-30 |", line);
        CHECK_THAT(message, Contains("g20.txt:" + std::to_string(line)));
    }
    SECTION("a country code that does not exist") {
        const auto message =
            load_error_after_corrupting("places/world.txt", "Atlantis | country: ATL", line);
        CHECK_THAT(message, Contains("world.txt:" + std::to_string(line)) && Contains("ATL"));
    }
    SECTION("an event whose date does not exist") {
        const auto message = load_error_after_corrupting(
            "events.txt", "2017-02-30 | Nothing | words: nothing", line);
        CHECK_THAT(message, Contains("events.txt:" + std::to_string(line)));
    }
    SECTION("an event with an unknown key") {
        const auto message =
            load_error_after_corrupting("events.txt", "2017-04-23 | Election | when: spring", line);
        CHECK_THAT(message, Contains("events.txt:" + std::to_string(line)) && Contains("when"));
    }
    SECTION("a place inside a place the lexicon does not have") {
        const auto message = load_error_after_corrupting(
            "places/world.txt", "Nowhere | country: FRA | in: Atlantis", line);
        CHECK_THAT(message, Contains("world.txt:" + std::to_string(line)) && Contains("Atlantis"));
    }
    SECTION("too few fields in a relation pattern") {
        const auto message = load_error_after_corrupting("relations.txt", "CONDEMN", line);
        CHECK_THAT(message, Contains("relations.txt:" + std::to_string(line)));
    }
    SECTION("a relation pattern with both a speaker and a source") {
        const auto message = load_error_after_corrupting(
            "relations.txt", "ACCUSE | conflictual | S X accuse+ Y", line);
        CHECK_THAT(message,
                   Contains("relations.txt:" + std::to_string(line)) && Contains("source once"));
    }
}

TEST_CASE("a missing lexicon directory is an input error", "[lexicon]") {
    CHECK_THROWS_AS(load_lexicon("/nonexistent/diplograph-lexicon", DIPLOGRAPH_ISO_CODES),
                    InputError);
}
