// Statements: direct quotes with their speaker, and reported speech ("X warned that ...").
#include "common/text.hpp"
#include "extract/context.hpp"

#include <algorithm>

namespace diplograph {

namespace {

bool can_speak(const ActorRef &actor) {
    return actor.kind != ActorKind::place;
}

class StatementFinder {
public:
    explicit StatementFinder(Context &ctx) : m_ctx(ctx), m_doc(ctx.out.doc) {}

    void run() {
        find_direct();
        find_indirect();
    }

private:
    Context &m_ctx;
    const Document &m_doc;

    std::uint32_t sentence_of(std::uint32_t token) const {
        const auto it =
            std::upper_bound(m_doc.sentences.begin(), m_doc.sentences.end(), token,
                             [](std::uint32_t t, const Sentence &s) { return t < s.first; });
        return static_cast<std::uint32_t>(it - m_doc.sentences.begin()) - 1;
    }

    /// A speech verb outside quotes; verbs are lower case ("The State Department" is no verb).
    bool is_speech(std::uint32_t token) const {
        return m_ctx.has(token, "speech") && !m_doc.tokens[token].in_quote &&
               !m_doc.tokens[token].upper;
    }

    bool is_agent(const Mention *m) const {
        return m != nullptr && !m->in_quote && can_speak(m_ctx.actor(m->actor));
    }

    /// The first agent (person, organisation, group or country) of the sentence outside quotes.
    int sentence_subject(std::uint32_t s, std::uint32_t before) const {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = sentence.first; i < before; ++i) {
            const auto *m = m_ctx.mention_at(i);
            if (m != nullptr && !m->in_quote && !m->possessive &&
                can_speak(m_ctx.actor(m->actor))) {
                return m->actor;
            }
        }
        return -1;
    }

    /// Who speaks with the verb at token v: a participle after a comma or "and" ("..., saying")
    /// takes the sentence's subject; otherwise the nearest agent to the left, jumping over an
    /// apposition or relative clause between commas ("X, who ..., said"); else the agent right
    /// after the verb ("said X").
    int speaker_of_verb(std::uint32_t s, std::uint32_t v, std::uint32_t left_limit) const {
        const auto &sentence = m_ctx.sentence(s);
        const std::uint32_t low = std::max(left_limit, sentence.first);
        // "..., saying", "He accused Turkey and warned of": the sentence's subject speaks.
        const bool participle = m_ctx.text(v - 1) == "," && m_ctx.lower[v].ends_with("ing");
        if (v > sentence.first && (participle || m_ctx.word(v - 1) == "and")) {
            if (const int subject = sentence_subject(s, v); subject >= 0) {
                return subject;
            }
        }
        std::uint32_t i = v;
        if (i > low + 1 && m_ctx.text(i - 1) == ",") {
            // "The Kremlin spokesman, Dmitry Peskov, said": the person between the commas;
            // "Hans Blix, the head of the agency, said": the agent before the first comma.
            std::uint32_t k = i - 1;
            while (k > low && m_ctx.text(k - 1) != "," &&
                   m_doc.tokens[k - 1].kind != TokenKind::quote_close) {
                --k;
            }
            // Only a name that ends the parenthesis is its subject: not "who spoke to Putin".
            if (const auto *m = m_ctx.mention_at(i - 2);
                !m_ctx.has(k, "relative_pronoun") && is_agent(m) && !m->possessive &&
                m_ctx.actor(m->actor).kind == ActorKind::person) {
                return m->actor;
            }
            if (k > low && m_ctx.text(k - 1) == ",") {
                i = k - 1;
            }
        }
        int possessive = -1;
        while (i-- > low) {
            if (m_doc.tokens[i].kind == TokenKind::quote_close) {
                break;
            }
            const auto *m = m_ctx.mention_at(i);
            if (!is_agent(m)) {
                continue;
            }
            if (!m->possessive) {
                return m->actor;
            }
            possessive = possessive < 0 ? m->actor : possessive;
        }
        if (possessive >= 0) {
            return possessive;
        }
        return speaker_after(v + 1, sentence.last);
    }

