// Shared state of one article's extraction, and the small stages that need no file of their own.
#include "extract/context.hpp"

#include <algorithm>

namespace diplograph {

Context::Context(const Lexicon &lexicon, const Article &art)
    : lex(lexicon), article(art), date(art.published) {
    out.doc = segment(article.text, lex.segment_rules);
    exact = token_keys(out.doc, false);
    lower = token_keys(out.doc, true);
    cats.reserve(lower.size());
    for (const auto &key : lower) {
        cats.push_back(lex.categories_of(key));
    }
    // Words inside an office name are no verbs: "the secretary of state said".
    const CategorySet verbs = lex.category_bit("speech") | lex.category_bit("reporting") |
                              lex.category_bit("reporting_bare") | lex.category_bit("meeting");
    const auto count = static_cast<std::uint32_t>(lower.size());
    office_match.assign(count, std::nullopt);
    for (std::uint32_t i = 0; i < count; ++i) {
        office_match[i] = lex.offices.longest(lower, i, count);
    }
    for (std::uint32_t i = 0; i < count; ++i) {
        if (office_match[i] && office_match[i]->length > 1) {
            for (std::uint32_t k = i; k < i + office_match[i]->length; ++k) {
                cats[k] &= ~verbs;
            }
            i += office_match[i]->length - 1;
        }
    }
    cue_length.assign(count, 0);
    cue_category.assign(count, nullptr);
    for (const auto &sentence : out.doc.sentences) {
        for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
            if (const auto match = lex.cues.longest(lower, i, sentence.last)) {
                cue_length[i] = match->length;
                cue_category[i] = match->value;
            }
        }
    }
    token_mention.assign(out.doc.tokens.size(), -1);
    noise.assign(out.doc.sentences.size(), false);
}

int Context::actor_of_lexicon(int lexicon_index) {
    for (int i = 0; i < static_cast<int>(out.actors.size()); ++i) {
        if (out.actors[i].lexicon == lexicon_index) {
            return i;
        }
    }
    const auto &actor = lex.actors[lexicon_index];
    out.actors.push_back(ActorRef{lexicon_index, actor.name, actor.kind, actor.country});
    return static_cast<int>(out.actors.size()) - 1;
}

int Context::actor_found(const std::string &name, ActorKind kind, const std::string &country) {
    if (const int known = lex.find(name); known >= 0 && lex.actors[known].kind == kind) {
        return actor_of_lexicon(known);
    }
    for (int i = 0; i < static_cast<int>(out.actors.size()); ++i) {
        if (out.actors[i].name == name && out.actors[i].kind == kind) {
            if (out.actors[i].country.empty()) {
                out.actors[i].country = country;
            }
            return i;
        }
    }
    out.actors.push_back(ActorRef{-1, name, kind, country});
    return static_cast<int>(out.actors.size()) - 1;
}

int Context::add_mention(int actor, std::uint32_t sentence, std::uint32_t first, std::uint32_t last,
                         std::string how) {
    Mention mention;
    mention.actor = actor;
    mention.sentence = sentence;
    mention.first = first;
    mention.last = last;
    mention.how = std::move(how);
    mention.possessive =
        last < out.doc.tokens.size() && out.doc.tokens[last].kind == TokenKind::possessive;
    mention.in_quote = out.doc.tokens[first].in_quote;
    const int index = static_cast<int>(out.mentions.size());
    out.mentions.push_back(std::move(mention));
    for (std::uint32_t t = first; t < last; ++t) {
        token_mention[t] = index;
    }
    return index;
}

bool Context::verb_like(std::uint32_t i) const {
    const auto &token = out.doc.tokens[i];
    return token.kind == TokenKind::word && !token.upper && !has(i, "preposition") &&
           !has(i, "clause_break") && !has(i, "meeting_break") && !has(i, "determiner") &&
           !has(i, "title") && !has(i, "person_noun") && !office_match[i];
}

std::uint32_t Context::cue_at(std::uint32_t i, std::uint32_t last,
                              std::string_view category) const {
    if (i >= last) {
        return 0; // asked at the end of a sentence ("... met at the Elysee")
    }
    if (cue_length[i] > 0 && i + cue_length[i] <= last) {
        if (*cue_category[i] == category) {
            return cue_length[i];
        }
    } else if (cue_length[i] > 0) {
        // The sentence's longest phrase runs past `last`: a shorter one may end before it.
        const auto match = lex.cues.longest(lower, i, last);
        if (match && *match->value == category) {
            return match->length;
        }
    }
    return has(i, category) ? 1 : 0;
}

void mark_noise(Context &ctx) {
    const auto &doc = ctx.out.doc;
    const auto any_of = [&](std::string_view category, auto test) {
        const auto it = ctx.lex.words.find(std::string(category));
        return it != ctx.lex.words.end() && std::any_of(it->second.begin(), it->second.end(), test);
    };
    for (auto &paragraph : ctx.out.doc.paragraphs) {
        const auto text = doc.span_text(paragraph.begin, paragraph.end);
        paragraph.noise =
            any_of("noise_start", [&](const std::string &w) { return text.starts_with(w); }) ||
            any_of("noise_end", [&](const std::string &w) { return text.ends_with(w); }) ||
            any_of("noise_contains",
                   [&](const std::string &w) { return text.find(w) != std::string_view::npos; });
        for (auto s = paragraph.first_sentence; s < paragraph.last_sentence; ++s) {
            ctx.noise[s] = paragraph.noise;
        }
    }
}

} // namespace diplograph
