// Phrase lookup over tokens: every phrase maps to one value; the longest phrase starting at a
// token wins.
#pragma once

#include "segment/document.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace diplograph {

/// The comparison key of one token: typographic apostrophes become ', and with `fold` the
/// text is lower-cased.
std::string token_key(std::string_view token, bool fold);

/// Keys of every token of a document, as token_key() makes them.
std::vector<std::string> token_keys(const Document &doc, bool fold);

template <class T> class Gazetteer {
public:
    explicit Gazetteer(bool fold_case = false) : m_fold(fold_case) {}

    /// The value slot of a phrase, created empty when the phrase is new. A leading "the" is
    /// dropped. Returns nullptr for a phrase with no tokens.
    T *add(std::string_view phrase) {
        auto words = phrase_tokens(phrase);
        if (!words.empty() && (words.front() == "the" || words.front() == "The") &&
            words.size() > 1) {
            words.erase(words.begin());
        }
        if (words.empty()) {
            return nullptr;
        }
        std::string first = token_key(words.front(), m_fold);
        std::string key = first;
        key += '\x1f';
        std::vector<std::string> rest;
        rest.reserve(words.size() - 1);
        for (std::size_t i = 1; i < words.size(); ++i) {
            rest.push_back(token_key(words[i], m_fold));
            key += rest.back();
            key += '\x1f';
        }
        const auto [it, inserted] =
            m_index.try_emplace(std::move(key), static_cast<std::uint32_t>(m_values.size()));
        if (inserted) {
            m_values.emplace_back();
            // Longest first, in insertion order among equals: what a stable sort would give,
            // without sorting the bucket again on every insert.
            auto &bucket = m_first[std::move(first)];
            const auto at =
                std::upper_bound(bucket.begin(), bucket.end(), rest.size(),
                                 [](std::size_t n, const Phrase &p) { return n > p.rest.size(); });
            bucket.insert(at, Phrase{std::move(rest), it->second});
        }
        return &m_values[it->second];
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
        const auto it = m_first.find(keys[i]);
        if (it == m_first.end()) {
            return std::nullopt;
        }
        for (const auto &phrase : it->second) {
            if (i + 1 + phrase.rest.size() > last) {
                continue;
            }
            bool same = true;
            for (std::size_t k = 0; k < phrase.rest.size() && same; ++k) {
                same = keys[i + 1 + k] == phrase.rest[k];
            }
            if (same) {
                return Match{static_cast<std::uint32_t>(phrase.rest.size() + 1),
                             &m_values[phrase.value]};
            }
        }
        return std::nullopt;
    }

    bool folds_case() const { return m_fold; }
    std::size_t size() const { return m_values.size(); }

private:
    struct Phrase {
        std::vector<std::string> rest;
        std::uint32_t value = 0;
    };
    bool m_fold;
    std::unordered_map<std::string, std::vector<Phrase>> m_first;
    std::unordered_map<std::string, std::uint32_t> m_index;
    std::deque<T> m_values; // a deque keeps value addresses stable as phrases are added
};

} // namespace diplograph
