// Tests of the segmenter: paragraphs, sentences, tokens with byte offsets, and quotation spans.
#include "common/text.hpp"
#include "helpers.hpp"
#include "segment/document.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace diplograph;

namespace {

Document split(std::string_view text) {
    return segment(text, test::lexicon().segment_rules);
}

std::vector<std::string> sentences(std::string_view text) {
    const auto doc = split(text);
    std::vector<std::string> out;
    for (const auto &s : doc.sentences) {
        out.emplace_back(doc.span_text(s.begin, s.end));
    }
    return out;
}

std::vector<std::string> tokens(const Document &doc) {
    std::vector<std::string> out;
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        out.emplace_back(doc.token_text(i));
    }
    return out;
}

std::vector<std::string> quotes(const Document &doc) {
    std::vector<std::string> out;
    for (const auto &q : doc.quotes) {
        out.emplace_back(trim(doc.span_text(q.begin, q.end)));
    }
    return out;
}

/// The index of the first token with this text.
std::uint32_t token_index(const Document &doc, std::string_view text) {
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        if (doc.token_text(i) == text) {
            return i;
        }
    }
    FAIL("no token \"" << std::string(text) << "\"");
    return 0;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("sentences end at a period, question mark or exclamation mark before a capital",
          "[segment]") {
    CHECK(sentences("Macron met Putin. They talked! Was it useful? Nobody knows.") ==
          Strings{"Macron met Putin.", "They talked!", "Was it useful?", "Nobody knows."});
}

TEST_CASE("a period before a lower-case word does not end the sentence", "[segment]") {
    CHECK(sentences("The talks lasted 3.5 hours. ok. then they left.").size() == 1);
}

TEST_CASE("sentences survive titles such as Mr. and Gen.", "[segment]") {
    CHECK(sentences("Mr. Putin met Mrs. May and Gen. Mattis. Then they left.") ==
          Strings{"Mr. Putin met Mrs. May and Gen. Mattis.", "Then they left."});
}

TEST_CASE("sentences survive acronyms with periods such as U.S. and U.N.", "[segment]") {
    const std::string text = "The U.S. envoy spoke at the U.N. Security Council. Russia objected.";
    CHECK(sentences(text) ==
          Strings{"The U.S. envoy spoke at the U.N. Security Council.", "Russia objected."});
    const auto doc = split(text);
    CHECK(doc.token_text(1) == "U.S.");
    CHECK(doc.tokens[1].upper);
    CHECK(doc.token_text(token_index(doc, "U.N.")) == "U.N.");
}

TEST_CASE("sentences survive initials such as John F. Kennedy", "[segment]") {
    CHECK(sentences("John F. Kennedy met Nikita Khrushchev in Vienna. It went badly.") ==
          Strings{"John F. Kennedy met Nikita Khrushchev in Vienna.", "It went badly."});
}

TEST_CASE("a question mark inside quotes ends the sentence", "[segment]") {
    CHECK(sentences("He asked: \xE2\x80\x9CWill you come?\xE2\x80\x9D Merkel did not answer.") ==
          Strings{"He asked: \xE2\x80\x9CWill you come?\xE2\x80\x9D", "Merkel did not answer."});
    CHECK(sentences("\"Is this the end?\" Trump asked. Kim smiled.") ==
          Strings{"\"Is this the end?\"", "Trump asked.", "Kim smiled."});
}

TEST_CASE("a question mark inside quotes followed by the attribution keeps the sentence",
          "[segment]") {
    CHECK(sentences("\xE2\x80\x9CWill you come?\xE2\x80\x9D she asked. He nodded.") ==
          Strings{"\xE2\x80\x9CWill you come?\xE2\x80\x9D she asked.", "He nodded."});
}

TEST_CASE("every line is a paragraph and sentences do not cross paragraphs", "[segment]") {
    const auto doc =
        split("First paragraph without a period\n\n  Second one. It has two sentences.\nThird");
    REQUIRE(doc.paragraphs.size() == 3);
    REQUIRE(doc.sentences.size() == 4);
    CHECK(doc.sentences[0].paragraph == 0);
    CHECK(doc.sentences[1].paragraph == 1);
    CHECK(doc.sentences[2].paragraph == 1);
    CHECK(doc.sentences[3].paragraph == 2);
    CHECK(doc.paragraphs[1].first_sentence == 1);
    CHECK(doc.paragraphs[1].last_sentence == 3);
    CHECK(doc.span_text(doc.paragraphs[1].begin, doc.paragraphs[1].end) ==
          "Second one. It has two sentences.");
}

TEST_CASE("quotation spans are found for every kind of quotation mark", "[segment]") {
    SECTION("curly double quotes") {
        const auto doc = split("Putin said \xE2\x80\x9CWe are ready\xE2\x80\x9D on Monday.");
        CHECK(quotes(doc) == Strings{"We are ready"});
        CHECK(doc.quotes[0].closed);
    }
    SECTION("straight double quotes") {
        const auto doc = split("Putin said \"We are ready\" on Monday.");
        CHECK(quotes(doc) == Strings{"We are ready"});
        CHECK(doc.quotes[0].closed);
        CHECK(doc.tokens[doc.quotes[0].open_token - 1].kind == TokenKind::quote_open);
        CHECK(doc.tokens[doc.quotes[0].close_token].kind == TokenKind::quote_close);
    }
    SECTION("guillemets") {
        const auto doc =
            split("Hollande a dit\xC2\xA0: \xC2\xAB Nous sommes pr\xC3\xAAts \xC2\xBB hier.");
        CHECK(quotes(doc) == Strings{"Nous sommes pr\xC3\xAAts"});
        CHECK(doc.quotes[0].closed);
    }
    SECTION("German low-high quotes") {
        const auto doc = split("Merkel sagte \xE2\x80\x9EWir sind bereit\xE2\x80\x9C gestern.");
        CHECK(quotes(doc) == Strings{"Wir sind bereit"});
    }
    SECTION("two quotations in one paragraph") {
        const auto doc = split("\"First part,\" he said, \"second part.\"");
        CHECK(quotes(doc) == Strings{"First part,", "second part."});
    }
}

