// The clause around a meeting trigger: the people it names as participants, and the tokens
// where its dates and places are sought.
#include "extract/meeting_clause.hpp"

#include <algorithm>

namespace diplograph {

namespace {

class ClauseScanner {
public:
    explicit ClauseScanner(const Context &ctx) : m_ctx(ctx), m_doc(ctx.out.doc) {}

    /// Participants come from the trigger's clause: the agents before it back to a clause
    /// break, and after it up to the next one ("X met Y", "talks between X and Y", "his
    /// meeting with the Russian leader, Vladimir Putin").
    Clause collect(std::uint32_t s, std::uint32_t trigger, std::uint32_t trigger_end) const {
        // People meet. Countries and organisations named around a trigger ("Iraq and Oman hosted
        // talks", "sanctions on Russia after the summit") are hosts, topics or bystanders far
        // more often than participants, so only people are collected.
        std::vector<int> people;
        const auto take = [&](const Mention &m) {
            if (!m.in_quote && !m.possessive && m_ctx.actor(m.actor).kind == ActorKind::person &&
                std::find(people.begin(), people.end(), m.actor) == people.end()) {
                people.push_back(m.actor);
            }
        };
        Clause clause = scan_left(s, trigger, people, take);
        if (const int subject = coordinated_subject(s, trigger); subject >= 0) {
            // "He held talks with Qin Gang, and met Wang Yi": the sentence's subject met Wang
            // Yi, not the people of the first verb's object.
            people = {subject};
        }
        clause.subject = people.empty() ? -1 : people.front();
        if (const int owner = possessor_of(s, trigger);
            owner >= 0 && std::find(people.begin(), people.end(), owner) == people.end()) {
            people.push_back(owner);
        }
        clause.last = scan_right(s, trigger_end, people, take);
        clause.people = std::move(people);
        std::sort(clause.people.begin(), clause.people.end());
        return clause;
    }

    /// For a verb trigger coordinated with an earlier verb (", and met", "and later hosted";
    /// auxiliaries and adverbs from the auxiliary cue list may stand between),
    /// the person in subject position at the start of the sentence; else -1.
    int coordinated_subject(std::uint32_t s, std::uint32_t trigger) const {
        const auto &sentence = m_ctx.sentence(s);
        if (m_doc.tokens[trigger].upper || !m_ctx.verb_like(trigger)) {
            return -1;
        }
        std::uint32_t i = trigger;
        while (i > sentence.first + 1 && m_ctx.has(i - 1, "auxiliary")) {
            --i;
        }
        if (i <= sentence.first + 1 || m_ctx.word(i - 1) != "and" ||
            m_ctx.mention_at(i - 2) != nullptr) {
            return -1; // "Xi and Putin met": no coordinated verb
        }
        for (std::uint32_t k = sentence.first; k + 1 < i; ++k) {
            const auto *m = m_ctx.mention_at(k);
            if (m == nullptr) {
                continue;
            }
            const bool after_preposition =
                m->first > sentence.first && m_ctx.has(m->first - 1, "preposition");
            if (!m->in_quote && !m->possessive && !after_preposition &&
                m_ctx.actor(m->actor).kind == ActorKind::person) {
                return m->actor;
            }
            k = m->last - 1;
        }
        return -1;
    }

    /// "Putin's Versailles visit", "Trump's meeting with Kim": the person whose possessive
    /// stands at most two words before the trigger, or -1.
    int possessor_of(std::uint32_t s, std::uint32_t trigger) const {
        const auto first = m_ctx.sentence(s).first;
        for (std::uint32_t i = trigger; i-- > first && trigger - i <= 4;) {
            const auto *m = m_ctx.mention_at(i);
            if (m != nullptr && m->possessive && !m->in_quote &&
                m_ctx.actor(m->actor).kind == ActorKind::person) {
                return trigger - m->last <= 3 ? m->actor : -1; // the 's token, then two words
            }
            const auto kind = m_doc.tokens[i].kind;
            if (m == nullptr && ((kind != TokenKind::word && kind != TokenKind::possessive) ||
                                 m_ctx.has(i, "speech") || m_ctx.has(i, "meeting"))) {
                return -1;
            }
            if (m != nullptr) {
                i = m->first;
            }
        }
        return -1;
    }

