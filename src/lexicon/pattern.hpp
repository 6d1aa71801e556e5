// Relation patterns: the small language of lexicon/relations.txt (documented in the README).
//   ACCUSE | conflictual | X accuse+ Y (of) T
//   ACCUSE | conflictual | S Y ... chose|started ... war
#pragma once

#include "lexicon/line_format.hpp"

#include <string>
#include <vector>

namespace diplograph {

enum class ElementKind {
    source,     ///< X: an actor (and actors joined to it by "and")
    target,     ///< Y: an actor (and actors joined to it by "and")
    pair,       ///< X&Y: "France and Russia", "the two leaders": both ends, undirected
    speaker,    ///< S: the speaker of the quote or reported speech the match is in (the source)
    topic,      ///< T: the rest of the clause, searched for topics
    words,      ///< a literal word or alternatives: accuse+|charge+
    possessive, ///< 's
    gap,        ///< ...: up to max_gap tokens
};

struct PatternElement {
    ElementKind kind = ElementKind::words;
    std::vector<std::string> words; ///< lower-case forms (inflections expanded)
    bool optional = false;          ///< written in parentheses
};

struct RelationPattern {
    std::string type;     ///< AGREE ... ALIGN
    std::string polarity; ///< cooperative, conflictual, neutral
    std::vector<PatternElement> elements;
    int anchor = -1;      ///< index of the first required literal element
    bool directed = true; ///< false when the pattern uses X&Y
    std::string text;     ///< the pattern as written
    std::string where;    ///< FILE:LINE (relations.txt:LINE once loaded into a lexicon)
};

inline constexpr int max_gap = 8;

/// The relation types and polarities that patterns may use.
bool is_relation_type(std::string_view type);
bool is_polarity(std::string_view polarity);

/// Compiles one line of relations.txt. Throws InputError "FILE:LINE: reason".
RelationPattern parse_pattern(const LexiconLine &line);

} // namespace diplograph
