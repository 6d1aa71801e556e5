// Meetings: trigger words, participants, place, date and status, one meeting per episode.
#include "extract/meeting_clause.hpp"

#include <algorithm>

namespace diplograph {

namespace {

/// What one trigger sentence says about a meeting.
struct Sighting {
    std::uint32_t sentence = 0;
    std::string trigger;
    std::vector<int> participants;
    bool pair_reference = false; ///< "the two leaders": the meeting being described
    int place = -1;
    bool venue = false; ///< the place is a listed venue or city, not a capital seen as a place
    std::optional<Date> date;
    std::string status = "held";
    bool past_perfect = false; ///< "had met": an earlier episode
    bool anaphoric = false;    ///< "the talks", "such a meeting": the episode being described
    bool open_group = false;   ///< "a summit of EU leaders": participants the text cannot list
    bool figurative = false;   ///< "Trump has embraced Kim", "never met": no encounter
    std::uint32_t clause_last = 0;
};

class MeetingFinder {
public:
    explicit MeetingFinder(Context &ctx) : m_ctx(ctx), m_doc(ctx.out.doc) {}

    void run() {
        int current = -1;
        std::uint32_t last_sentence = 0;
        for (std::uint32_t s = 0; s < m_doc.sentences.size(); ++s) {
            if (m_ctx.noise[s]) {
                continue;
            }
            const auto found = sightings(s);
            if (found.empty() && current >= 0 && s - last_sentence <= 3) {
                follow_pair(s, current);
            }
            for (const auto &sighting : found) {
                if (sighting.open_group || sighting.figurative) {
                    continue;
                }
                const bool near = current >= 0 && s - last_sentence <= 3;
                if (sighting.participants.size() < 2 || sighting.pair_reference) {
                    if (near && joins(current, sighting)) {
                        attach(current, sighting);
                        last_sentence = s;
                        continue;
                    }
                    if (near && sighting.pair_reference && sighting.participants.empty()) {
                        // "a day after the two leaders met in Berlin": the pair, another day.
                        auto earlier = sighting;
                        earlier.participants = m_ctx.out.meetings[current].participants;
                        current = merge_or_add(earlier);
                        last_sentence = s;
                        continue;
                    }
                    if (sighting.participants.size() < 2) {
                        continue;
                    }
                }
                current = merge_or_add(sighting);
                last_sentence = s;
            }
        }
        finish();
    }

private:
    Context &m_ctx;
    const Document &m_doc;

    bool contains(int meeting, const std::vector<int> &participants) const {
        if (meeting < 0) {
            return false;
        }
        const auto &have = m_ctx.out.meetings[meeting].participants;
        return !participants.empty() &&
               std::all_of(participants.begin(), participants.end(), [&](int p) {
                   return std::find(have.begin(), have.end(), p) != have.end();
               });
    }

    /// "the two leaders", "his first visit there", "the talks": a sighting that describes the
    /// current episode rather than a new meeting.
    bool joins(int current, const Sighting &sighting) const {
        const auto &meeting = m_ctx.out.meetings[current];
        const bool same_status = meeting.status == sighting.status;
        if (meeting.date && sighting.date && !compatible(*meeting.date, *sighting.date)) {
            return false;
        }
        const bool adds_no_pair =
            sighting.participants.size() < 2 || contains_any(current, sighting.participants);
        const bool names_no_stranger =
            sighting.participants.empty() || contains(current, sighting.participants);
        return same_status && adds_no_pair &&
               (sighting.pair_reference || (sighting.anaphoric && names_no_stranger) ||
                contains(current, sighting.participants));
    }

    /// "The two leaders then flew to the family estate at Raiwind": a sentence about the pair
    /// without a trigger refines the episode's place with a place inside it.
    void follow_pair(std::uint32_t s, int current) {
        const bool pair = std::any_of(m_ctx.pairs.begin(), m_ctx.pairs.end(), [&](const auto &ref) {
            return ref.sentence == s && !ref.countries;
        });
        auto &meeting = m_ctx.out.meetings[current];
        if (!pair || meeting.participants.size() != 2) {
            return;
        }
        const auto &sentence = m_ctx.sentence(s);
        const auto [place, venue] = place_in(
            s, Clause{sentence.first, sentence.last, sentence.first, {}, -1}, sentence.first);
        if (place >= 0 && lies_within(place, meeting.place)) {
            meeting.place = place;
            m_venue[current] = venue;
        }
    }