    /// The left part of collect_participants: where the clause starts, and where its dates
    /// and places start (after a boundary crossed to reach the subject: "Xi, who visited
    /// Riyadh in December and hosted ..." dates the hosting by what follows "and").
    template <class Take>
    Clause scan_left(std::uint32_t s, std::uint32_t trigger, const std::vector<int> &people,
                     const Take &take) const {
        const auto &sentence = m_ctx.sentence(s);
        Clause clause{sentence.first, sentence.last, 0, {}, -1};
        std::optional<std::uint32_t> crossed;
        for (std::uint32_t i = trigger; i-- > sentence.first;) {
            clause.first = i;
            const bool joined = i > sentence.first &&
                                (m_ctx.text(i) == "," || m_ctx.word(i) == "and") &&
                                m_ctx.mention_at(i - 1) != nullptr;
            // "Peskov said the president had received ...": Peskov speaks; but "Putin said
            // during a meeting with ..." and "Lavrov told reporters after meeting Wang Yi" put
            // the speaker at the meeting.
            if (m_ctx.has(i, "speech") && !m_doc.tokens[i].upper && i + 1 < trigger &&
                !m_ctx.has(i + 1, "preposition") && !introduced_by_preposition(i, trigger)) {
                break;
            }
            if (is_boundary(i) && !joined && !people.empty()) {
                break;
            }
            if (people.empty() && starts_noun_phrase(i, trigger)) {
                break;
            }
            // "X met Y on Thursday, weeks before the planned summit": another episode's people.
            if ((m_ctx.has(i, "date_before") || m_ctx.has(i, "date_after")) &&
                amount_before(m_ctx, i)) {
                break;
            }
            if (is_boundary(i) && !joined && !crossed) {
                crossed = i + 1;
            }
            if (m_ctx.text(i) == "," && people.empty()) {
                if (const auto k = parenthesis_start(sentence.first, i)) {
                    i = *k;
                    continue;
                }
            }
            if (const auto *m = m_ctx.mention_at(i)) {
                take(*m);
                i = m->first;
            }
        }
        clause.dates_first = crossed ? *crossed : clause.first;
        if (!crossed && introduces(sentence.first, clause.first)) {
            clause.dates_first = sentence.first; // "On Monday, Macron met Merkel"
        }
        return clause;
    }

    /// "told reporters after meeting ...", "said on Monday after the talks with ...": a
    /// preposition (and perhaps a determiner) right before the trigger, and no "that" clause
    /// since the speech verb at `speech`.
    bool introduced_by_preposition(std::uint32_t speech, std::uint32_t trigger) const {
        std::uint32_t before = trigger - 1;
        if (before > speech && m_ctx.has(before, "determiner")) {
            --before;
        }
        for (std::uint32_t i = speech + 1; i < trigger; ++i) {
            if (m_ctx.has(i, "relative_pronoun")) {
                return false;
            }
        }
        return before > speech && m_ctx.has(before, "preposition");
    }

    /// "Kim, who flew in on Monday, met ...": the comma opening a parenthesis that ends at the
    /// comma `i` and names no one; nullopt when it names someone ("the chancellor, Angela
    /// Merkel, speaking during a visit").
    std::optional<std::uint32_t> parenthesis_start(std::uint32_t first, std::uint32_t i) const {
        std::uint32_t k = i;
        while (k > first && m_ctx.text(k - 1) != ",") {
            const auto *m = m_ctx.mention_at(k - 1);
            if (m != nullptr && m_ctx.actor(m->actor).kind == ActorKind::person) {
                return std::nullopt;
            }
            --k;
        }
        return k > first ? std::optional(k - 1) : std::nullopt;
    }

    /// Whether [first, comma) is a short opening phrase before a comma that names no one and
    /// says nothing ("On Monday,", "In Berlin on Monday,").
    bool introduces(std::uint32_t first, std::uint32_t comma) const {
        if (comma == first || comma - first > 8 || m_ctx.text(comma) != ",") {
            return false;
        }
        for (std::uint32_t i = first; i < comma; ++i) {
            const auto *m = m_ctx.mention_at(i);
            if ((m != nullptr && m_ctx.actor(m->actor).kind == ActorKind::person) ||
                m_ctx.has(i, "speech") || m_ctx.has(i, "meeting") ||
                m_doc.tokens[i].kind == TokenKind::quote_open) {
                return false;
            }
        }
        return true;
    }