    /// "said Dmitry Peskov", "said the Kremlin spokesman": an agent right after the verb.
    int speaker_after(std::uint32_t from, std::uint32_t last) const {
        std::uint32_t i = from;
        if (i < last && m_ctx.text(i) == ",") {
            ++i;
        }
        // A descriptor's mention starts at its "the" ("the Bahraini minister"), and its inner
        // words may carry their own ("Bahraini": the country).
        if (i < last && m_ctx.word(i) == "the" && !is_agent(m_ctx.mention_at(i))) {
            ++i;
        }
        // "the official KCNA news agency": up to two lower-case modifiers before the name.
        for (int skipped = 0; skipped < 2 && i + 1 < last && m_ctx.mention_at(i) == nullptr &&
                              m_doc.tokens[i].kind == TokenKind::word && !m_doc.tokens[i].upper &&
                              !m_ctx.verb_like(i);
             ++skipped) {
            ++i;
        }
        const auto *m = i < last ? m_ctx.mention_at(i) : nullptr;
        return is_agent(m) ? m->actor : -1;
    }

    /// Attribution after the closing mark: “…,” X said / “…,” said X / “…,” he added. The
    /// sentence must go straight on to the attribution: “…” and that ... is no attribution.
    std::pair<int, std::string> attribution_after(const QuoteSpan &q, std::uint32_t s) const {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = q.close_token + 1; i < sentence.last && i < q.close_token + 16;
             ++i) {
            if (m_doc.tokens[i].kind == TokenKind::quote_open || m_ctx.has(i, "clause_break") ||
                ends_clause(m_ctx.text(i))) {
                break;
            }
            if (const auto length = m_ctx.cue_at(i, sentence.last, "according"); length > 0) {
                return {speaker_after(i + length, sentence.last), std::string(m_ctx.lower[i])};
            }
            if (is_speech(i)) {
                return {speaker_of_verb(s, i, q.close_token + 1), std::string(m_ctx.text(i))};
            }
        }
        return {-1, {}};
    }

    static bool ends_clause(std::string_view token) {
        return token == ";" || token == "." || token == "?" || token == "!";
    }