    bool contains_any(int meeting, const std::vector<int> &participants) const {
        if (meeting < 0) {
            return false;
        }
        const auto &have = m_ctx.out.meetings[meeting].participants;
        return std::any_of(participants.begin(), participants.end(), [&](int p) {
            return std::find(have.begin(), have.end(), p) != have.end();
        });
    }

    /// One sighting per clause with a trigger word ("Kim met Lee, and Trump held talks with
    /// Lee" gives two; "wanted to meet Putin at the climate summit" one).
    std::vector<Sighting> sightings(std::uint32_t s) const {
        const auto &sentence = m_ctx.sentence(s);
        std::vector<Sighting> found;
        for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
            if (m_doc.tokens[i].in_quote) {
                continue;
            }
            if (const auto length = m_ctx.cue_at(i, sentence.last, "meeting"); length > 0) {
                found.push_back(sight(s, i, i + length));
                i = std::max(i + length, found.back().clause_last) - 1;
            }
        }
        return found;
    }

    Sighting sight(std::uint32_t s, std::uint32_t trigger, std::uint32_t trigger_end) const {
        const auto &sentence = m_ctx.sentence(s);
        Sighting sighting;
        sighting.sentence = s;
        sighting.trigger = std::string(
            m_doc.span_text(m_doc.tokens[trigger].begin, m_doc.tokens[trigger_end - 1].end));
        const Clause clause = meeting_clause(m_ctx, s, trigger, trigger_end);
        sighting.participants = clause.people;
        for (const auto &ref : m_ctx.pairs) {
            sighting.pair_reference =
                sighting.pair_reference || (ref.sentence == s && !ref.countries);
        }
        // Status words near the trigger: "cancelled his visit", "will meet", "is due to visit".
        for (std::uint32_t i = trigger > sentence.first + 6 ? trigger - 6 : sentence.first;
             i < std::min(trigger_end + 3, sentence.last); ++i) {
            if (m_ctx.has(i, "meeting_cancelled")) {
                sighting.status = "cancelled";
            } else if (sighting.status == "held" && m_ctx.has(i, "meeting_planned") &&
                       i < trigger) {
                sighting.status = "planned";
            }
        }
        for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
            sighting.past_perfect = sighting.past_perfect || m_ctx.has(i, "past_perfect");
        }
        // "on 9 December, days after X and Y held talks": the anchor date precedes the clause.
        bool anchored = false;
        for (auto at = barrier_between(sentence.first, trigger); at && !anchored;
             at = barrier_between(*at + 1, trigger)) {
            anchored = amount_before(m_ctx, *at);
        }
        const std::uint32_t dates_first = anchored ? sentence.first : clause.dates_first;
        sighting.date =
            nearest_date(dates_first, clause.last, trigger, sighting.status == "planned");
        if (m_ctx.date) {
            add_named_by_office(sighting, clause.first, clause.last, trigger, trigger_end);
        }
        std::tie(sighting.place, sighting.venue) = place_in(s, clause, trigger);
        const bool passive = trigger_end < sentence.last && m_ctx.word(trigger_end) == "by";
        if (sighting.place < 0 && clause.subject >= 0 && !passive &&
            m_ctx.has(trigger, "meeting_host")) {
            sighting.place = home_capital(clause.subject); // "Xi hosted Raisi last month"
        }
        sighting.clause_last = clause.last;
        sighting.anaphoric = anaphoric(trigger, sentence.first);
        sighting.open_group = open_group(trigger_end, sentence.last);
        // "Trump has embraced Kim" is a stance; "Isaias embraced Abiy at Asmara airport on
        // Sunday" an encounter: such verbs need a date or a place ("on the tarmac at ...").
        bool located = sighting.date || sighting.place >= 0;
        for (std::uint32_t i = trigger_end; i < clause.last && !located; ++i) {
            located = m_ctx.has(i, "locative");
        }
        sighting.figurative = m_ctx.has(trigger, "meeting_setting") && !located;
        // "did not meet", "never met", "no meeting is planned": no meeting at all.
        for (std::uint32_t i = trigger; i-- > sentence.first && trigger - i <= 2;) {
            sighting.figurative = sighting.figurative || m_ctx.has(i, "negation");
        }
        return sighting;
    }

