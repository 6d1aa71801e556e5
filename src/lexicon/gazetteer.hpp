// Phrase lookup over tokens: every phrase maps to one value; the longest phrase starting at a
// token wins.
#pragma once

#include "lexicon/text_map.hpp"
#include "segment/document.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

/// The comparison key of one token: typographic apostrophes become ', and with `fold` the
/// text is lower-cased.
std::string token_key(std::string_view token, bool fold);
/// The same, appended to `out`.
void append_token_key(std::string &out, std::string_view token, bool fold);

/// Keys of every token of a document, as token_key() makes them.
std::vector<std::string> token_keys(const Document &doc, bool fold);

template <class T> class Gazetteer {
public:
    explicit Gazetteer(bool fold_case = false) : m_fold(fold_case) {}

    /// The value slot of a phrase, created empty when the phrase is new. A leading "the" is
    /// dropped. Returns nullptr for a phrase with no tokens.
    T *add(std::string_view phrase) {
        // Loading the lexicon adds tens of thousands of phrases: the words and keys go to
        // buffers kept between calls, and only a new phrase's keys are copied.
        phrase_tokens(phrase, m_words);
        std::size_t from = 0;
        if (m_words.size() > 1 && (m_words.front() == "the" || m_words.front() == "The")) {
            from = 1;
        }
        if (from >= m_words.size()) {
            return nullptr;
        }
        // The later tokens' keys, each followed by a separator: one string per phrase, not one
        // per token.
        m_rest.clear();
        for (std::size_t i = from + 1; i < m_words.size(); ++i) {
            append_token_key(m_rest, m_words[i], m_fold);
            m_rest += separator;
        }
        const auto length = static_cast<std::uint32_t>(m_words.size() - from - 1);
        m_first_key.clear();
        append_token_key(m_first_key, m_words[from], m_fold);
        auto &bucket = m_first[m_first_key];
        for (const auto &known : bucket) {
            if (known.length == length && known.rest == m_rest) {
                return &m_values[known.value];
            }
        }
        // Longest first, in insertion order among equals: what a stable sort would give,
        // without sorting the bucket again on every insert.
        const auto at =
            std::upper_bound(bucket.begin(), bucket.end(), length,
                             [](std::uint32_t n, const Phrase &p) { return n > p.length; });
        const auto value = static_cast<std::uint32_t>(m_values.size());
        m_values.emplace_back();
        bucket.insert(at, Phrase{m_rest, length, value});
        return &m_values.back();
    }

    struct Match {
        std::uint32_t length = 0; ///< tokens matched
        const T *value = nullptr;
    };

    /// The longest phrase starting at token `i` and ending before `last` (none when i >= last).
    std::optional<Match> longest(const std::vector<std::string> &keys, std::uint32_t i,
                                 std::uint32_t last) const {
        if (i >= last) {
            return std::nullopt; // callers may ask at the end of a sentence
        }
        const auto *bucket = m_first.find(keys[i]);
        if (bucket == nullptr) {
            return std::nullopt;
        }
        for (const auto &phrase : *bucket) {
            if (i + 1 + phrase.length <= last && rest_matches(phrase, keys, i + 1)) {
                return Match{phrase.length + 1, &m_values[phrase.value]};
            }
        }
        return std::nullopt;
    }

    bool folds_case() const { return m_fold; }
    std::size_t size() const { return m_values.size(); }

private:
    static constexpr char separator = '\x1f';

    struct Phrase {
        std::string rest;         ///< the keys of the tokens after the first, each + separator
        std::uint32_t length = 0; ///< how many tokens `rest` holds
        std::uint32_t value = 0;
    };

    static bool rest_matches(const Phrase &phrase, const std::vector<std::string> &keys,
                             std::uint32_t from) {
        std::string_view rest = phrase.rest;
        for (std::uint32_t k = 0; k < phrase.length; ++k) {
            const auto &key = keys[from + k];
            if (rest.size() <= key.size() || rest.compare(0, key.size(), key) != 0 ||
                rest[key.size()] != separator) {
                return false;
            }
            rest.remove_prefix(key.size() + 1);
        }
        return true;
    }

    bool m_fold;
    std::vector<std::string_view> m_words; ///< add()'s buffers
    std::string m_rest;
    std::string m_first_key;
    TextMap<std::vector<Phrase>> m_first;
    std::deque<T> m_values; // a deque keeps value addresses stable as phrases are added
};

} // namespace diplograph
