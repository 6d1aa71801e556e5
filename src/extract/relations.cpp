// Relations: lexicon patterns matched around their anchor word (and read in the passive voice),
// with source, target, negation and modality, and topics from relation_topics; meetings add
// CONSULT edges between their participants.
#include "common/text.hpp"
#include "extract/context.hpp"
#include "extract/relation_topics.hpp"

#include <algorithm>
#include <array>
#include <cassert>

namespace diplograph {

namespace {

/// Where a verb may start after a subject: at most six places, kept without allocating since
/// they are asked for at every subject a pattern tries.
class VerbStarts {
public:
    explicit VerbStarts(std::uint32_t first) { push_back(first); }
    void push_back(std::uint32_t i) {
        assert(m_count < m_at.size());
        m_at[m_count++] = i;
    }
    const std::uint32_t *begin() const { return m_at.data(); }
    const std::uint32_t *end() const { return m_at.data() + m_count; }

private:
    std::array<std::uint32_t, 6> m_at{};
    std::size_t m_count = 0;
};

/// One way a pattern matched a sentence.
struct Binding {
    std::vector<int> sources;
    std::vector<int> targets;
    std::uint32_t first = 0; ///< first matched token
    std::uint32_t end = 0;   ///< one past the last matched token
    std::uint32_t topic_from = 0;
};

class RelationFinder {
public:
    explicit RelationFinder(Context &ctx) : m_ctx(ctx), m_doc(ctx.out.doc) {}

    void run() {
        for (std::uint32_t s = 0; s < m_doc.sentences.size(); ++s) {
            if (m_ctx.noise[s]) {
                continue;
            }
            const auto &sentence = m_ctx.sentence(s);
            m_actors_memo.assign(2 * static_cast<std::size_t>(sentence.last - sentence.first), {});
            for (std::uint32_t a = sentence.first; a < sentence.last; ++a) {
                const auto *anchored = m_ctx.lex.pattern_anchors.find(m_ctx.lower[a]);
                if (anchored == nullptr) {
                    continue;
                }
                for (const int p : *anchored) {
                    try_pattern(s, a, m_ctx.lex.patterns[p]);
                }
            }
        }
        add_meeting_relations();
    }

private:
    Context &m_ctx;
    const Document &m_doc;
    const RelationPattern *m_pattern = nullptr;
    std::uint32_t m_anchor = 0;
    std::uint32_t m_last = 0;
    std::uint32_t m_sentence = 0;
    using Actors = std::optional<std::pair<std::vector<int>, std::uint32_t>>;
    struct ActorsMemo {
        bool known = false;
        Actors actors;
    };
    /// actors_at() of the sentence's tokens, as subject and as object (in turn): every pattern
    /// tried at an anchor asks it again for each of the words before the anchor.
    std::vector<ActorsMemo> m_actors_memo;
    Actors m_actors_outside; ///< actors_at() of a token outside the sentence

    void try_pattern(std::uint32_t s, std::uint32_t anchor, const RelationPattern &pattern) {
        m_pattern = &pattern;
        m_anchor = anchor;
        m_sentence = s;
        m_last = m_ctx.sentence(s).last;
        const std::uint32_t lowest =
            std::max<std::uint32_t>(m_ctx.sentence(s).first, anchor > 16 ? anchor - 16 : 0);
        // Most of the words before an anchor name no one; an X can only start where one does.
        const bool opens_with_source = pattern.elements.front().kind == ElementKind::source;
        for (std::uint32_t start = anchor + 1; start-- > lowest;) {
            if (opens_with_source && !actors_at(start)) {
                continue;
            }
            Binding binding;
            binding.first = start;
            if (match(0, start, binding) && emit(binding)) {
                return;
            }
            if (pattern.anchor == 0) {
                return; // a pattern that opens with its anchor can only start there
            }
        }
        if (try_passive()) {
            return;
        }
        // "X accuse+ Y" without an X before the verb ("…, accusing Russia", a quote's "we
        // accuse"): the source is the antecedent of "who"/"which", the quote's speaker or the
        // sentence's subject. Where X must stand next to the word, not after a determiner
        // ("that western sanctions", "its support"): there X is an owner we do not know.
        if (pattern.elements.front().kind == ElementKind::source) {
            Binding binding;
            binding.first = anchor;
            const std::size_t from = pattern.elements[1].kind == ElementKind::gap ? 2 : 1;
            const auto antecedent = relative_antecedent(anchor);
            if (antecedent) {
                binding.sources.push_back(*antecedent);
            }
            if (static_cast<int>(from) == pattern.anchor &&
                (antecedent || from == 2 || !determined_noun(anchor)) &&
                match(from, anchor, binding)) {
                emit(binding);
            }
        }
    }