    /// Attribution before the opening mark: X said: “…” / X said France would show “…” /
    /// according to X, “…”.
    std::pair<int, std::string> attribution_before(const QuoteSpan &q, std::uint32_t s) const {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = q.open_token - 1; i-- > sentence.first;) {
            if (m_doc.tokens[i].kind == TokenKind::quote_close) {
                break;
            }
            if (is_speech(i)) {
                return {speaker_of_verb(s, i, sentence.first), std::string(m_ctx.text(i))};
            }
            if (const auto length = m_ctx.cue_at(i, sentence.last, "according"); length > 0) {
                return {speaker_after(i + length, q.open_token), std::string(m_ctx.lower[i])};
            }
        }
        return {-1, {}};
    }

    /// The speaker of the sentence before, in the same paragraph: an agent with a speech verb.
    std::pair<int, std::string> previous_sentence_speaker(std::uint32_t s) const {
        if (s == 0 || m_doc.sentences[s - 1].paragraph != m_doc.sentences[s].paragraph) {
            return {-1, {}};
        }
        const auto &previous = m_ctx.sentence(s - 1);
        for (std::uint32_t v = previous.first; v < previous.last; ++v) {
            if (is_speech(v) && m_ctx.has(v, "reporting")) {
                if (const int speaker = speaker_of_verb(s - 1, v, previous.first); speaker >= 0) {
                    return {speaker, std::string(m_ctx.text(v))};
                }
            }
        }
        return {-1, {}};
    }

    /// Trims spaces and the comma or colon that belongs to the attribution, not the quote.
    std::pair<std::uint32_t, std::uint32_t> quote_bytes(const QuoteSpan &q) const {
        std::uint32_t begin = q.begin;
        std::uint32_t end = q.end;
        const auto text = m_doc.text;
        while (end > begin &&
               (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == ':')) {
            --end;
        }
        while (begin < end && text[begin] == ' ') {
            ++begin;
        }
        return {begin, end};
    }

    std::vector<int> actors_within(std::uint32_t begin, std::uint32_t end) const {
        std::vector<int> about;
        for (const auto &m : m_ctx.out.mentions) {
            const auto &token = m_doc.tokens[m.first];
            if (token.begin >= begin && token.end <= end && m.how != "pronoun" &&
                std::find(about.begin(), about.end(), m.actor) == about.end()) {
                about.push_back(m.actor);
            }
        }
        return about;
    }

    /// Themes from the topics list named between two byte offsets.
    std::vector<Topic> topics_within(std::uint32_t begin, std::uint32_t end) const {
        std::vector<Topic> topics;
        const auto count = static_cast<std::uint32_t>(m_doc.tokens.size());
        // Tokens follow each other without overlapping, so both their starts and their ends
        // grow: those within [begin, end) are one run, found without walking the whole article
        // for every quote.
        const auto first = std::partition_point(m_doc.tokens.begin(), m_doc.tokens.end(),
                                                [&](const Token &t) { return t.begin < begin; });
        for (auto i = static_cast<std::uint32_t>(first - m_doc.tokens.begin());
             i < count && m_doc.tokens[i].end <= end; ++i) {
            if (const auto theme = m_ctx.lex.topics.longest(m_ctx.lower, i, count)) {
                if (std::none_of(topics.begin(), topics.end(),
                                 [&](const Topic &t) { return t.name == *theme->value; })) {
                    topics.push_back(Topic{*theme->value, -1});
                }
                i += theme->length - 1;
            }
        }
        return topics;
    }

    void find_direct() {
        int previous_speaker = -1;
        std::uint32_t previous_paragraph = 0;
        bool previous_open = false; // the last quote ran to the end of its paragraph
        for (const auto &q : m_doc.quotes) {
            if (m_doc.paragraphs[q.paragraph].noise) {
                continue;
            }
            const auto [begin, end] = quote_bytes(q);
            const auto words = q.close_token - q.open_token;
            if (words < 1 || end <= begin) {
                continue;
            }
            const std::uint32_t s_open = sentence_of(q.open_token - 1);
            const std::uint32_t s_close =
                sentence_of(std::min<std::uint32_t>(q.close_token, m_doc.tokens.size() - 1));
            auto [speaker, cue] =
                q.closed ? attribution_after(q, s_close) : std::pair<int, std::string>{-1, {}};
            // "X described the talks as “…”, according to the agency": the agency only reports.
            if (speaker < 0 || cue == "according") {
                auto [before, before_cue] = attribution_before(q, s_open);
                if (before >= 0 || cue.empty()) {
                    speaker = before;
                    cue = before_cue;
                }
            }
            if (speaker < 0 && cue.empty()) {
                // "Macron said France had drawn a line. Any use ... would meet “reprisals”."
                std::tie(speaker, cue) = previous_sentence_speaker(s_open);
            }
            // A quote with no attribution continues the speaker before it: in the same
            // paragraph, or opening the next one.
            const bool opens_paragraph =
                q.open_token - 1 ==
                m_doc.sentences[m_doc.paragraphs[q.paragraph].first_sentence].first;
            if (speaker < 0 && cue.empty() && previous_speaker >= 0 &&
                (q.paragraph == previous_paragraph ||
                 (q.paragraph == previous_paragraph + 1 && (opens_paragraph || previous_open)))) {
                speaker = previous_speaker;
            }
            // One quoted word is a statement only when a speech verb attributes it ("the talks
            // were “constructive”, the ministry said"); otherwise it is a scare quote.
            if (words < 2 && (speaker < 0 || cue.empty())) {
                continue;
            }
            Statement statement;
            statement.speaker = speaker;
            statement.kind = "direct";
            statement.sentence = s_open;
            statement.begin = begin;
            statement.end = end;
            statement.cue = cue;
            statement.about = actors_within(begin, end);
            statement.topics = topics_within(begin, end);
            m_ctx.out.statements.push_back(std::move(statement));
            previous_speaker = speaker;
            previous_paragraph = q.paragraph;
            previous_open = !q.closed;
        }
    }

    /// "X said that …", "X warned that …", "X denied that …": the clause up to the sentence's end.
    void find_indirect() {
        for (std::uint32_t s = 0; s < m_doc.sentences.size(); ++s) {
            if (m_ctx.noise[s]) {
                continue;
            }
            const auto &sentence = m_ctx.sentence(s);
            for (std::uint32_t v = sentence.first; v + 2 < sentence.last; ++v) {
                if (!is_speech(v) || !m_ctx.has(v, "reporting") || !reports_speech(v)) {
                    continue;
                }
                std::uint32_t clause = v + 1;
                if (m_ctx.has(v, "reporting_object")) {
                    // "told reporters that": the object comes before the clause.
                    while (clause < sentence.last && clause < v + 4 &&
                           m_ctx.word(clause) != "that") {
                        ++clause;
                    }
                }
                clause =
                    clause < sentence.last && m_ctx.word(clause) == "that" ? clause + 1 : clause;
                if (clause >= sentence.last || m_doc.tokens[clause].kind != TokenKind::word ||
                    m_ctx.has(clause, "preposition") || has_quote(clause, sentence.last)) {
                    continue;
                }
                const int speaker = speaker_of_verb(s, v, sentence.first);
                if (speaker < 0) {
                    continue;
                }
                std::uint32_t last = clause_end(clause, sentence.last);
                while (last > clause && m_doc.tokens[last - 1].kind == TokenKind::punct) {
                    --last;
                }
                Statement statement;
                statement.speaker = speaker;
                statement.kind = "indirect";
                statement.sentence = s;
                statement.begin = m_doc.tokens[clause].begin;
                statement.end = m_doc.tokens[last - 1].end;
                statement.cue = std::string(m_ctx.text(v));
                statement.about = actors_within(statement.begin, statement.end);
                statement.topics = topics_within(statement.begin, statement.end);
                m_ctx.out.statements.push_back(std::move(statement));
                break;
            }
        }
    }

    /// Where reported speech starting at `clause` ends: at a semicolon, or before ", and" /
    /// ", but" when another agent opens a clause of its own ("The Kremlin said it saw no
    /// reason to doubt it, and Russia's foreign minister accused the west").
    std::uint32_t clause_end(std::uint32_t clause, std::uint32_t last) const {
        for (std::uint32_t k = clause + 1; k + 2 < last; ++k) {
            if (m_ctx.text(k) == ";") {
                return k;
            }
            if (m_ctx.text(k) != "," || !m_ctx.has(k + 1, "coordinator")) {
                continue;
            }
            std::uint32_t subject = k + 2;
            if (m_ctx.word(subject) == "the" && subject + 1 < last) {
                ++subject;
            }
            if (const auto *m = m_ctx.mention_at(subject);
                m != nullptr && !m->in_quote && can_speak(m_ctx.actor(m->actor))) {
                return k;
            }
        }
        return last;
    }

    /// A verb reports speech when "that" follows it or an agent stands right before it
    /// ("Putin said the sanctions..."), not a noun ("his promise to stop").
    bool reports_speech(std::uint32_t v) const {
        if (v + 1 < m_doc.tokens.size() && m_ctx.word(v + 1) == "that") {
            return true;
        }
        if (m_ctx.has(v, "reporting_object") || !m_ctx.has(v, "reporting_bare")) {
            return false;
        }
        const auto *m = v > 0 ? m_ctx.mention_at(v - 1) : nullptr;
        return m != nullptr && !m->possessive && is_agent(m);
    }

    bool has_quote(std::uint32_t from, std::uint32_t last) const {
        for (std::uint32_t i = from; i < last; ++i) {
            if (m_doc.tokens[i].kind == TokenKind::quote_open || m_doc.tokens[i].in_quote) {
                return true;
            }
        }
        return false;
    }
};

} // namespace

void find_statements(Context &ctx) {
    StatementFinder(ctx).run();
}

} // namespace diplograph