    /// The right part of collect_participants; returns where the clause ends.
    template <class Take>
    std::uint32_t scan_right(std::uint32_t s, std::uint32_t trigger_end,
                             const std::vector<int> &people, const Take &take) const {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = trigger_end; i < sentence.last && i < trigger_end + 45; ++i) {
            if (const auto date = date_at(m_ctx, i, sentence.last)) {
                i += date->second - 1; // "a month before the election" names no one
                continue;
            }
            // "... on 9 December, days after X and Y held talks": another episode follows.
            const bool temporal = m_ctx.has(i, "date_before") || m_ctx.has(i, "date_after");
            if (ends_right_scan(i, sentence.last) ||
                (temporal && (people.size() >= 2 || amount_before(m_ctx, i)))) {
                return i;
            }
            if (const auto *m = m_ctx.mention_at(i)) {
                take(*m);
                i = m->last - 1;
            }
        }
        return sentence.last;
    }

    /// Where a clause ends: punctuation other than a comma, a quote mark, a comma or a word
    /// such as "and", "which", "while" (from the clause_break cue list).
    bool is_boundary(std::uint32_t i) const {
        const auto &token = m_doc.tokens[i];
        if (token.kind == TokenKind::quote_open || token.kind == TokenKind::quote_close) {
            return true;
        }
        const auto text = m_ctx.text(i);
        return text == "," || text == ";" || text == ":" || text == "(" || text == ")" ||
               m_ctx.has(i, "meeting_break") || (m_ctx.has(i, "speech") && !m_doc.tokens[i].upper);
    }

    /// After the trigger, participants run on through lists and appositions ("talks between
    /// Ali Shamkhani, the secretary of the council, and the Saudi adviser, Musaed al-Aiban")
    /// until a clause ends: sentence punctuation, a relative or new clause (", which", "and
    /// Trump held talks"), or a speech verb.
    bool ends_right_scan(std::uint32_t i, std::uint32_t last) const {
        const auto &token = m_doc.tokens[i];
        const auto text = m_ctx.text(i);
        if (token.kind == TokenKind::quote_open || token.kind == TokenKind::quote_close ||
            text == ";" || text == ":" || text == "(" || text == ")" ||
            (m_ctx.has(i, "speech") && !token.upper)) {
            return true;
        }
        if (text == ",") {
            return i + 1 < last &&
                   (m_ctx.has(i + 1, "meeting_break") && m_ctx.word(i + 1) != "and");
        }
        if (m_ctx.word(i) == "and") {
            std::uint32_t next = i + 1;
            if (next < last && m_ctx.word(next) == "the") {
                ++next;
            }
            if (next >= last) {
                return true; // "and" (or "and the") ends the sentence: nothing more to take
            }
            const auto *m = m_ctx.mention_at(next);
            // "and Trump held talks": a new clause; "and Lee" or "and the Saudi adviser, X": a
            // list.
            // "and the Saudi national security adviser, X": a demonym opens a noun phrase.
            return m == nullptr
                       ? !m_ctx.has(next, "person_noun") && !m_ctx.has(next, "title")
                       : (m->how != "demonym" && m->last < last && m_ctx.verb_like(m->last));
        }
        return m_ctx.has(i, "meeting_break");
    }

    /// "and two visits to China", ", a meeting with ...": a new noun phrase starts after the
    /// boundary at i, so the people before it belong to another phrase.
    bool starts_noun_phrase(std::uint32_t i, std::uint32_t trigger) const {
        if ((m_ctx.text(i) != "," && m_ctx.word(i) != "and") || i + 1 >= trigger ||
            !(m_ctx.has(i + 1, "determiner") || m_ctx.has(i + 1, "number_word"))) {
            return false;
        }
        for (std::uint32_t k = i + 2; k < trigger; ++k) {
            if (m_ctx.verb_like(k)) {
                return false;
            }
        }
        return true;
    }

private:
    const Context &m_ctx;
    const Document &m_doc;
};

} // namespace

Clause meeting_clause(const Context &ctx, std::uint32_t s, std::uint32_t trigger,
                      std::uint32_t trigger_end) {
    return ClauseScanner(ctx).collect(s, trigger, trigger_end);
}

} // namespace diplograph