    /// People the clause names by an office: "the leaders of Russia, Ukraine, Germany and
    /// France", and the host country's leader of a visit ("Hollande, who visited Moscow").
    void add_named_by_office(Sighting &sighting, std::uint32_t first, std::uint32_t last,
                             std::uint32_t trigger, std::uint32_t trigger_end) const {
        const Date when = sighting.date ? *sighting.date : *m_ctx.date;
        auto &people = sighting.participants;
        for (const int p : office_holders_of_list(m_ctx, first, last, when)) {
            if (std::find(people.begin(), people.end(), p) == people.end()) {
                people.push_back(p);
            }
        }
        if (people.size() == 1 && m_ctx.has(trigger_end - 1, "meeting_visit")) {
            if (const int place = visit_destination(first, trigger, trigger_end, last);
                place >= 0) {
                if (const int host = visit_host(m_ctx, people.front(), place, when);
                    host >= 0 && host != people.front()) {
                    people.push_back(host);
                }
            }
        }
        std::sort(people.begin(), people.end());
    }

    /// Where a visit in the clause [first, last) goes: "visited Moscow", "a visit to Pakistan",
    /// "his Moscow visit", "arrived in Moscow for a visit".
    int visit_destination(std::uint32_t first, std::uint32_t trigger, std::uint32_t trigger_end,
                          std::uint32_t last) const {
        const auto is_place = [&](const Mention *m) {
            return m != nullptr && !m->in_quote && !m->possessive &&
                   (m_ctx.actor(m->actor).kind == ActorKind::place ||
                    m_ctx.actor(m->actor).kind == ActorKind::country);
        };
        std::uint32_t i = trigger_end;
        while (i < last && i < trigger_end + 2 &&
               (m_ctx.word(i) == "to" || m_ctx.word(i) == "the")) {
            ++i;
        }
        if (i < last && is_place(m_ctx.mention_at(i))) {
            return m_ctx.mention_at(i)->actor;
        }
        if (trigger > 0 && is_place(m_ctx.mention_at(trigger - 1))) {
            return m_ctx.mention_at(trigger - 1)->actor;
        }
        // "arrived in Moscow on Monday for a state visit": a place after a locative word in
        // the clause, the nearest to the trigger.
        int nearest = -1;
        std::uint32_t best = 0;
        for (const auto &m : m_ctx.out.mentions) {
            if (m.first <= first || m.last > last || !is_place(&m) ||
                !m_ctx.has(m.first - 1, "locative")) {
                continue;
            }
            const std::uint32_t distance =
                m.first > trigger ? m.first - trigger : trigger - m.first;
            if (nearest < 0 || distance < best) {
                nearest = m.actor;
                best = distance;
            }
        }
        return nearest;
    }

    /// "the talks", "this meeting", "such a visit": a determiner before the trigger (adjectives
    /// may stand between) refers to the episode being described.
    bool anaphoric(std::uint32_t trigger, std::uint32_t first) const {
        for (std::uint32_t i = trigger; i-- > first && trigger - i <= 3;) {
            if (m_ctx.has(i, "meeting_anaphor")) {
                return true;
            }
            if (m_ctx.mention_at(i) != nullptr || m_doc.tokens[i].kind != TokenKind::word) {
                return false;
            }
        }
        return false;
    }

    /// "a summit of EU leaders", "a meeting of Nato foreign ministers": a gathering whose
    /// participants the text does not list.
    bool open_group(std::uint32_t trigger_end, std::uint32_t last) const {
        if (trigger_end + 1 >= last || m_ctx.word(trigger_end) != "of") {
            return false;
        }
        for (std::uint32_t i = trigger_end + 1; i < last && i <= trigger_end + 4; ++i) {
            if (m_ctx.cue_at(i, last, "pair_people") > 0) {
                return false; // "a meeting of the two leaders": the pair named before
            }
            if (m_ctx.cue_at(i, last, "meeting_group") > 0) {
                return true;
            }
        }
        return false;
    }

