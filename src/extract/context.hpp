// The working state shared by the extraction stages of one article.
#pragma once

#include "extract/extraction.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace diplograph {

/// "the two leaders", "both countries": a reference to a pair named earlier.
struct PairReference {
    std::uint32_t sentence = 0;
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    bool countries = false; ///< "the two countries" (else people: "the two leaders")
};

struct Context {
    const Lexicon &lex;
    const Article &article;
    Extraction out;
    std::vector<std::string> exact; ///< token keys, case kept
    std::vector<std::string> lower; ///< token keys, lower case
    std::vector<CategorySet> cats;  ///< cue categories of each token
    /// The longest multi-word cue phrase starting at each token within its sentence: length
    /// (0 for none) and category. cue_at() is asked thousands of times per article.
    std::vector<std::uint32_t> cue_length;
    std::vector<const std::string *> cue_category;
    /// The longest office name ("president", "foreign minister") starting at each token.
    std::vector<std::optional<Gazetteer<std::string>::Match>> office_match;
    std::vector<int> token_mention; ///< token -> mention index, or -1
    std::vector<bool> noise;        ///< per sentence: in a caption or share line
    std::vector<PairReference> pairs;
    std::optional<Date> date; ///< publication date

    Context(const Lexicon &lexicon, const Article &art);

    /// The local actor index for a lexicon actor (added on first use).
    int actor_of_lexicon(int lexicon_index);
    /// The local actor index of an actor found in the text (same name and kind: same actor).
    int actor_found(const std::string &name, ActorKind kind, const std::string &country);

    /// Adds a mention and marks its tokens; returns its index.
    int add_mention(int actor, std::uint32_t sentence, std::uint32_t first, std::uint32_t last,
                    std::string how);

    bool has(std::uint32_t token, std::string_view category) const {
        return lex.in_category(cats[token], category);
    }
    /// A lower-case word that may be a verb: not a preposition, determiner, conjunction or
    /// clause word, and not part of a title ("the EU foreign policy chief").
    bool verb_like(std::uint32_t token) const;
    /// The token range of the sentence.
    const Sentence &sentence(std::uint32_t s) const { return out.doc.sentences[s]; }
    std::string_view text(std::uint32_t token) const { return out.doc.token_text(token); }
    /// The lower-case key of a token as a view: compared with a literal, a view is compared
    /// inline, where std::string's operator== calls memcmp (GCC 12), thousands of times per
    /// article.
    std::string_view word(std::uint32_t token) const { return lower[token]; }
    const ActorRef &actor(int index) const { return out.actors[index]; }
    /// The mention at a token, or nullptr.
    const Mention *mention_at(std::uint32_t token) const {
        const int m = token_mention[token];
        return m < 0 ? nullptr : &out.mentions[m];
    }
    /// The longest office name starting at token i and ending before `last`.
    std::optional<Gazetteer<std::string>::Match> office_at(std::uint32_t i,
                                                           std::uint32_t last) const {
        if (i >= last) {
            return std::nullopt;
        }
        if (!office_match[i] || i + office_match[i]->length <= last) {
            return office_match[i];
        }
        return lex.offices.longest(lower, i, last); // a shorter one may end before `last`
    }
    /// Multi-word cue phrase of a category starting at token i: its length, or 0.
    std::uint32_t cue_at(std::uint32_t i, std::uint32_t last, std::string_view category) const;
    /// The country code an actor stands for (its own code for a country).
    std::string country_of(int actor) const { return out.actors[actor].country; }
};

/// Stages, in the order extract() runs them.
void mark_noise(Context &ctx);
void find_mentions(Context &ctx);
void find_statements(Context &ctx);
void find_meetings(Context &ctx);
void find_relations(Context &ctx);

/// Resolves a date expression starting at token i ("on Monday", "29 May 2017", "last month")
/// against the publication date; with `future`, a weekday is the next one, not the last.
/// Returns the date and the tokens it used.
std::optional<std::pair<Date, std::uint32_t>> date_at(const Context &ctx, std::uint32_t i,
                                                      std::uint32_t last, bool future = false);

/// "on 9 December, days after [the talks]": the date of what follows a before/after word at
/// `barrier`, from a date before it and the amount right before the barrier; nullopt when no
/// amount stands there.
std::optional<Date> date_before_offset(const Context &ctx, const Date &date, std::uint32_t barrier);
/// Whether an amount of time ("days", "a week") ends right before token `barrier`.
bool amount_before(const Context &ctx, std::uint32_t barrier);

/// "The leaders of Russia, Ukraine, Germany and France" in tokens [first, last): the holders of
/// that office on `date`, when every one is named in the article; else none.
std::vector<int> office_holders_of_list(const Context &ctx, std::uint32_t first, std::uint32_t last,
                                        const Date &date);
/// The host of a visit by `visitor` to `destination` (a country or a place in it): that
/// country's leader when the visitor is a head of state or government and the article names
/// the leader; else -1.
int visit_host(const Context &ctx, int visitor, int destination, const Date &date);

/// People or countries a pair reference points at, from the meetings and relations so far.
std::vector<int> resolve_pair(const Context &ctx, const PairReference &ref);

} // namespace diplograph
