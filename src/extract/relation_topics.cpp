// The topics of a relation, searched in the words of its sentence.
#include "extract/relation_topics.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace diplograph {

namespace {

void add_topic(std::vector<Topic> &topics, Topic topic) {
    if (std::none_of(topics.begin(), topics.end(),
                     [&](const Topic &t) { return t.name == topic.name; })) {
        topics.push_back(std::move(topic));
    }
}

/// A short quotation of at most four words opening at token `i` after "as" (a label the
/// speaker puts on something: dismissed them as "old Europe", described the move as
/// "psychological warfare"), as written; none otherwise.
std::optional<std::string> quoted_label(const Context &ctx, std::uint32_t i, std::uint32_t last) {
    const auto &tokens = ctx.out.doc.tokens;
    if (!tokens[i].in_quote || i < 2 || tokens[i - 1].in_quote ||
        tokens[i].kind != TokenKind::word || ctx.word(i - 2) != "as") {
        return std::nullopt;
    }
    std::uint32_t end = i;
    while (end < last && tokens[end].in_quote) {
        ++end;
    }
    if (end == last || end - i > 4 || tokens[end - 1].kind != TokenKind::word) {
        return std::nullopt;
    }
    return ctx.article.text.substr(tokens[i].begin, tokens[end - 1].end - tokens[i].begin);
}

/// A name of one to three capitalised words that opens at token `i` and is followed by a word for
/// an agreement or a forum ("the Minsk agreements", "the Abraham Accords", "the Normandy
/// format"), as written; none otherwise.
std::optional<std::string> named_agreement(const Context &ctx, std::uint32_t i,
                                           std::uint32_t last) {
    const auto &tokens = ctx.out.doc.tokens;
    const auto capitalised = [&](std::uint32_t k) {
        return tokens[k].kind == TokenKind::word && tokens[k].upper &&
               !ctx.has(k, "named_agreement") && !ctx.has(k, "determiner");
    };
    if (!capitalised(i) || (i > 0 && capitalised(i - 1))) {
        return std::nullopt;
    }
    for (std::uint32_t k = i; k < last && k < i + 4; ++k) {
        if (ctx.has(k, "named_agreement") && k > i) {
            return ctx.article.text.substr(tokens[i].begin, tokens[k].end - tokens[i].begin);
        }
        if (!capitalised(k)) {
            break;
        }
    }
    return std::nullopt;
}

/// Topics between tokens `from` and `last`: quoted labels, lexicon themes, and countries or
/// places that a topic preposition introduces.
void topics_in(const Context &ctx, std::uint32_t from, std::uint32_t last,
               const std::vector<int> &ends, std::vector<Topic> &topics) {
    int since_preposition = 99;
    bool locative = false; // the preposition names a location: "talks in Brussels"
    for (std::uint32_t i = from; i < last; ++i) {
        if (const auto label = quoted_label(ctx, i, last)) {
            add_topic(topics, Topic{*label, -1});
        }
        if (const auto deal = named_agreement(ctx, i, last)) {
            add_topic(topics, Topic{*deal, -1});
        }
        if (const auto theme = ctx.lex.topics.longest(ctx.lower, i, last)) {
            add_topic(topics, Topic{*theme->value, -1});
            i += theme->length - 1;
            since_preposition = 0;
            continue;
        }
        if (const auto *m = ctx.mention_at(i); m != nullptr && m->first == i) {
            const auto kind = ctx.actor(m->actor).kind;
            // A capital or seat of power after "in"/"at" is where things happen, not what they
            // are about ("a summit in Brussels"); "over Jerusalem" stays a topic.
            const bool venue = locative && m->how == "place";
            const bool end = std::find(ends.begin(), ends.end(), m->actor) != ends.end();
            // "the Taiwan question", "the Kashmir dispute": the name of an issue.
            const bool issue = m->last < last && ctx.has(m->last, "issue_noun");
            if ((since_preposition <= 3 || issue) && !venue && !end &&
                (kind == ActorKind::country || kind == ActorKind::place)) {
                add_topic(topics, Topic{ctx.actor(m->actor).name, m->actor});
                since_preposition = 0;
            }
            i = m->last - 1;
            continue;
        }
        if (ctx.has(i, "topic_preposition")) {
            locative = ctx.has(i, "locative");
        }
        since_preposition = ctx.has(i, "topic_preposition") ? 0
                            : (ctx.word(i) == "and" || ctx.word(i) == ",") && since_preposition == 0
                                ? 0
                                : since_preposition + 1;
    }
}

/// The end of a phrase that opens the sentence with a topic preposition, at its comma:
/// "On Ukraine, the two leaders found common ground". 0 when there is none.
std::uint32_t opening_phrase_end(const Context &ctx, const TopicSearch &search) {
    const auto &sentence = ctx.sentence(search.sentence);
    const std::uint32_t first = sentence.first;
    if (first >= sentence.last || !ctx.has(first, "topic_preposition") ||
        ctx.has(first, "locative")) {
        return 0;
    }
    for (std::uint32_t i = first + 1; i < sentence.last && i < first + 8 && i < search.match_first;
         ++i) {
        if (ctx.text(i) == ",") {
            return i;
        }
    }
    return 0;
}

} // namespace

std::vector<Topic> relation_topics(const Context &ctx, const TopicSearch &search) {
    std::vector<Topic> topics;
    topics_in(ctx, search.from, ctx.sentence(search.sentence).last, search.ends, topics);
    if (const auto end = opening_phrase_end(ctx, search); end > 0) {
        topics_in(ctx, ctx.sentence(search.sentence).first, end, search.ends, topics);
    }
    return topics;
}

} // namespace diplograph
