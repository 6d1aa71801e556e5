// What each fuzz target does with one input, shared with the regression test that replays the
// inputs kept in tests/regressions/: any crash, sanitizer report or non-InputError exception is
// a finding.
#pragma once

#include "common/errors.hpp"
#include "common/text.hpp"
#include "extract/extraction.hpp"
#include "lexicon/lexicon.hpp"
#include "reader/reader.hpp"
#include "segment/document.hpp"

#include <stdexcept>
#include <string_view>

namespace diplograph::fuzz {

/// A broken promise: thrown so that libFuzzer (uncaught) and Catch2 (caught) both report it.
[[noreturn]] inline void finding(const char *what) {
    throw std::logic_error(what);
}

/// The first byte picks the format (JSON, JSON Lines record, text or HTML); the rest is the file.
inline void read_article(std::string_view bytes) {
    if (bytes.empty()) {
        return;
    }
    constexpr ArticleFormat formats[] = {ArticleFormat::json, ArticleFormat::jsonl,
                                         ArticleFormat::txt, ArticleFormat::html};
    const auto format = formats[static_cast<unsigned char>(bytes[0]) % 4];
    try {
        const Article article = parse_article(bytes.substr(1), format, "fuzz", ArticleDefaults{});
        // The reader promises valid UTF-8 in NFC (a U+FEFF inside the page may stay, so this is
        // not clean_text(), which drops one at the start).
        if (find_invalid_utf8(article.text) || normalize_nfc(article.text) != article.text) {
            finding("the reader returned text that is not valid NFC UTF-8");
        }
    } catch (const InputError &) {
    }
}

/// The input as article text (cleaned as the readers do), segmented; offsets are checked.
inline void segment_text(std::string_view bytes, const SegmentRules &rules) {
    std::string text;
    try {
        text = clean_text(bytes, "fuzz");
    } catch (const InputError &) {
        return;
    }
    const Document doc = segment(text, rules);
    for (const auto &token : doc.tokens) {
        if (token.begin > token.end || token.end > text.size()) {
            finding("a token lies outside the text");
        }
    }
    for (const auto &sentence : doc.sentences) {
        if (sentence.begin > sentence.end || sentence.end > text.size() ||
            sentence.first > sentence.last || sentence.last > doc.tokens.size()) {
            finding("a sentence lies outside the text or the tokens");
        }
    }
}

/// The input as article text, through every extraction stage.
inline void extract_text(std::string_view bytes, const Lexicon &lexicon) {
    Article article;
    try {
        article.text = clean_text(bytes, "fuzz");
    } catch (const InputError &) {
        return;
    }
    article.published = Date{2017, 5, 29};
    article.origin = "fuzz";
    const Extraction extraction = extract(article, lexicon);
    for (const auto &mention : extraction.mentions) {
        if (mention.actor < 0 ||
            static_cast<std::size_t>(mention.actor) >= extraction.actors.size()) {
            finding("a mention names no actor");
        }
    }
}

} // namespace diplograph::fuzz
