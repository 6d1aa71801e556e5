// The topics of a relation: lexicon themes, countries and places that a preposition introduces,
// a short quoted label, and a phrase that opens the sentence ("On Syria, ...").
#pragma once

#include "extract/context.hpp"

#include <cstdint>
#include <vector>

namespace diplograph {

/// Where one relation match stands in its sentence, for finding its topics.
struct TopicSearch {
    std::uint32_t sentence = 0;
    std::uint32_t from = 0;        ///< first token searched; the search runs to the sentence end
    std::uint32_t match_first = 0; ///< first token of the match: an opening phrase ends before it
    std::vector<int> ends;         ///< the relation's sources and targets, never their own topic
};

/// The topics from `search.from` to the end of the sentence, then those of a phrase that opens
/// the sentence with a topic preposition, without repeats.
std::vector<Topic> relation_topics(const Context &ctx, const TopicSearch &search);

} // namespace diplograph
