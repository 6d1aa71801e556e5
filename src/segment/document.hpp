// A segmented article: paragraphs, sentences, tokens and quotation spans, all as byte offsets
// into the article text (which must outlive the Document).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace diplograph {

enum class TokenKind : std::uint8_t {
    word,
    number,
    punct,
    quote_open,  ///< “ « „ ‘ ‹ and a straight quote that opens
    quote_close, ///< ” » ’ › and a straight quote that closes
    possessive,  ///< 's, ’s, or a lone ’ after a plural
};

struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::word;
    bool upper = false;    ///< starts with an upper-case letter
    bool in_quote = false; ///< inside a (top-level) quotation
};

struct Sentence {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t first = 0; ///< first token index
    std::uint32_t last = 0;  ///< one past the last token index
    std::uint32_t paragraph = 0;
};

struct Paragraph {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t first_sentence = 0;
    std::uint32_t last_sentence = 0; ///< one past
    bool noise = false; ///< a caption, share bar or related-link line: no facts come from it
};

/// A top-level quotation: text between its marks.
struct QuoteSpan {
    std::uint32_t begin = 0; ///< first byte after the opening mark
    std::uint32_t end = 0;   ///< the closing mark's first byte (or paragraph end)
    std::uint32_t open_token = 0;
    std::uint32_t close_token = 0; ///< one past the quoted tokens (the closing mark when closed)
    std::uint32_t paragraph = 0;
    bool closed = true; ///< false when the paragraph ends inside the quote
};

struct Document {
    std::string_view text;
    std::vector<Paragraph> paragraphs;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    std::vector<QuoteSpan> quotes;

    std::string_view token_text(std::uint32_t i) const {
        return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    }
    std::string_view span_text(std::uint32_t begin, std::uint32_t end) const {
        return text.substr(begin, end - begin);
    }
};

/// What the segmenter needs to know about the language: words that end with a period
/// without ending a sentence ("Mr", "Gen", "Jan").
struct SegmentRules {
    std::unordered_set<std::string> abbreviations;
};

/// Splits text into paragraphs (at line breaks), sentences and tokens, and finds quotations.
Document segment(std::string_view text, const SegmentRules &rules);

} // namespace diplograph

namespace diplograph {

/// The word tokens of a short phrase (a lexicon alias), split exactly as segment() would.
std::vector<std::string_view> phrase_tokens(std::string_view phrase);
/// The same into `out` (cleared first), for callers that split thousands of phrases.
void phrase_tokens(std::string_view phrase, std::vector<std::string_view> &out);

} // namespace diplograph