TEST_CASE("a single-quoted quotation inside a double-quoted one is not a quotation of its own",
          "[segment]") {
    const auto doc =
        split("\xE2\x80\x9CHe told me \xE2\x80\x98never\xE2\x80\x99 twice,\xE2\x80\x9D she said.");
    CHECK(quotes(doc) == Strings{"He told me \xE2\x80\x98never\xE2\x80\x99 twice,"});
    CHECK(doc.tokens[token_index(doc, "never")].in_quote);
    CHECK(doc.tokens[token_index(doc, "twice")].in_quote);
    CHECK_FALSE(doc.tokens[token_index(doc, "she")].in_quote);
}

TEST_CASE("tokens inside a quotation are marked in_quote", "[segment]") {
    const auto doc = split("Putin said \"We are ready\" on Monday.");
    CHECK_FALSE(doc.tokens[token_index(doc, "Putin")].in_quote);
    CHECK(doc.tokens[token_index(doc, "ready")].in_quote);
    CHECK_FALSE(doc.tokens[token_index(doc, "Monday")].in_quote);
}

TEST_CASE("an unclosed quotation ends with its paragraph", "[segment]") {
    const std::string text =
        "Putin said: \xE2\x80\x9CWe will never accept this\nThe next paragraph.";
    const auto doc = split(text);
    REQUIRE(doc.quotes.size() == 1);
    CHECK_FALSE(doc.quotes[0].closed);
    CHECK(doc.quotes[0].paragraph == 0);
    CHECK(doc.quotes[0].end == doc.paragraphs[0].end);
    CHECK(doc.span_text(doc.quotes[0].begin, doc.quotes[0].end) == "We will never accept this");
    CHECK_FALSE(doc.tokens[token_index(doc, "next")].in_quote);
}

TEST_CASE("a possessive 's is a token of its own", "[segment]") {
    SECTION("straight apostrophe") {
        const auto doc = split("Russia's foreign minister spoke.");
        CHECK(tokens(doc) == Strings{"Russia", "'s", "foreign", "minister", "spoke", "."});
        CHECK(doc.tokens[1].kind == TokenKind::possessive);
    }
    SECTION("typographic apostrophe") {
        const auto doc = split("Russia\xE2\x80\x99s foreign minister spoke.");
        CHECK(tokens(doc) ==
              Strings{"Russia", "\xE2\x80\x99s", "foreign", "minister", "spoke", "."});
        CHECK(doc.tokens[1].kind == TokenKind::possessive);
    }
    SECTION("an apostrophe inside a word is part of it") {
        const auto doc = split("They won't meet O'Brien.");
        CHECK(tokens(doc) == Strings{"They", "won't", "meet", "O'Brien", "."});
    }
}

TEST_CASE("a lone apostrophe after a plural is a possessive", "[segment]") {
    const auto doc = split("The two leaders\xE2\x80\x99 relationship improved.");
    const auto mark = token_index(doc, "leaders") + 1;
    CHECK(doc.token_text(mark) == "\xE2\x80\x99");
    CHECK(doc.tokens[mark].kind == TokenKind::possessive);
    CHECK(doc.quotes.empty());
}

TEST_CASE("token offsets point into the text", "[segment]") {
    const std::string text =
        "  \xC2\xAB Le pr\xC3\xA9sident \xC2\xBB met U.S. envoys\xE2\x80\x94twice.\n"
        "Russia\xE2\x80\x99s 3,000 troops left.";
    const auto doc = split(text);
    CHECK(tokens(doc) == Strings{"\xC2\xAB", "Le", "pr\xC3\xA9sident", "\xC2\xBB", "met", "U.S.",
                                 "envoys", "\xE2\x80\x94", "twice", ".", "Russia", "\xE2\x80\x99s",
                                 "3,000", "troops", "left", "."});
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        const auto &token = doc.tokens[i];
        REQUIRE(token.begin < token.end);
        REQUIRE(token.end <= text.size());
        CHECK(doc.token_text(i) == text.substr(token.begin, token.end - token.begin));
        CHECK(doc.token_text(i).data() == text.data() + token.begin);
    }
    CHECK(doc.tokens[token_index(doc, "3,000")].kind == TokenKind::number);
    for (const auto &s : doc.sentences) {
        CHECK(s.begin == doc.tokens[s.first].begin);
        CHECK(s.end == doc.tokens[s.last - 1].end);
    }
}

TEST_CASE("phrase_tokens splits an alias as the segmenter would", "[segment]") {
    CHECK(phrase_tokens("Washington, D.C.") ==
          std::vector<std::string_view>{"Washington", ",", "D.C."});
    CHECK(phrase_tokens("Russia's") == std::vector<std::string_view>{"Russia", "'s"});
    CHECK(phrase_tokens("al-Assad") == std::vector<std::string_view>{"al-Assad"});
}