    /// "X (...) verb+ Y" read in the passive voice: "Russia was accused by France", "Qatar has
    /// been accused of funding terrorism by Saudi Arabia". True when it recorded a relation.
    bool try_passive() {
        const auto &elements = m_pattern->elements;
        const std::size_t verb = elements[1].kind == ElementKind::gap ? 2 : 1;
        if (elements.front().kind != ElementKind::source ||
            static_cast<int>(verb) != m_pattern->anchor || verb + 1 >= elements.size() ||
            elements[verb + 1].kind != ElementKind::target) {
            return false;
        }
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        bool passive = false;
        std::uint32_t i = m_anchor;
        while (i > low && (m_ctx.has(i - 1, "auxiliary") || m_ctx.has(i - 1, "negation") ||
                           is_adverb(i - 1))) {
            passive = passive || m_ctx.has(i - 1, "passive_auxiliary");
            --i;
        }
        // "Assad, who is backed by Russia": the subject is the relative pronoun's antecedent.
        if (i > low + 2 && m_ctx.has(i - 1, "relative_pronoun") && m_ctx.word(i - 1) != "that" &&
            m_ctx.text(i - 2) == ",") {
            i -= 2;
        }
        const auto *object = i > low ? m_ctx.mention_at(i - 1) : nullptr;
        if (!passive || object == nullptr || object->possessive || object->last != i) {
            return false;
        }
        for (std::uint32_t by = m_anchor + 1; by < m_last && by < m_anchor + 10; ++by) {
            if (m_ctx.text(by) == "," || m_ctx.text(by) == ";") {
                return false;
            }
            if (m_ctx.word(by) == "by") {
                const auto agents = actors_at(by + 1, true);
                if (!agents) {
                    return false;
                }
                Binding binding;
                binding.first = object->first;
                binding.end = agents->second;
                binding.sources = agents->first;
                binding.targets = joined_before(object->first, false);
                binding.targets.push_back(object->actor);
                return emit(binding);
            }
        }
        return false;
    }

    /// The first token before `i` that is no auxiliary, negation or adverb of those lists.
    std::uint32_t before_fillers(std::uint32_t i) const {
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        while (i > low && (m_ctx.has(i - 1, "auxiliary") || m_ctx.has(i - 1, "negation"))) {
            --i;
        }
        return i;
    }

    /// Whether a determiner stands at most two words before `anchor` ("its alleged support",
    /// "that western sanctions"): the anchor is then a noun whose owner we do not know.
    bool determined_noun(std::uint32_t anchor) const {
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        for (std::uint32_t i = anchor; i > low && anchor - i < 2;) {
            --i;
            if (m_ctx.mention_at(i) != nullptr || m_ctx.text(i) == ",") {
                return false;
            }
            if (m_ctx.has(i, "determiner")) {
                return true;
            }
        }
        return false;
    }

