// Token keys for gazetteer lookups.
#include "lexicon/gazetteer.hpp"

#include "common/text.hpp"

namespace diplograph {

std::string token_key(std::string_view token, bool fold) {
    std::string key;
    key.reserve(token.size());
    std::size_t pos = 0;
    while (pos < token.size()) {
        if (token.compare(pos, 3, "\u2019") == 0) {
            key += '\'';
            pos += 3;
        } else {
            key += token[pos++];
        }
    }
    return fold ? to_lower(key) : key;
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
