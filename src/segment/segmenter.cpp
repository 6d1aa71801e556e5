// Paragraphs, tokens with byte offsets, quotation spans and sentences.
#include "common/text.hpp"
#include "segment/document.hpp"

#include <algorithm>

namespace diplograph {

namespace {

enum class Mark : std::uint8_t {
    none,
    double_open,
    double_close,
    low_open,
    straight,
    single_open,
    single_close
};

Mark quote_mark(char32_t c) {
    switch (c) {
    case U'\u201C': // “
    case U'\u00AB': // «
    case U'\u2039': // ‹
        return Mark::double_open;
    case U'\u201E': // „
        return Mark::low_open;
    case U'\u201D': // ”
    case U'\u00BB': // »
    case U'\u203A': // ›
        return Mark::double_close;
    case U'"':
        return Mark::straight;
    case U'\u2018': // ‘
        return Mark::single_open;
    case U'\u2019': // ’
    case U'\'':
        return Mark::single_close;
    default:
        return Mark::none;
    }
}

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019';
}

char32_t peek(std::string_view text, std::size_t pos, std::size_t end) {
    if (pos >= end) {
        return 0;
    }
    return next_code_point(text, pos);
}

bool is_word_char(char32_t c) {
    return is_letter(c) || is_digit(c);
}

/// One token found by the scanner, with the raw quote mark when it is one.
struct RawToken {
    Token token;
    Mark mark = Mark::none;
};

/// Extends a word token from `pos`; returns the end of the word.
std::size_t scan_word(std::string_view text, std::size_t start, std::size_t pos, std::size_t end) {
    while (pos < end) {
        std::size_t next = pos;
        const char32_t c = next_code_point(text, next);
        if (is_word_char(c)) {
            pos = next;
            continue;
        }
        const char32_t after = peek(text, next, end);
        if ((c == U'-' || c == U'\u2010') && is_word_char(after)) {
            pos = next;
            continue;
        }
        if ((c == U'.' || c == U',') && is_digit(after) && pos > start &&
            is_digit(static_cast<unsigned char>(text[pos - 1]))) {
            pos = next;
            continue;
        }
        if (is_apostrophe(c) && is_letter(after)) {
            // "Russia's": stop so that the possessive becomes its own token.
            std::size_t after_s = next;
            next_code_point(text, after_s);
            if ((after == U's' || after == U'S') && !is_word_char(peek(text, after_s, end))) {
                break;
            }
            pos = next;
            continue;
        }
        if (c == U'.' && is_upper(after) && pos - start == 1) {
            // Acronyms with periods: "U.S.", "U.N." keep their periods.
            std::size_t probe = next;
            next_code_point(text, probe);
            if (peek(text, probe, end) == U'.') {
                pos = probe + 1;
                while (pos + 1 < end && is_upper(static_cast<unsigned char>(text[pos])) &&
                       text[pos + 1] == '.') {
                    pos += 2;
                }
                return pos;
            }
        }
        break;
    }
    return pos;
}

void scan_tokens(std::string_view text, std::size_t pos, std::size_t end,
                 std::vector<RawToken> &out) {
    while (pos < end) {
        const std::size_t start = pos;
        const char32_t c = next_code_point(text, pos);
        if (is_space(c)) {
            continue;
        }
        RawToken raw;
        raw.token.begin = static_cast<std::uint32_t>(start);
        if (is_word_char(c)) {
            pos = scan_word(text, start, pos, end);
            raw.token.kind = is_digit(c) ? TokenKind::number : TokenKind::word;
            raw.token.upper = is_upper(c);
        } else if (is_apostrophe(c) &&
                   (peek(text, pos, end) == U's' || peek(text, pos, end) == U'S') && !out.empty() &&
                   out.back().token.end == start) {
            std::size_t after = pos;
            next_code_point(text, after);
            if (!is_word_char(peek(text, after, end))) {
                pos = after;
                raw.token.kind = TokenKind::possessive;
            } else {
                raw.token.kind = TokenKind::punct;
            }
        } else {
            raw.mark = quote_mark(c);
            raw.token.kind = TokenKind::punct;
        }
        raw.token.end = static_cast<std::uint32_t>(pos);
        out.push_back(raw);
    }
}

bool opens(Mark mark) {
    return mark == Mark::double_open || mark == Mark::low_open || mark == Mark::single_open;
}

/// Resolves quote marks into open/close tokens and records top-level quotation spans.
void find_quotes(std::string_view text, std::vector<RawToken> &raw, std::uint32_t token_base,
                 std::uint32_t paragraph, std::uint32_t paragraph_end,
                 std::vector<QuoteSpan> &quotes) {
    std::vector<std::pair<Mark, std::size_t>> stack;
    QuoteSpan current;
    const auto close_to = [&](std::size_t depth, std::size_t i) {
        stack.resize(depth);
        raw[i].token.kind = TokenKind::quote_close;
        if (stack.empty()) {
            current.end = raw[i].token.begin;
            current.close_token = token_base + static_cast<std::uint32_t>(i);
            quotes.push_back(current);
        }
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const Mark mark = raw[i].mark;
        if (mark == Mark::none) {
            raw[i].token.in_quote = !stack.empty();
            continue;
        }
        const auto find_open = [&](auto match) -> std::ptrdiff_t {
            for (std::size_t d = stack.size(); d-- > 0;) {
                if (match(stack[d].first)) {
                    return static_cast<std::ptrdiff_t>(d);
                }
            }
            return -1;
        };
        std::ptrdiff_t depth = -1;
        if (mark == Mark::double_close ||
            (mark == Mark::double_open && !stack.empty() && stack.back().first == Mark::low_open)) {
            depth = find_open([](Mark m) { return m == Mark::double_open || m == Mark::low_open; });
        } else if (mark == Mark::straight) {
            depth = find_open([](Mark m) { return m == Mark::straight; });
        } else if (mark == Mark::single_close) {
            depth = find_open([](Mark m) { return m == Mark::single_open; });
            if (depth < 0) {
                // An apostrophe: "the two leaders’ relationship" is a plural possessive.
                const bool plural = i > 0 && raw[i - 1].token.end == raw[i].token.begin &&
                                    (text[raw[i].token.begin - 1] == 's');
                raw[i].token.kind = plural ? TokenKind::possessive : TokenKind::punct;
                raw[i].token.in_quote = !stack.empty();
                continue;
            }
        }
        if (depth >= 0) {
            close_to(static_cast<std::size_t>(depth), i);
            raw[i].token.in_quote = !stack.empty();
        } else if (opens(mark) || mark == Mark::straight) {
            raw[i].token.in_quote = !stack.empty();
            raw[i].token.kind = TokenKind::quote_open;
            if (stack.empty()) {
                current = QuoteSpan{
                    raw[i].token.end, 0,   token_base + static_cast<std::uint32_t>(i) + 1, 0,
                    paragraph,        true};
            }
            stack.emplace_back(mark, i);
        } else {
            raw[i].token.in_quote = !stack.empty();
        }
    }
    if (!stack.empty()) {
        current.end = paragraph_end;
        current.close_token = token_base + static_cast<std::uint32_t>(raw.size());
        current.closed = false;
        quotes.push_back(current);
    }
}

bool ends_sentence(std::string_view t) {
    return t == "." || t == "!" || t == "?" || t == "\u2026";
}

bool is_abbreviation(const Document &doc, std::uint32_t period, std::uint32_t first,
                     const SegmentRules &rules) {
    if (doc.token_text(period) != "." || period == first) {
        return false;
    }
    const Token &before = doc.tokens[period - 1];
    if (before.end != doc.tokens[period].begin) {
        return false;
    }
    const auto word = doc.token_text(period - 1);
    // A single capital is an initial: "John F. Kennedy".
    if (word.size() == 1 && before.upper) {
        return true;
    }
    return rules.abbreviations.contains(std::string(word));
}

/// Splits the tokens of one paragraph into sentences.
void split_sentences(Document &doc, std::uint32_t first, std::uint32_t last,
                     std::uint32_t paragraph, const SegmentRules &rules) {
    std::uint32_t start = first;
    for (std::uint32_t i = first; i < last; ++i) {
        if (doc.tokens[i].kind != TokenKind::punct || !ends_sentence(doc.token_text(i)) ||
            is_abbreviation(doc, i, start, rules)) {
            continue;
        }
        std::uint32_t j = i + 1;
        while (j < last && (doc.tokens[j].kind == TokenKind::quote_close ||
                            doc.token_text(j) == ")" || ends_sentence(doc.token_text(j)))) {
            ++j;
        }
        const bool next_starts = j == last || doc.tokens[j].upper ||
                                 doc.tokens[j].kind == TokenKind::quote_open ||
                                 doc.tokens[j].kind == TokenKind::number;
        if (!next_starts) {
            continue;
        }
        doc.sentences.push_back(
            Sentence{doc.tokens[start].begin, doc.tokens[j - 1].end, start, j, paragraph});
        start = j;
        i = j - 1;
    }
    if (start < last) {
        doc.sentences.push_back(
            Sentence{doc.tokens[start].begin, doc.tokens[last - 1].end, start, last, paragraph});
    }
}

} // namespace