    /// "Rumsfeld, who last month dismissed France", "Ankara, which wants Assad removed and has
    /// long backed the rebels": the actor that "who"/"which" (in the same comma-free stretch,
    /// at most eleven words before `anchor`) refers back to.
    std::optional<int> relative_antecedent(std::uint32_t anchor) const {
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        for (std::uint32_t i = before_fillers(anchor); i > low + 1 && anchor - i < 12; --i) {
            if (m_ctx.text(i - 1) == ",") {
                return std::nullopt;
            }
            if (m_ctx.has(i - 1, "relative_pronoun") && m_ctx.word(i - 1) != "that") {
                const std::uint32_t end = m_ctx.text(i - 2) == "," ? i - 2 : i - 1;
                const auto *m = end > low ? m_ctx.mention_at(end - 1) : nullptr;
                if (m != nullptr && !m->possessive && m->last == end) {
                    return m->actor;
                }
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    /// The mention (with a determiner before it skipped) at token i, as actors joined by "and".
    /// For an object, a name followed by a verb starts a new clause instead ("backing Assad and
    /// France supporting rebels").
    /// The reference is valid until the next call for a token outside the sentence.
    const Actors &actors_at(std::uint32_t i, bool object = false) {
        const std::uint32_t first = m_ctx.sentence(m_sentence).first;
        if (i < first || i >= m_last) {
            m_actors_outside = find_actors_at(i, object);
            return m_actors_outside;
        }
        auto &memo = m_actors_memo[2 * static_cast<std::size_t>(i - first) + (object ? 1 : 0)];
        if (!memo.known) {
            memo.actors = find_actors_at(i, object);
            memo.known = true;
        }
        return memo.actors;
    }

    /// actors_at() without the memo.
    Actors find_actors_at(std::uint32_t i, bool object) const {
        if (i < m_last &&
            (m_ctx.word(i) == "the" || m_ctx.word(i) == "a" || m_ctx.word(i) == "an")) {
            ++i;
        }
        if (i >= m_last) {
            return std::nullopt;
        }
        const auto *m = m_ctx.mention_at(i);
        if (m == nullptr || m->first != i || m->how == "demonym") {
            // "the opposition leader Juan Guaidó", "the Australian prime minister, Anthony
            // Albanese", "the government of Bashar al-Assad": the description's named actor.
            const std::uint32_t from = m == nullptr || m->first != i ? i : m->last;
            if (const auto *named = named_after_description(from)) {
                m = named;
            } else if (m == nullptr || m->first != i) {
                return std::nullopt;
            }
        }
        std::vector<int> actors{m->actor};
        std::uint32_t end = m->last;
        // "Russia Today and Sputnik", "Iran, Iraq and Syria"
        while (end + 1 < m_last && (m_ctx.word(end) == "and" || m_ctx.word(end) == ",")) {
            end = after_relative_clause(end);
            if (end + 2 < m_last && m_ctx.word(end) == "," && m_ctx.word(end + 1) == "and" &&
                actors.size() >= 2) {
                ++end; // "France, Germany, and the UK"; but not "Maduro, and Cuba's president"
            }
            if (end + 1 >= m_last) {
                break;
            }
            // "Saudi Arabia and the United Arab Emirates"
            const std::uint32_t at = m_ctx.word(end + 1) == "the" ? end + 2 : end + 1;
            const auto *next = at < m_last ? m_ctx.mention_at(at) : nullptr;
            // "backing Assad and France supporting rebels": a new clause, not a list.
            if (next == nullptr || next->first != at || next->possessive ||
                (object && next->last < m_last && m_ctx.verb_like(next->last))) {
                break;
            }
            actors.push_back(next->actor);
            end = next->last;
        }
        return std::pair{actors, end};
    }

    /// "Moscow, which is bombing rebels, and Ankara": from the comma at `comma` that opens a
    /// who/which clause, the "and" after the clause's closing comma; else `comma` itself.
    std::uint32_t after_relative_clause(std::uint32_t comma) const {
        if (m_ctx.text(comma) != "," || comma + 1 >= m_last ||
            !m_ctx.has(comma + 1, "relative_pronoun") || m_ctx.word(comma + 1) == "that") {
            return comma;
        }
        for (std::uint32_t k = comma + 2; k + 1 < m_last && k < comma + 16; ++k) {
            if (m_ctx.text(k) == ",") {
                return m_ctx.word(k + 1) == "and" ? k + 1 : comma;
            }
        }
        return comma;
    }

    /// The mention that a description starting at token `i` leads to: role words ("opposition
    /// leader", "prime minister", "government of"), an optional comma, then a name.
    const Mention *named_after_description(std::uint32_t i) const {
        const std::uint32_t start = i;
        bool head = false; // "the government of": "of" may follow the description
        while (i < m_last && i < start + 4) {
            if (const auto length = m_ctx.cue_at(i, m_last, "actor_head"); length > 0) {
                head = true;
                i += length;
            } else if (const auto title = m_ctx.cue_at(i, m_last, "title"); title > 0) {
                i += title;
            } else if (m_ctx.has(i, "person_noun")) {
                head = true;
                ++i;
            } else if (const auto office = m_ctx.office_at(i, m_last)) {
                i += office->length;
            } else {
                break;
            }
        }
        if (i == start) {
            return nullptr;
        }
        if (i < m_last && (m_ctx.text(i) == "," || (head && m_ctx.word(i) == "of"))) {
            ++i;
        }
        const auto *m = i < m_last ? m_ctx.mention_at(i) : nullptr;
        if (m == nullptr || m->first != i || m->how == "demonym") {
            return nullptr;
        }
        return m;
    }

    /// Actors joined to the mention at `first` from the left: "China and Turkey have stood by".
    /// `list_goes_on`: an "and" follows the mention ("Spain, Britain and other countries").
    std::vector<int> joined_before(std::uint32_t first, bool list_goes_on) const {
        std::vector<int> before;
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        // A list has an "and" ("Iran, Iraq and Syria"); a comma alone closes an opening phrase
        // ("On Syria, France accused").
        while (first >= low + 2) {
            if (m_ctx.word(first - 1) == "the" && first >= low + 3) {
                --first; // "Saudi Arabia and the United Arab Emirates"
            }
            if (m_ctx.word(first - 1) != "and" &&
                (m_ctx.word(first - 1) != "," || (!list_goes_on && before.empty()))) {
                break;
            }
            if (m_ctx.word(first - 1) == "and" && first >= low + 3 &&
                m_ctx.text(first - 2) == ",") {
                // "France, Germany, and the UK": a list of three or more, not "Pelosi, and
                // Washington has since imposed"
                const auto *m = m_ctx.mention_at(first - 3);
                if (m == nullptr || m->first <= low + 1 || m_ctx.text(m->first - 1) != "," ||
                    m_ctx.mention_at(m->first - 2) == nullptr) {
                    break;
                }
                --first;
            }
            const auto *m = m_ctx.mention_at(first - 2);
            if (m == nullptr || m->possessive || !subject_like(m->first)) {
                break;
            }
            before.insert(before.begin(), m->actor);
            first = m->first;
        }
        return before;
    }

    /// A subject before a gap ("X ... accuse+ Y") stands in subject position: not the object
    /// of a verb ("backed Washington") nor of a preposition ("words for Moscow").
    bool subject_like(std::uint32_t first) const {
        if (first == m_ctx.sentence(m_sentence).first) {
            return true;
        }
        // "provoked the US to launch": the object of one verb is the agent of the next.
        if (const auto *m = m_ctx.mention_at(first);
            m != nullptr && m->last < m_last && m_ctx.word(m->last) == "to") {
            return true;
        }
        std::uint32_t before = first - 1;
        if (m_ctx.has(before, "determiner") && before > m_ctx.sentence(m_sentence).first) {
            --before;
        }
        const auto &token = m_doc.tokens[before];
        const bool object = token.kind == TokenKind::word && !token.upper &&
                            !m_ctx.has(before, "clause_break") && !m_ctx.has(before, "auxiliary");
        return !object || m_ctx.has(before, "determiner");
    }

    bool match(std::size_t e, std::uint32_t pos, Binding &binding) {
        const auto &elements = m_pattern->elements;
        if (e == elements.size()) {
            binding.end = pos;
            return true;
        }
        if (static_cast<int>(e) == m_pattern->anchor && pos != m_anchor) {
            return false;
        }
        if (static_cast<int>(e) > m_pattern->anchor && pos <= m_anchor && m_pattern->anchor >= 0) {
            return false;
        }
        switch (elements[e].kind) {
        case ElementKind::words:
            return match_words(e, pos, binding);
        case ElementKind::possessive:
            return pos < m_last && m_doc.tokens[pos].kind == TokenKind::possessive &&
                   match(e + 1, pos + 1, binding);
        case ElementKind::gap:
            for (std::uint32_t skip = 0; skip <= max_gap && pos + skip <= m_last; ++skip) {
                if (pos + skip < m_last && m_doc.tokens[pos + skip].kind == TokenKind::punct &&
                    m_ctx.text(pos + skip) == ";") {
                    break;
                }
                if (match(e + 1, pos + skip, binding)) {
                    return true;
                }
            }
            return false;
        case ElementKind::topic:
            binding.topic_from = pos;
            return match(e + 1, pos, binding);
        case ElementKind::source:
        case ElementKind::target:
            return match_actor(e, pos, binding);
        case ElementKind::pair:
            return match_pair(e, pos, binding);
        case ElementKind::speaker: {
            const int speaker = speaker_of_anchor();
            if (speaker < 0) {
                return false;
            }
            binding.sources = {speaker};
            return match(e + 1, pos, binding);
        }
        }
        return false;
    }

    bool match_words(std::size_t e, std::uint32_t pos, Binding &binding) {
        const auto &elements = m_pattern->elements;
        const auto &words = elements[e].words;
        if (pos < m_last &&
            std::find(words.begin(), words.end(), m_ctx.lower[pos]) != words.end() &&
            match(e + 1, pos + 1, binding)) {
            return true;
        }
        // "talk directly to", "stood firmly by", "“deeply disappointed” by": an adverb or a
        // quotation mark between two words of a pattern.
        if (e > 0 && elements[e - 1].kind == ElementKind::words && pos < m_last &&
            (is_adverb(pos) || m_ctx.has(pos, "quotation_mark")) && match(e, pos + 1, binding)) {
            return true;
        }
        return elements[e].optional && match(e + 1, pos, binding);
    }

    /// X or Y at `pos`, with the readings around it: an object before its subject, possessives,
    /// lists joined from the left, and the words between a subject and its verb.
    bool match_actor(std::size_t e, std::uint32_t pos, Binding &binding) {
        const auto &elements = m_pattern->elements;
        const bool source = elements[e].kind == ElementKind::source;
        const bool last_element = e + 1 == elements.size();
        // Points into the memo of actors_at(), which no call below changes: a copy would cost
        // an allocation for every subject tried.
        const Actors *found = &actors_at(pos, !source);
        Actors pronoun;
        if (!*found && !source) {
            if (const int person = object_pronoun_referent(pos, binding.sources); person >= 0) {
                pronoun = std::pair{std::vector{person}, pos + 1}; // "Trump recognised him"
                found = &pronoun;
            }
        }
        if (!*found) {
            // "Assad, whom Russia has supported": the object stands before the subject.
            const auto object =
                !source && last_element ? object_antecedent(binding.first) : std::nullopt;
            if (object) {
                binding.targets = {*object};
                binding.end = pos;
            }
            return object.has_value();
        }
        const bool next_is_possessive =
            !last_element && elements[e + 1].kind == ElementKind::possessive;
        const auto &[actors, end] = **found;
        const auto *last_mention = m_ctx.mention_at(end - 1);
        // "Britain's foreign secretary ... backed" is not Britain backing; but "condemned
        // Russia's invasion" is aimed at Russia.
        if (last_mention != nullptr && last_mention->possessive != next_is_possessive &&
            (source || !last_element)) {
            return false;
        }
        const bool before_gap = !last_element && elements[e + 1].kind == ElementKind::gap;
        const std::uint32_t first_token =
            m_ctx.word(pos) == "the" || m_ctx.word(pos) == "a" ? pos + 1 : pos;
        if (source && before_gap && !subject_like(first_token)) {
            return false;
        }
        auto &slot = source ? binding.sources : binding.targets;
        slot = actors;
        // A subject list ends where the mention does: "Russia Today and Sputnik behaved".
        if (source || static_cast<int>(e) < m_pattern->anchor) {
            const bool list_goes_on =
                actors.size() > 1 || (end < m_last && m_ctx.word(end) == "and");
            const auto before = joined_before(first_token, list_goes_on);
            slot.insert(slot.begin(), before.begin(), before.end());
        }
        // Between a subject and its verb: "Straw, the foreign secretary, backed", "Russia
        // has repeatedly accused", "Turkey, which has threatened".
        const bool before_words =
            source && !last_element && elements[e + 1].kind == ElementKind::words;
        for (const auto next : before_words ? after_subject(end) : VerbStarts(end)) {
            if (match(e + 1, next, binding)) {
                return true;
            }
        }
        slot.clear();
        return false;
    }

    /// Where a verb may start after a subject ending at `end`: right there, after auxiliaries
    /// and adverbs ("has repeatedly"), or after a parenthesis between commas ("Straw, the
    /// foreign secretary, backed"; "Turkey, which has threatened").
    VerbStarts after_subject(std::uint32_t end) const {
        VerbStarts starts(end);
        const auto skip_fillers = [&](std::uint32_t i) {
            while (i < m_last &&
                   (m_ctx.has(i, "auxiliary") || m_ctx.has(i, "negation") || is_adverb(i))) {
                ++i;
            }
            return i;
        };
        if (const auto i = skip_fillers(end); i != end) {
            starts.push_back(i);
        }
        if (const auto i = after_agent_noun(end); i != end) {
            starts.push_back(skip_fillers(i)); // "Russian officials seized", "Spain and other
                                               // European countries recognised"
        }
        if (end < m_last && m_ctx.text(end) == ",") {
            starts.push_back(skip_fillers(end + 1)); // "Straw, the foreign secretary, backed"
            if (end + 1 < m_last && m_ctx.has(end + 1, "relative_pronoun")) {
                starts.push_back(skip_fillers(end + 2));
            }
            for (std::uint32_t k = end + 1; k < m_last && k < end + 16; ++k) {
                if (m_ctx.text(k) == ",") {
                    starts.push_back(skip_fillers(k + 1));
                    break;
                }
            }
        }
        return starts;
    }

    /// The person an object pronoun at `i` ("him", "her" before no noun) stands for: the latest
    /// person named before it in this or the previous sentence who is not a possessive and not
    /// one of `sources`; or -1.
    int object_pronoun_referent(std::uint32_t i, const std::vector<int> &sources) const {
        // "her" before a noun is a possessive ("her country").
        if (i >= m_last || !m_ctx.has(i, "object_pronoun") ||
            (m_ctx.word(i) == "her" && i + 1 < m_last &&
             m_doc.tokens[i + 1].kind == TokenKind::word && !m_ctx.has(i + 1, "preposition"))) {
            return -1;
        }
        const std::uint32_t low = m_sentence > 0 ? m_ctx.sentence(m_sentence - 1).first
                                                 : m_ctx.sentence(m_sentence).first;
        for (std::uint32_t k = i; k-- > low;) {
            const auto *m = m_ctx.mention_at(k);
            if (m == nullptr || m->how == "pronoun") {
                continue;
            }
            if (m_ctx.actor(m->actor).kind == ActorKind::person && !m->possessive &&
                std::find(sources.begin(), sources.end(), m->actor) == sources.end()) {
                return m->actor;
            }
            k = m->first;
        }
        return -1;
    }

    /// The actor an object relative clause starting at `subject` refers back to: "Assad, whom
    /// Russia has supported", "the Kurds, which Turkey attacked". Not "who" or "that", which
    /// mostly open a subject or a reported clause.
    std::optional<int> object_antecedent(std::uint32_t subject) const {
        const std::uint32_t low = m_ctx.sentence(m_sentence).first;
        if (subject < low + 3 ||
            (m_ctx.word(subject - 1) != "whom" && m_ctx.word(subject - 1) != "which") ||
            m_ctx.text(subject - 2) != ",") {
            return std::nullopt;
        }
        const auto *m = m_ctx.mention_at(subject - 3);
        if (m == nullptr || m->possessive || m->last != subject - 2) {
            return std::nullopt;
        }
        return m->actor;
    }

    /// A lower-case word in -ly between a subject and its verb or inside a pattern ("directly").
    bool is_adverb(std::uint32_t i) const {
        const auto word = std::string_view(m_ctx.lower[i]);
        return m_doc.tokens[i].kind == TokenKind::word && !m_doc.tokens[i].upper &&
               word.size() >= 5 && word.substr(word.size() - 2) == "ly";
    }

    /// Where a subject ending at `end` continues with a noun for the people who act: after a
    /// demonym ("Russian officials") or after a list's "and (several) other (European)
    /// countries". Returns `end` when it does not.
    std::uint32_t after_agent_noun(std::uint32_t end) const {
        if (end >= m_last) {
            return end;
        }
        const auto *subject = end > 0 ? m_ctx.mention_at(end - 1) : nullptr;
        if (subject != nullptr && subject->how == "demonym" && m_ctx.has(end, "agent_noun")) {
            return end + 1;
        }
        if (m_ctx.word(end) != "and") {
            return end;
        }
        for (std::uint32_t k = end + 1; k < m_last && k < end + 6; ++k) {
            if (m_ctx.has(k, "agent_noun")) {
                return k + 1;
            }
            if (m_doc.tokens[k].kind != TokenKind::word || m_ctx.mention_at(k) != nullptr) {
                break;
            }
        }
        return end;
    }

    /// X&Y: "France and Russia", "the leaders of Russia, Ukraine, Germany and France" (every
    /// pair), or "the two leaders" / "both countries".
    bool match_pair(std::size_t e, std::uint32_t pos, Binding &binding) {
        if (const auto found = actors_at(pos); found && found->first.size() >= 2) {
            binding.sources = found->first;
            binding.targets = found->first;
            for (const auto next : after_subject(found->second)) {
                if (match(e + 1, next, binding)) {
                    return true;
                }
            }
            return false;
        }
        for (const auto &ref : m_ctx.pairs) {
            if (ref.first == pos || (ref.first == pos + 1 && m_ctx.word(pos) == "the")) {
                const auto pair = resolve_pair(m_ctx, ref);
                if (pair.size() == 2) {
                    binding.sources = pair;
                    binding.targets = pair;
                    for (const auto next : after_subject(ref.last)) {
                        if (match(e + 1, next, binding)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }
        return false;
    }

    /// The speaker of the statement, quoted or reported, whose words hold the anchor; or -1.
    int speaker_of_anchor() const {
        const auto &anchor = m_doc.tokens[m_anchor];
        for (const auto &st : m_ctx.out.statements) {
            if (st.speaker >= 0 && (st.kind == "direct" || !anchor.in_quote) &&
                st.begin <= anchor.begin && anchor.end <= st.end) {
                return st.speaker;
            }
        }
        return -1;
    }

    /// With no X in the pattern: the speaker of the quote the anchor is in, else the sentence's
    /// first agent before the anchor.
    int implicit_source(const std::vector<int> &targets) const {
        const auto &anchor = m_doc.tokens[m_anchor];
        if (anchor.in_quote) {
            for (const auto &st : m_ctx.out.statements) {
                if (st.kind == "direct" && st.begin <= anchor.begin && anchor.end <= st.end) {
                    return st.speaker;
                }
            }
            return -1;
        }
        // The subject of the subordinate clause the anchor is in ("..., when the US president
        // said he was considering sending weapons"), else of the sentence.
        const std::uint32_t first = m_ctx.sentence(m_sentence).first;
        std::uint32_t clause = m_anchor;
        while (clause > first && !m_ctx.has(clause - 1, "subordinator")) {
            --clause;
        }
        if (clause > first) {
            if (const int agent = first_agent(clause, targets); agent >= 0) {
                return agent;
            }
            // "..., where the bloc was to discuss whether to tighten sanctions": the clause has a
            // subject of its own that names no actor we know.
            if (clause < m_anchor && m_ctx.has(clause, "determiner")) {
                return -1;
            }
        }
        return first_agent(first, targets);
    }

    /// The first actor from token `from` to the anchor that can act: no place, no possessive,
    /// not quoted and not one of the targets; or -1.
    int first_agent(std::uint32_t from, const std::vector<int> &targets) const {
        for (std::uint32_t i = from; i < m_anchor; ++i) {
            const auto *m = m_ctx.mention_at(i);
            if (m == nullptr || m->in_quote || m_ctx.actor(m->actor).kind == ActorKind::place ||
                std::find(targets.begin(), targets.end(), m->actor) != targets.end()) {
                continue;
            }
            if (!m->possessive) {
                return m->actor;
            }
        }
        return -1;
    }

    bool window_has(std::string_view category) const {
        const auto first = m_ctx.sentence(m_sentence).first;
        for (std::uint32_t i = m_anchor; i-- > first && m_anchor - i <= 5;) {
            if (m_ctx.text(i) == "," || m_ctx.mention_at(i) != nullptr) {
                break;
            }
            if (m_ctx.has(i, category)) {
                return true;
            }
        }
        return false;
    }

    /// A word of the category among the matched words after the anchor ("said Russia could face").
    bool span_has(const Binding &binding, std::string_view category) const {
        for (std::uint32_t i = m_anchor + 1; i < binding.end; ++i) {
            if (m_ctx.has(i, category)) {
                return true;
            }
        }
        return false;
    }

    /// Records the relations of a match; false when it yields none (no source, or only
    /// self-loops and duplicates), so that another reading can be tried.
    bool emit(const Binding &binding) {
        std::vector<int> sources = binding.sources;
        const bool implicit = sources.empty();
        if (implicit) {
            if (const int source = implicit_source(binding.targets); source >= 0) {
                sources.push_back(source);
            }
        }
        if (sources.empty() || binding.targets.empty()) {
            return false;
        }
        bool emitted = false;
        const bool negated = window_has("negation");
        const bool hypothetical = window_has("modal") || span_has(binding, "modal");
        // The anchor itself may name the theme ("invasion of", "recognised"), unless it opens
        // the pattern and so names the relation ("relations between"); a sentence-opening phrase
        // may name it too ("On Syria, Macron said ...").
        const std::uint32_t topic_from = binding.topic_from > 0   ? binding.topic_from
                                         : m_pattern->anchor == 0 ? m_anchor + 1
                                                                  : m_anchor;
        TopicSearch search{m_sentence, topic_from, binding.first, binding.sources};
        search.ends.insert(search.ends.end(), binding.targets.begin(), binding.targets.end());
        const auto topics = relation_topics(m_ctx, search);
        const bool all_pairs = binding.sources == binding.targets;
        for (std::size_t si = 0; si < sources.size(); ++si) {
            const int source = sources[si];
            for (std::size_t ti = all_pairs ? si + 1 : 0; ti < binding.targets.size(); ++ti) {
                const int target = state_of_capital(binding.targets[ti]);
                if (source == target || duplicate(implicit ? -1 : source, target) ||
                    !fits_types(source, target)) {
                    continue;
                }
                emitted = true;
                Relation relation;
                relation.source = source;
                relation.target = target;
                relation.type = m_pattern->type;
                relation.polarity = m_pattern->polarity;
                relation.directed = m_pattern->directed;
                relation.negated = negated;
                relation.modality = hypothetical ? "hypothetical" : "asserted";
                relation.pattern = m_pattern->where;
                relation.sentence = m_sentence;
                relation.begin = m_doc.tokens[binding.first].begin;
                relation.end = m_doc.tokens[std::max(binding.end, binding.first + 1) - 1].end;
                relation.topics = topics;
                m_ctx.out.relations.push_back(std::move(relation));
            }
        }
        return emitted;
    }

    /// Where this pattern's type cannot aim at a place, a capital stands for its country ("called
    /// off a trip to Paris"); otherwise the actor itself.
    int state_of_capital(int actor) {
        const auto &ref = m_ctx.actor(actor);
        if (ref.kind != ActorKind::place || ref.lexicon < 0 ||
            m_ctx.lex.is_word("place_target_type", to_lower(m_pattern->type))) {
            return actor;
        }
        const auto country = m_ctx.lex.by_code.find(ref.country);
        if (country == m_ctx.lex.by_code.end() ||
            m_ctx.lex.actors[country->second].capital != ref.lexicon) {
            return actor;
        }
        return m_ctx.actor_of_lexicon(country->second);
    }

    /// Places act on no one; they can only be what an attack, a deployment or a blockade hits.
    bool fits_types(int source, int target) const {
        if (m_ctx.actor(source).kind == ActorKind::place) {
            return false;
        }
        if (m_ctx.actor(target).kind != ActorKind::place) {
            return true;
        }
        return m_ctx.lex.is_word("place_target_type", to_lower(m_pattern->type));
    }

    /// The same edge from this sentence already (source -1: from any source).
    bool duplicate(int source, int target) const {
        return std::any_of(
            m_ctx.out.relations.begin(), m_ctx.out.relations.end(), [&](const Relation &r) {
                return r.sentence == m_sentence && (source < 0 || r.source == source) &&
                       r.target == target && r.type == m_pattern->type;
            });
    }

    /// What a meeting was about, from the sentences that describe it ("the two men spoke
    /// with unusual bluntness about Syria, Ukraine and ..."); its place is no topic.
    std::vector<Topic> meeting_topics(const Meeting &meeting) const {
        std::vector<Topic> topics;
        TopicSearch search;
        search.ends = meeting.participants;
        search.ends.push_back(meeting.place);
        for (const auto &evidence : meeting.evidence) {
            search.sentence = evidence.sentence;
            search.from = m_ctx.sentence(evidence.sentence).first;
            search.match_first = search.from;
            for (auto &topic : relation_topics(m_ctx, search)) {
                if (std::none_of(topics.begin(), topics.end(),
                                 [&](const Topic &t) { return t.name == topic.name; })) {
                    topics.push_back(std::move(topic));
                }
            }
        }
        return topics;
    }

    void add_meeting_relations() {
        for (const auto &meeting : m_ctx.out.meetings) {
            if (meeting.status != "held") {
                continue;
            }
            const auto &first = m_ctx.sentence(meeting.evidence.front().sentence);
            const auto topics = meeting_topics(meeting);
            for (std::size_t i = 0; i < meeting.participants.size(); ++i) {
                for (std::size_t j = i + 1; j < meeting.participants.size(); ++j) {
                    Relation relation;
                    relation.source = meeting.participants[i];
                    relation.target = meeting.participants[j];
                    relation.type = "CONSULT";
                    relation.polarity = "cooperative";
                    relation.directed = false;
                    relation.pattern = "meeting";
                    relation.sentence = meeting.evidence.front().sentence;
                    relation.begin = first.begin;
                    relation.end = first.end;
                    relation.topics = topics;
                    m_ctx.out.relations.push_back(std::move(relation));
                }
            }
        }
    }
};

} // namespace

void find_relations(Context &ctx) {
    RelationFinder(ctx).run();
}

} // namespace diplograph