    /// The date expression of the trigger's clause nearest the trigger ("talks ... on Tuesday"
    /// rather than "re-elected last month"); a planned meeting's weekday lies ahead.
    std::optional<Date> nearest_date(std::uint32_t first, std::uint32_t last, std::uint32_t trigger,
                                     bool future) const {
        std::optional<Date> best;
        std::uint32_t best_distance = 0;
        for (std::uint32_t i = first; i < last; ++i) {
            if (m_doc.tokens[i].in_quote) {
                continue;
            }
            const auto date = date_at(m_ctx, i, last, future);
            if (!date) {
                continue;
            }
            const std::uint32_t start = i;
            const std::uint32_t end = i + date->second;
            i = end - 1;
            auto value = std::optional(date->first);
            // "agreed on Thursday after marathon negotiations": the date is the agreement's,
            // unless an amount makes it an anchor ("on 9 December, days after ... talks").
            const bool before = end <= trigger;
            if (const auto barrier =
                    before ? barrier_between(end, trigger) : barrier_between(trigger, start)) {
                value = before ? date_before_offset(m_ctx, *value, *barrier) : std::nullopt;
            }
            if (!value) {
                continue;
            }
            const std::uint32_t distance = start > trigger ? start - trigger : trigger - start;
            if (!best || distance < best_distance) {
                best = value;
                best_distance = distance;
            }
        }
        return best;
    }

    /// A "before" or "after" word in [first, last).
    std::optional<std::uint32_t> barrier_between(std::uint32_t first, std::uint32_t last) const {
        for (std::uint32_t i = first; i < last; ++i) {
            if (m_ctx.has(i, "date_before") || m_ctx.has(i, "date_after") ||
                m_ctx.cue_at(i, last, "date_before") > 0) {
                return i;
            }
        }
        return std::nullopt;
    }

    /// The place named in the trigger's clause (else elsewhere in the sentence) nearest the
    /// trigger; a venue or city from the places list beats a capital seen as a place ("at the
    /// Palace of Versailles" over "in Paris").
    std::pair<int, bool> place_in(std::uint32_t s, const Clause &clause,
                                  std::uint32_t trigger) const {
        int best = -1;
        bool best_is_venue = false;
        bool best_in_clause = false;
        std::uint32_t best_distance = 0;
        for (const auto &m : m_ctx.out.mentions) {
            if (m.sentence != s || m.in_quote || m_ctx.actor(m.actor).kind != ActorKind::place) {
                continue;
            }
            if ((m.first >= clause.first && m.first < clause.dates_first) ||
                m.first >= clause.last) {
                // "who visited Riyadh in December and hosted ...", "Kim met Lee, and Trump held
                // talks at the Istana": another act's place.
                continue;
            }
            const bool venue = m.how == "name";
            const bool in_clause = m.first >= clause.dates_first && m.last <= clause.last;
            const std::uint32_t distance =
                m.first > trigger ? m.first - trigger : trigger - m.first;
            const auto rank = [](bool clause, bool is_venue) { return clause * 2 + is_venue; };
            if (best < 0 || rank(in_clause, venue) > rank(best_in_clause, best_is_venue) ||
                (rank(in_clause, venue) == rank(best_in_clause, best_is_venue) &&
                 distance < best_distance)) {
                best = m.actor;
                best_is_venue = venue;
                best_in_clause = in_clause;
                best_distance = distance;
            }
        }
        return {best, best_is_venue};
    }

    /// Two dates that may be the same day: "2019-09" and "2019-09-09" may; "2019-09-09" and
    /// "2019-09-10" may not.
    static bool compatible(const Date &a, const Date &b) {
        return a.year == b.year && (a.month == 0 || b.month == 0 || a.month == b.month) &&
               (a.day == 0 || b.day == 0 || a.day == b.day);
    }

    int merge_or_add(const Sighting &sighting) {
        auto &meetings = m_ctx.out.meetings;
        for (int i = 0; i < static_cast<int>(meetings.size()); ++i) {
            auto &m = meetings[i];
            const bool dates_clash =
                m.date && sighting.date && !compatible(*m.date, *sighting.date);
            if (m.participants == sighting.participants && !dates_clash &&
                m.status == sighting.status) {
                attach(i, sighting);
                return i;
            }
        }
        Meeting meeting;
        meeting.participants = sighting.participants;
        meeting.status = sighting.status;
        meetings.push_back(std::move(meeting));
        m_venue.push_back(false);
        attach(static_cast<int>(meetings.size()) - 1, sighting);
        if (!sighting.past_perfect && sighting.status == "held" && !sighting.date) {
            m_fresh.push_back(static_cast<int>(meetings.size()) - 1);
        }
        return static_cast<int>(meetings.size()) - 1;
    }

