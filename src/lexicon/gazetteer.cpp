// Token keys for gazetteer lookups.
#include "lexicon/gazetteer.hpp"

#include "common/text.hpp"

namespace diplograph {

void append_token_key(std::string &out, std::string_view token, bool fold) {
    const auto start = out.size();
    bool ascii = true;
    std::size_t pos = 0;
    while (pos < token.size()) {
        const char c = token[pos];
        if (c == '\xE2' && token.compare(pos, 3, "\u2019") == 0) {
            out += '\'';
            pos += 3;
            continue;
        }
        // ASCII letters are folded here; only other scripts need the Unicode case mapping.
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        out += fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        ++pos;
    }
    if (fold && !ascii) {
        const auto lower = to_lower(std::string_view(out).substr(start));
        out.replace(start, std::string::npos, lower);
    }
}

std::string token_key(std::string_view token, bool fold) {
    std::string key;
    key.reserve(token.size());
    append_token_key(key, token, fold);
    return key;
}

std::vector<std::string> token_keys(const Document &doc, bool fold) {
    std::vector<std::string> keys;
    keys.reserve(doc.tokens.size());
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        keys.push_back(token_key(doc.token_text(i), fold));
    }
    return keys;
}

} // namespace diplograph