Document segment(std::string_view text, const SegmentRules &rules) {
    Document doc;
    doc.text = text;
    std::size_t pos = 0;
    std::vector<RawToken> raw;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        end = end == std::string_view::npos ? text.size() : end;
        const auto line = trim(text.substr(pos, end - pos));
        if (!line.empty()) {
            const auto begin = static_cast<std::uint32_t>(line.data() - text.data());
            const auto line_end = static_cast<std::uint32_t>(begin + line.size());
            const auto index = static_cast<std::uint32_t>(doc.paragraphs.size());
            raw.clear();
            scan_tokens(text, begin, line_end, raw);
            const auto first = static_cast<std::uint32_t>(doc.tokens.size());
            find_quotes(text, raw, first, index, line_end, doc.quotes);
            for (const auto &r : raw) {
                doc.tokens.push_back(r.token);
            }
            Paragraph paragraph{begin, line_end, static_cast<std::uint32_t>(doc.sentences.size()),
                                0, false};
            split_sentences(doc, first, static_cast<std::uint32_t>(doc.tokens.size()), index,
                            rules);
            paragraph.last_sentence = static_cast<std::uint32_t>(doc.sentences.size());
            doc.paragraphs.push_back(paragraph);
        }
        pos = end + 1;
    }
    return doc;
}

} // namespace diplograph

namespace diplograph {

void phrase_tokens(std::string_view phrase, std::vector<std::string_view> &out) {
    out.clear();
    // Most lexicon phrases are ASCII letters and digits between spaces ("Vladimir Putin"), which
    // the scanner would split at the spaces and nowhere else; the lexicon loads thousands.
    const bool plain = std::all_of(phrase.begin(), phrase.end(), [](char c) {
        return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    });
    if (plain) {
        std::size_t pos = 0;
        while (pos < phrase.size()) {
            const auto end = std::min(phrase.find(' ', pos), phrase.size());
            if (end > pos) {
                out.push_back(phrase.substr(pos, end - pos));
            }
            pos = end + 1;
        }
        return;
    }
    std::vector<RawToken> raw;
    scan_tokens(phrase, 0, phrase.size(), raw);
    out.reserve(raw.size());
    for (const auto &r : raw) {
        out.push_back(phrase.substr(r.token.begin, r.token.end - r.token.begin));
    }
}

std::vector<std::string_view> phrase_tokens(std::string_view phrase) {
    std::vector<std::string_view> out;
    phrase_tokens(phrase, out);
    return out;
}

} // namespace diplograph