    void attach(int index, const Sighting &sighting) {
        auto &meeting = m_ctx.out.meetings[index];
        if (meeting.evidence.empty() || meeting.evidence.back().sentence != sighting.sentence) {
            meeting.evidence.push_back(MeetingEvidence{sighting.sentence, sighting.trigger});
        }
        if (!meeting.date && sighting.date) {
            meeting.date = sighting.date;
        }
        // "The two men shook hands alongside Wang Yi": the pair and whoever joins them.
        for (const int p : sighting.participants) {
            if (sighting.pair_reference &&
                std::find(meeting.participants.begin(), meeting.participants.end(), p) ==
                    meeting.participants.end()) {
                meeting.participants.insert(
                    std::upper_bound(meeting.participants.begin(), meeting.participants.end(), p),
                    p);
            }
        }
        // A venue named later ("at the Capella hotel") refines a city named first, and so does
        // a place inside the one named first ("in Nusa Dua" after "on Bali"), when the sighting
        // is about the whole meeting ("the two men shook hands at ...", not "Trump's press
        // conference after the talks on Sentosa").
        const bool whole =
            sighting.pair_reference || sighting.participants.size() >= meeting.participants.size();
        const bool refines = whole && ((sighting.venue && !m_venue[index]) ||
                                       lies_within(sighting.place, meeting.place));
        if (sighting.place >= 0 && (meeting.place < 0 || refines)) {
            meeting.place = sighting.place;
            m_venue[index] = sighting.venue;
        }
        if (sighting.status == "cancelled" && meeting.evidence.size() == 1) {
            meeting.status = "cancelled";
        }
    }

    /// The capital of a person's country as an article actor, or -1.
    int home_capital(int person) const {
        const auto it = m_ctx.lex.by_code.find(m_ctx.country_of(person));
        if (it == m_ctx.lex.by_code.end() || m_ctx.lex.actors[it->second].capital < 0) {
            return -1;
        }
        return m_ctx.actor_of_lexicon(m_ctx.lex.actors[it->second].capital);
    }

    /// Whether a place actor lies inside another, by the places lexicon's "in:" keys.
    bool lies_within(int inner, int outer) const {
        if (inner < 0 || outer < 0 || inner == outer) {
            return false;
        }
        const int target = m_ctx.actor(outer).lexicon;
        int place = m_ctx.actor(inner).lexicon;
        for (int step = 0; place >= 0 && target >= 0 && step < 8; ++step) {
            place = m_ctx.lex.actors[place].within;
            if (place == target) {
                return true;
            }
        }
        return false;
    }

    /// A meeting the article reports as news, with no date of its own, happened on the
    /// publication date; one told in the past perfect ("had met") stays undated.
    void finish() {
        for (const int index : m_fresh) {
            auto &meeting = m_ctx.out.meetings[index];
            const bool lead = meeting.evidence.front().sentence < 4;
            if (!meeting.date && lead && m_ctx.date) {
                meeting.date = *m_ctx.date;
            }
        }
    }

    std::vector<int> m_fresh;
    std::vector<bool> m_venue; ///< per meeting: its place is a venue (see Sighting::venue)
};

} // namespace

void find_meetings(Context &ctx) {
    MeetingFinder(ctx).run();
}

std::vector<int> resolve_pair(const Context &ctx, const PairReference &ref) {
    if (!ref.countries) {
        // The people of the latest meeting described at or before the reference.
        for (auto it = ctx.out.meetings.rbegin(); it != ctx.out.meetings.rend(); ++it) {
            if (it->evidence.front().sentence <= ref.sentence && it->participants.size() == 2) {
                return it->participants;
            }
        }
        return {};
    }
    // The last two distinct countries joined by "and" before the reference.
    const auto &mentions = ctx.out.mentions;
    for (auto second = mentions.rbegin(); second != mentions.rend(); ++second) {
        if (second->sentence > ref.sentence || second->first >= ref.first || second->first < 2 ||
            ctx.actor(second->actor).kind != ActorKind::country ||
            ctx.word(second->first - 1) != "and") {
            continue;
        }
        const int before = ctx.token_mention[second->first - 2];
        // "over Syria and Ukraine" names topics, not the pair.
        const std::uint32_t first = before >= 0 ? mentions[before].first : 0;
        const bool topic = first > 0 && ctx.has(first - 1, "topic_preposition");
        if (before >= 0 && !topic && ctx.actor(mentions[before].actor).kind == ActorKind::country &&
            mentions[before].actor != second->actor) {
            return {mentions[before].actor, second->actor};
        }
    }
    return {};
}

} // namespace diplograph
