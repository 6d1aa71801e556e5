// UTF-8 helpers built on utf8proc.
#include "common/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace diplograph {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos; // ASCII is always valid; skipping it keeps lexicon loading fast
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(text.data() + pos);
        const auto length =
            utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (length <= 0) {
            return pos;
        }
        pos += static_cast<std::size_t>(length);
    }
    return std::nullopt;
}

std::optional<std::string> json_string_error(std::string_view value, std::string_view field) {
    const auto bad = find_invalid_utf8(value);
    if (!bad) {
        return std::nullopt;
    }
    // Appended piece by piece: GCC 12 misreads `"..." + std::string&&` as an overlapping copy.
    std::string message = "\"";
    message += field;
    message += "\" holds a \\u escape that is no Unicode character (an unpaired surrogate) at ";
    message += "byte " + std::to_string(*bad) + " of its value";
    return message;
}

namespace {

/// Whether NFC leaves the code point alone whatever surrounds it: it does not decompose, has
/// combining class 0 and is never the second half of a composition. Checked against the
/// Unicode data for Latin (below U+0300), general punctuation except U+2000 and U+2001 (which
/// decompose), and currency signs.
bool is_nfc_inert(char32_t c) {
    return c < 0x300 || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20BF);
}

/// Text made only of NFC-inert code points is NFC already (the quick check answers "yes").
bool is_plainly_nfc(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (!is_nfc_inert(next_code_point(text, pos))) {
            return false;
        }
    }
    return true;
}

} // namespace

std::string normalize_nfc(std::string_view text) {
    // Nearly all news text is Latin script and punctuation, which utf8proc would copy unchanged
    // at several times the cost of this check.
    if (is_plainly_nfc(text)) {
        return std::string(text);
    }
    utf8proc_uint8_t *out = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (length < 0) {
        return std::string(text);
    }
    return std::string(reinterpret_cast<const char *>(out), static_cast<std::size_t>(length));
}

char32_t next_code_point(std::string_view text, std::size_t &pos) {
    if (const auto byte = static_cast<unsigned char>(text[pos]); byte < 0x80) {
        ++pos;
        return byte;
    }
    utf8proc_int32_t cp = 0;
    const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(text.data() + pos);
    const auto length =
        utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0) {
        ++pos;
        return U'\uFFFD';
    }
    pos += static_cast<std::size_t>(length);
    return static_cast<char32_t>(cp);
}

bool is_letter(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_MN;
}

bool is_upper(char32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

bool is_space(char32_t c) {
    if (c < 0x80) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    }
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP || c == 0x200B || c == 0xFEFF;
}

bool starts_upper(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    std::size_t pos = 0;
    return is_upper(next_code_point(text, pos));
}

std::string to_lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (const char c = text[pos]; static_cast<unsigned char>(c) < 0x80) {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            ++pos;
            continue;
        }
        const auto c = static_cast<utf8proc_int32_t>(next_code_point(text, pos));
        utf8proc_uint8_t buffer[4];
        const auto length = utf8proc_encode_char(utf8proc_tolower(c), buffer);
        out.append(reinterpret_cast<const char *>(buffer), static_cast<std::size_t>(length));
    }
    return out;
}

std::string fold_key(std::string_view text) {
    utf8proc_uint8_t *out = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (length < 0) {
        return to_lower(text);
    }
    // Punctuation becomes a single space, so "al-Assad" and "al Assad" compare equal.
    std::string folded(reinterpret_cast<const char *>(out), static_cast<std::size_t>(length));
    std::string key;
    std::size_t pos = 0;
    bool space = true;
    while (pos < folded.size()) {
        const std::size_t start = pos;
        const char32_t c = next_code_point(folded, pos);
        if (is_letter(c) || is_digit(c)) {
            key.append(folded, start, pos - start);
            space = false;
        } else if (!space) {
            key += ' ';
            space = true;
        }
    }
    if (!key.empty() && key.back() == ' ') {
        key.pop_back();
    }
    return key;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t next = begin;
        if (!is_space(next_code_point(text, next))) {
            break;
        }
        begin = next;
    }
    std::size_t end = text.size();
    while (end > begin) {
        // Step back to the first byte of the last code point.
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
            --start;
        }
        std::size_t next = start;
        if (!is_space(next_code_point(text, next)) || next != end) {
            break;
        }
        end = start;
    }
    return text.substr(begin, end - begin);
}

} // namespace diplograph
