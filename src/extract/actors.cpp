// Actor mentions: lexicon names, descriptors resolved by date ("the French president"),
// metonyms versus places, people the lexicon does not know, surnames, pronouns.
#include "common/text.hpp"
#include "extract/context.hpp"

#include <algorithm>

namespace diplograph {

namespace {

/// A name the article introduced: later surname-only mentions resolve to it.
struct KnownName {
    std::vector<std::string> words; ///< exact token keys of the surname
    int actor = -1;
};

class MentionFinder {
public:
    explicit MentionFinder(Context &ctx) : m_ctx(ctx), m_doc(ctx.out.doc) {}

    void run() {
        for (std::uint32_t s = 0; s < m_doc.sentences.size(); ++s) {
            if (m_ctx.noise[s]) {
                continue;
            }
            scan_sentence(s);
            find_unknown_people(s);
            resolve_pronouns(s);
        }
    }

private:
    Context &m_ctx;
    const Document &m_doc;
    std::vector<KnownName> m_known;
    int m_last_subject = -1; ///< the person most recently in subject position

    const Lexicon &lex() const { return m_ctx.lex; }

    void scan_sentence(std::uint32_t s) {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = sentence.first; i < sentence.last;) {
            if (m_doc.tokens[i].kind != TokenKind::word &&
                m_doc.tokens[i].kind != TokenKind::number) {
                ++i;
                continue;
            }
            std::uint32_t used = descriptor_at(s, i, sentence.last);
            if (used == 0) {
                used = counterpart_at(s, i, sentence.last);
            }
            if (used == 0) {
                used = titled_name_at(s, i, sentence.last);
            }
            if (used == 0) {
                used = name_at(s, i, sentence.last);
            }
            if (used == 0) {
                used = pair_reference_at(s, i, sentence.last);
            }
            if (used == 0) {
                used = bare_office_at(s, i, sentence.last);
            }
            if (used == 0) {
                used = reference_at(s, i, sentence.last);
            }
            i += std::max<std::uint32_t>(used, 1);
        }
    }

    /// "the two leaders", "both countries".
    std::uint32_t pair_reference_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        for (const auto *category : {"pair_people", "pair_countries"}) {
            if (const auto length = m_ctx.cue_at(i, last, category); length > 0) {
                m_ctx.pairs.push_back(PairReference{
                    s, i, i + length, std::string_view(category) == "pair_countries"});
                return length;
            }
        }
        return 0;
    }

    /// The gazetteer entries at token i, with their length.
    std::optional<Gazetteer<std::vector<GazetteerEntry>>::Match>
    entries_at(std::uint32_t i, std::uint32_t last) const {
        return lex().names.longest(m_ctx.exact, i, last);
    }

    static const GazetteerEntry *entry_of(const std::vector<GazetteerEntry> &entries,
                                          EntryKind kind) {
        for (const auto &e : entries) {
            if (e.kind == kind) {
                return &e;
            }
        }
        return nullptr;
    }

    /// The country or organisation a descriptor's first words name ("French", "Russia's",
    /// "UN"), with the tokens used.
    std::optional<std::pair<int, std::uint32_t>> holder_at(std::uint32_t i,
                                                           std::uint32_t last) const {
        const auto match = entries_at(i, last);
        if (!match) {
            return std::nullopt;
        }
        for (const auto &e : *match->value) {
            const auto kind = lex().actors[e.actor].kind;
            const bool holder = kind == ActorKind::country || kind == ActorKind::organization;
            if (holder && (e.kind == EntryKind::demonym || e.kind == EntryKind::name ||
                           e.kind == EntryKind::metonym)) {
                std::uint32_t used = match->length;
                if (i + used < last && m_doc.tokens[i + used].kind == TokenKind::possessive) {
                    ++used;
                }
                return std::pair{e.actor, used};
            }
        }
        return std::nullopt;
    }

    /// "the French president", "Russia's foreign minister", "US president Donald Trump",
    /// "the then president François Hollande". Returns the tokens used (0: no descriptor).
    std::uint32_t descriptor_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        const std::uint32_t start = i;
        if (m_ctx.word(i) == "the" && i + 1 < last) {
            ++i;
        }
        bool named_past = false; // "former", "then": the office holder today is not meant
        const auto skip_modifiers = [&] {
            while (i < last && m_ctx.has(i, "office_modifier")) {
                named_past = named_past || m_ctx.has(i, "office_past");
                ++i;
            }
        };
        skip_modifiers();
        const auto holder = holder_at(i, last);
        if (!holder) {
            return 0;
        }
        if (longer_name_at(i, holder->second)) {
            return 0;
        }
        const std::uint32_t holder_first = i;
        const std::uint32_t holder_last = i + holder->second;
        i = holder_last;
        skip_modifiers();
        if (i < last && m_ctx.has(i, "capital_noun") && lex().actors[holder->first].capital >= 0) {
            // "the Austrian capital": the capital as a place.
            m_ctx.add_mention(m_ctx.actor_of_lexicon(holder->first), s, holder_first, holder_last,
                              "demonym");
            m_ctx.add_mention(m_ctx.actor_of_lexicon(lex().actors[holder->first].capital), s, start,
                              i + 1, "place");
            return i + 1 - start;
        }
        const auto office = i < last ? m_ctx.office_at(i, last) : std::nullopt;
        if (!office) {
            return 0;
        }
        const std::uint32_t end = i + office->length;
        const int holder_actor = m_ctx.actor_of_lexicon(holder->first);
        m_ctx.add_mention(holder_actor, s, holder_first, holder_last,
                          lex().actors[holder->first].kind == ActorKind::country ? "demonym"
                                                                                 : "name");
        // A name right after the descriptor is the person meant: "the Russian leader, Vladimir
        // Putin".
        std::uint32_t name_start = end;
        if (name_start + 1 < last && m_ctx.text(name_start) == ",") {
            ++name_start;
        }
        if (const auto used =
                person_name_at(s, name_start, last, m_ctx.country_of(holder_actor), "title")) {
            return name_start + used - start;
        }
        if (named_past || !m_ctx.date) {
            return end - start;
        }
        std::string office_name = *office->value;
        if (office_name == "leader") {
            office_name = lex().actors[holder->first].leader_office;
        }
        const int person = lex().office_holder(holder->first, office_name, *m_ctx.date);
        if (person >= 0) {
            m_ctx.add_mention(m_ctx.actor_of_lexicon(person), s, start, end, "descriptor");
        } else if (const int recent = recent_holder(holder->first, office_name, false);
                   recent >= 0) {
            // "the Emirati minister": no office is just "minister", so the country's minister
            // of any kind named most recently in the article.
            m_ctx.add_mention(recent, s, start, end, "descriptor");
        }
        return end - start;
    }

    /// "his Chinese counterpart": the holder, in that country, of the office held by the person
    /// named last before it in the sentence (for a head of state or government, the country's
    /// leader). A name after it ("his Pakistani counterpart, Nawaz Sharif") is left to the
    /// appositions. Returns the tokens used (0: none).
    std::uint32_t counterpart_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        if (!m_ctx.date || !m_ctx.has(i, "determiner")) {
            return 0;
        }
        std::uint32_t j = i + 1;
        while (j < last && m_ctx.has(j, "office_modifier")) {
            ++j;
        }
        const auto holder = j < last ? holder_at(j, last) : std::nullopt;
        const std::uint32_t noun = holder ? j + holder->second : last;
        if (noun >= last || !m_ctx.has(noun, "counterpart_noun") ||
            lex().actors[holder->first].kind != ActorKind::country ||
            (noun + 2 < last && m_ctx.text(noun + 1) == "," && m_doc.tokens[noun + 2].upper)) {
            return 0;
        }
        const Mention *referent = nullptr;
        for (const auto &m : m_ctx.out.mentions) {
            if (m.sentence == s && m.first < i && !m.in_quote &&
                m_ctx.actor(m.actor).kind == ActorKind::person &&
                m_ctx.actor(m.actor).lexicon >= 0) {
                referent = &m;
            }
        }
        const int target =
            referent == nullptr
                ? -1
                : counterpart_of(m_ctx.actor(referent->actor).lexicon, holder->first);
        if (target < 0 || target == m_ctx.actor(referent->actor).lexicon) {
            return 0;
        }
        m_ctx.add_mention(m_ctx.actor_of_lexicon(holder->first), s, j, noun, "demonym");
        m_ctx.add_mention(m_ctx.actor_of_lexicon(target), s, i, noun + 1, "descriptor");
        return noun + 1 - i;
    }

    /// The lexicon person holding, in `country` on the publication date, the office that
    /// `person` holds in their own country (a head of state or government: the leader); -1.
    int counterpart_of(int person, int country) const {
        const auto home = lex().by_code.find(lex().actors[person].country);
        if (home == lex().by_code.end() || home->second == country) {
            return -1;
        }
        const Date &date = *m_ctx.date;
        std::string office;
        for (const auto &role : lex().roles) {
            if (role.person != person || role.holder != home->second || date < role.start ||
                (role.end && !(date < *role.end))) {
                continue;
            }
            // A head of state or government meets the other country's leader.
            if (lex().is_word("head_office", role.office)) {
                return lex().office_holder(country, lex().actors[country].leader_office, date);
            }
            office = role.office;
        }
        return office.empty() ? -1 : lex().office_holder(country, office, date);
    }

    /// Whether a role's office is `office` or a kind of it: "foreign_minister" is a "minister".
    static bool office_is(std::string_view role_office, std::string_view office) {
        return role_office == office ||
               (role_office.size() > office.size() + 1 && role_office.ends_with(office) &&
                role_office[role_office.size() - office.size() - 1] == '_');
    }

    /// The person mentioned most recently in the article who holds `office` (or a kind of it)
    /// on the article's date, or held it before with `past`; of `holder` (a lexicon index)
    /// unless it is -1. Returns the extraction's actor index, or -1.
    int recent_holder(int holder, std::string_view office, bool past) const {
        for (auto it = m_ctx.out.mentions.rbegin(); it != m_ctx.out.mentions.rend(); ++it) {
            const auto &actor = m_ctx.actor(it->actor);
            if (actor.kind != ActorKind::person || actor.lexicon < 0) {
                continue;
            }
            for (const auto &role : lex().roles) {
                const bool now = role.held_on(*m_ctx.date);
                const bool before = role.start <= *m_ctx.date;
                if (role.person == actor.lexicon && (holder < 0 || role.holder == holder) &&
                    office_is(role.office, office) && (past ? before : now)) {
                    return it->actor;
                }
            }
        }
        return -1;
    }

    /// "the secretary of state said", "the former president": the person holding (or, with
    /// "former", having held) that office who was mentioned most recently in the article.
    std::uint32_t bare_office_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        if (m_ctx.word(i) != "the" || !m_ctx.date) {
            return 0;
        }
        std::uint32_t j = i + 1;
        bool past = false;
        while (j < last && m_ctx.has(j, "office_modifier")) {
            past = past || m_ctx.has(j, "office_past");
            ++j;
        }
        const auto office = j < last ? m_ctx.office_at(j, last) : std::nullopt;
        if (!office || *office->value == "leader") {
            return 0;
        }
        const std::uint32_t end = j + office->length;
        if (end < last && (m_doc.tokens[end].upper || m_ctx.word(end) == "of")) {
            return 0; // "the president of France", "the president Emmanuel Macron": other rules
        }
        if (const int recent = recent_holder(-1, *office->value, past); recent >= 0) {
            m_ctx.add_mention(recent, s, i, end, "descriptor");
            return end - i;
        }
        return 0;
    }

    /// "the bloc", "the alliance": the organisation called so (lexicon `called:`) that the
    /// article mentioned most recently. Nothing when none was mentioned.
    std::uint32_t reference_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        if (m_ctx.word(i) != "the" || i + 1 >= last) {
            return 0;
        }
        const auto noun = lex().references.longest(m_ctx.lower, i + 1, last);
        if (!noun) {
            return 0;
        }
        const std::uint32_t end = i + 1 + noun->length;
        if (end < last && m_doc.tokens[end].upper) {
            return 0; // "the alliance Nato", "the bloc ASEAN": the name that follows says it
        }
        const auto &called = *noun->value;
        for (auto it = m_ctx.out.mentions.rbegin(); it != m_ctx.out.mentions.rend(); ++it) {
            const int lexicon = m_ctx.actor(it->actor).lexicon;
            if (std::find(called.begin(), called.end(), lexicon) != called.end()) {
                m_ctx.add_mention(it->actor, s, i, end, "reference");
                return end - i;
            }
        }
        return 0;
    }

    /// "Foreign Minister Sergei Lavrov", "Senator John McCain", "Mr Peskov".
    std::uint32_t titled_name_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        std::uint32_t j = i;
        std::string country;
        if (const auto holder = holder_at(j, last)) {
            if (longer_name_at(j, holder->second)) {
                return 0;
            }
            country = lex().actors[holder->first].country;
            j += holder->second;
        }
        std::uint32_t title_length = 0;
        std::string office_name;
        if (const auto office = m_ctx.office_at(j, last)) {
            title_length = office->length;
            office_name = *office->value;
        } else {
            title_length = m_ctx.cue_at(j, last, "title");
        }
        if (title_length == 0 || (j == i && !m_doc.tokens[j].upper && !m_ctx.has(j, "honorific"))) {
            return 0;
        }
        if (j == i && longer_name_at(i, title_length)) {
            return 0; // "King Abdullah" is itself a name in the lexicon
        }
        j += title_length;
        if (j < last && m_ctx.text(j) == ".") {
            ++j; // "Mr." and "Dr."
        }
        // A bare title before one unknown word is too weak ("General Assembly"), unless it is an
        // honorific ("Mr Peskov").
        const bool weak = j - title_length == i && !m_ctx.has(i, "honorific");
        if (weak && !known_person_at(j, last) && capitalised_run(j, last) < 2) {
            return 0;
        }
        const auto used = person_name_at(s, j, last, country, "title", office_name);
        if (used == 0) {
            return 0;
        }
        if (j > i && !country.empty()) {
            const auto holder = holder_at(i, last);
            m_ctx.add_mention(
                m_ctx.actor_of_lexicon(holder->first), s, i,
                i + holder->second -
                    (m_doc.tokens[i + holder->second - 1].kind == TokenKind::possessive ? 1 : 0),
                "demonym");
        }
        return j + used - i;
    }

    /// A person's name at token i: known to the lexicon or the article, or a run of
    /// capitalised words. Adds the mention; returns the tokens used (0: none).
    std::uint32_t person_name_at(std::uint32_t s, std::uint32_t i, std::uint32_t last,
                                 const std::string &country, const char *how,
                                 const std::string &office = {}) {
        if (i >= last || !m_doc.tokens[i].upper) {
            return 0;
        }
        const auto match = entries_at(i, last);
        if (match) {
            for (const auto &e : *match->value) {
                if (lex().actors[e.actor].kind == ActorKind::person && e.kind == EntryKind::name) {
                    const int actor = m_ctx.actor_of_lexicon(e.actor);
                    m_ctx.add_mention(actor, s, i, i + match->length, "name");
                    remember(actor, i, i + match->length);
                    return match->length;
                }
            }
        }
        if (const auto known = known_name_at(i, last)) {
            m_ctx.add_mention(known->first, s, i, i + known->second, "surname");
            return known->second;
        }
        if (match) {
            // "King Abdullah": the candidate holding the title's office wins.
            int person = office.empty() ? -1 : holder_among(*match->value, office);
            person = person >= 0 ? person : resolve_surname(*match->value);
            if (person >= 0) {
                m_ctx.add_mention(m_ctx.actor_of_lexicon(person), s, i, i + match->length,
                                  "surname");
                return match->length;
            }
        }
        const auto length = capitalised_run(i, last);
        if (length == 0) {
            return 0;
        }
        const int actor = m_ctx.actor_found(
            std::string(m_doc.span_text(m_doc.tokens[i].begin, m_doc.tokens[i + length - 1].end)),
            ActorKind::person, country);
        m_ctx.add_mention(actor, s, i, i + length, how);
        remember(actor, i, i + length);
        return length;
    }

    /// Whether a gazetteer name starting at token i is longer than `length` tokens (then the
    /// name wins: "UN General Assembly" is not "UN" + "general").
    bool longer_name_at(std::uint32_t i, std::uint32_t length) const {
        const auto match = entries_at(i, m_doc.tokens.size());
        const bool possessive = m_doc.tokens[i + length - 1].kind == TokenKind::possessive;
        return match && match->length > length - (possessive ? 1 : 0);
    }

    bool known_person_at(std::uint32_t i, std::uint32_t last) const {
        if (known_name_at(i, last)) {
            return true;
        }
        const auto match = entries_at(i, last);
        return match && std::any_of(match->value->begin(), match->value->end(),
                                    [&](const GazetteerEntry &e) {
                                        return lex().actors[e.actor].kind == ActorKind::person;
                                    });
    }

    /// Whether the gazetteer has a name at token i other than a surname alone (a surname can be
    /// part of another person's name: "Naseer Khan Janjua").
    bool names_other_than_surname(std::uint32_t i) const {
        const auto match = entries_at(i, m_doc.tokens.size());
        return match &&
               (match->length > 1 ||
                std::any_of(match->value->begin(), match->value->end(),
                            [](const GazetteerEntry &e) { return e.kind != EntryKind::surname; }));
    }

    /// Length of a run of capitalised words that could be a name (particles allowed inside).
    std::uint32_t capitalised_run(std::uint32_t i, std::uint32_t last) const {
        std::uint32_t j = i;
        while (j < last && j - i < 5) {
            const auto &token = m_doc.tokens[j];
            // "Le Pen", "bin Salman", "al-Douri": particles inside a name.
            const bool particle =
                j > i &&
                ((m_ctx.has(j, "name_particle") && j + 1 < last && m_doc.tokens[j + 1].upper) ||
                 !without_particle_prefix(m_ctx.exact[j]).empty());
            if (token.kind != TokenKind::word || (!token.upper && !particle) ||
                m_ctx.token_mention[j] >= 0 ||
                (j > i && !particle && names_other_than_surname(j)) || m_ctx.has(j, "not_name")) {
                break;
            }
            ++j;
        }
        return j - i;
    }

    /// Registers the surname of a person whose full name was just mentioned.
    void remember(int actor, std::uint32_t first, std::uint32_t last) {
        if (last - first < 2) {
            return;
        }
        if (lex().called_by_first_word(m_ctx.country_of(actor))) {
            m_known.push_back(KnownName{{m_ctx.exact[first]}, actor});
            return;
        }
        std::uint32_t surname = last - 1;
        while (surname > first + 1 &&
               (m_ctx.has(surname - 1, "name_particle") || !m_doc.tokens[surname - 1].upper)) {
            --surname;
        }
        KnownName known{{m_ctx.exact.begin() + surname, m_ctx.exact.begin() + last}, actor};
        m_known.push_back(std::move(known));
        // "al-Zayani" is also "Zayani".
        if (last - surname == 1) {
            if (const auto bare = without_particle_prefix(m_ctx.exact[surname]); !bare.empty()) {
                m_known.push_back(KnownName{{bare}, actor});
            }
        }
    }

    /// "al-Assad" -> "Assad": a surname token that starts with a particle and a hyphen, or "".
    std::string without_particle_prefix(const std::string &token) const {
        const auto hyphen = token.find('-');
        if (hyphen == std::string::npos || hyphen + 1 >= token.size() ||
            !lex().is_word("name_particle", to_lower(token.substr(0, hyphen)))) {
            return {};
        }
        return token.substr(hyphen + 1);
    }

    std::optional<std::pair<int, std::uint32_t>> known_name_at(std::uint32_t i,
                                                               std::uint32_t last) const {
        for (auto it = m_known.rbegin(); it != m_known.rend(); ++it) {
            const auto n = static_cast<std::uint32_t>(it->words.size());
            if (i + n <= last &&
                std::equal(it->words.begin(), it->words.end(), m_ctx.exact.begin() + i)) {
                return std::pair{it->actor, n};
            }
        }
        return std::nullopt;
    }

    /// A lexicon name, surname, demonym or metonym at token i.
    std::uint32_t name_at(std::uint32_t s, std::uint32_t i, std::uint32_t last) {
        if (const auto known = known_name_at(i, last)) {
            const auto match = entries_at(i, last);
            if (!match || match->length <= known->second) {
                m_ctx.add_mention(known->first, s, i, i + known->second, "surname");
                return known->second;
            }
        }
        const auto match = entries_at(i, last);
        if (!match) {
            return 0;
        }
        const auto &entries = *match->value;
        const std::uint32_t end = i + match->length;
        if (const auto *metonym = entry_of(entries, EntryKind::metonym)) {
            const bool place = is_place_context(i, end, last);
            const int actor = m_ctx.actor_of_lexicon(place ? metonym->place : metonym->actor);
            m_ctx.add_mention(actor, s, i, end, place ? "place" : "metonym");
            return match->length;
        }
        if (const auto *name = entry_of(entries, EntryKind::name)) {
            const int actor = m_ctx.actor_of_lexicon(name->actor);
            m_ctx.add_mention(actor, s, i, end, "name");
            if (lex().actors[name->actor].kind == ActorKind::person) {
                remember(actor, i, end);
            }
            return match->length;
        }
        if (const auto *demonym = entry_of(entries, EntryKind::demonym)) {
            m_ctx.add_mention(m_ctx.actor_of_lexicon(demonym->actor), s, i, end, "demonym");
            return match->length;
        }
        if (name_continues(end, last)) {
            return 0; // "Mohammed al-Douri" is not King Mohammed VI: a longer, other name
        }
        if (const int person = resolve_surname(entries); person >= 0) {
            m_ctx.add_mention(m_ctx.actor_of_lexicon(person), s, i, end, "surname");
            return match->length;
        }
        return 0;
    }

    /// Whether a name goes on at token `i`: a capitalised word, or a name particle before one
    /// ("al-Douri", "bin Salman"), that is not a word which ends names.
    bool name_continues(std::uint32_t i, std::uint32_t last) const {
        if (i < last && m_ctx.has(i, "name_particle") && i + 1 < last) {
            ++i;
        }
        if (i >= last || m_doc.tokens[i].kind != TokenKind::word || m_doc.tokens[i].in_quote) {
            return false;
        }
        if (!m_doc.tokens[i].upper) {
            return !without_particle_prefix(m_ctx.exact[i]).empty();
        }
        return !m_ctx.has(i, "not_name") && !entries_at(i, last).has_value();
    }

    /// The surname candidate who holds `office` (of any country) on the publication date.
    int holder_among(const std::vector<GazetteerEntry> &entries, const std::string &office) const {
        if (!m_ctx.date) {
            return -1;
        }
        for (const auto &e : entries) {
            if (e.kind != EntryKind::surname) {
                continue;
            }
            for (const auto &role : lex().roles) {
                if (role.person == e.actor && role.office == office && role.held_on(*m_ctx.date)) {
                    return e.actor;
                }
            }
        }
        return -1;
    }

    /// A surname alone: the person already named in the article, else the one candidate who
    /// holds an office on the publication date (not for surnames that are common words).
    int resolve_surname(const std::vector<GazetteerEntry> &entries) const {
        std::vector<int> candidates;
        for (const auto &e : entries) {
            if (e.kind == EntryKind::surname) {
                candidates.push_back(e.actor);
            }
        }
        for (const auto &actor : m_ctx.out.actors) {
            if (std::find(candidates.begin(), candidates.end(), actor.lexicon) !=
                candidates.end()) {
                return actor.lexicon;
            }
        }
        if (!m_ctx.date || candidates.empty()) {
            return -1;
        }
        int holder = -1;
        for (const int candidate : candidates) {
            const auto &name = lex().actors[candidate].name;
            if (lex().is_word("common_surname", to_lower(name.substr(name.rfind(' ') + 1)))) {
                continue;
            }
            for (const auto &role : lex().roles) {
                if (role.person == candidate && role.held_on(*m_ctx.date)) {
                    if (holder >= 0 && holder != candidate) {
                        return -1;
                    }
                    holder = candidate;
                }
            }
        }
        return holder;
    }

    /// "talks in Moscow", "a visit to Paris", "the Moscow summit": the place, not the state.
    bool is_place_context(std::uint32_t first, std::uint32_t end, std::uint32_t last) const {
        std::uint32_t before = first;
        if (before > 0 && m_ctx.word(before - 1) == "the") {
            --before;
        }
        if (before > 0 && m_ctx.has(before - 1, "locative")) {
            return true;
        }
        return end < last && m_ctx.has(end, "place_noun");
    }

    /// People the lexicon does not know, shown by an apposition ("her rival, Marine Le Pen,")
    /// or a speech verb ("..., said Dmitry Peskov" / "Dmitry Peskov said").
    void find_unknown_people(std::uint32_t s) {
        const auto &sentence = m_ctx.sentence(s);
        find_leading_apposition(s);
        for (std::uint32_t i = sentence.first + 1; i < sentence.last; ++i) {
            if (m_ctx.token_mention[i] >= 0 || !m_doc.tokens[i].upper ||
                m_doc.tokens[i].kind != TokenKind::word) {
                continue;
            }
            const auto length = capitalised_run(i, sentence.last);
            if (length == 0) {
                continue;
            }
            const std::uint32_t end = i + length;
            std::string country;
            const bool apposition = is_apposition(s, i, end, country);
            const bool after_quote = i >= 2 && (m_ctx.text(i - 2) == "," ||
                                                m_doc.tokens[i - 2].kind == TokenKind::quote_close);
            const bool speaker =
                length >= 2 && ((end < sentence.last && m_ctx.has(end, "speech")) ||
                                (m_ctx.has(i - 1, "speech") && after_quote));
            // "the separatist leaders Alexander Zakharchenko and Igor Plotnitsky", "climate
            // envoys John Kerry and Xie Zhenhua": a full name right after a person noun, or
            // after "and" following a person.
            const bool titled = length >= 2 && i > sentence.first && is_person_noun(i - 1);
            const bool listed =
                length >= 2 && i >= sentence.first + 2 && m_ctx.word(i - 1) == "and" &&
                m_ctx.mention_at(i - 2) != nullptr &&
                m_ctx.actor(m_ctx.mention_at(i - 2)->actor).kind == ActorKind::person;
            if (apposition || speaker || titled || listed) {
                const int actor = m_ctx.actor_found(
                    std::string(m_doc.span_text(m_doc.tokens[i].begin, m_doc.tokens[end - 1].end)),
                    ActorKind::person, country);
                m_ctx.add_mention(actor, s, i, end,
                                  apposition ? "apposition" : (speaker ? "speech" : "title"));
                remember(actor, i, end);
            }
            i = end;
        }
    }

    /// "Hans Blix, the head of the UN inspection agency, said": a name opening the sentence,
    /// followed by an apposition whose head is a person noun or an office.
    void find_leading_apposition(std::uint32_t s) {
        const auto &sentence = m_ctx.sentence(s);
        for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
            // A name opening the sentence or a phrase ("talks between Ali Shamkhani, the
            // secretary").
            const bool opens = i == sentence.first || m_ctx.has(i - 1, "preposition") ||
                               m_ctx.word(i - 1) == "and";
            if (opens) {
                i = name_with_apposition(s, i);
            }
        }
    }

    /// Records "Name Name, the head of ..." at token i; returns the last token looked at.
    std::uint32_t name_with_apposition(std::uint32_t s, std::uint32_t i) {
        const auto &sentence = m_ctx.sentence(s);
        if (m_ctx.token_mention[i] >= 0 || !m_doc.tokens[i].upper ||
            m_doc.tokens[i].kind != TokenKind::word) {
            return i;
        }
        const auto length = capitalised_run(i, sentence.last);
        const std::uint32_t end = i + length;
        if (length < 2 || end + 2 >= sentence.last || m_ctx.text(end) != ",") {
            return i;
        }
        std::string country;
        for (std::uint32_t k = end + 1; k < sentence.last && k < end + 5; ++k) {
            if (const auto *m = m_ctx.mention_at(k)) {
                country = m_ctx.country_of(m->actor);
                continue;
            }
            if (m_ctx.has(k, "person_noun") || m_ctx.office_at(k, sentence.last)) {
                const int actor = m_ctx.actor_found(
                    std::string(m_doc.span_text(m_doc.tokens[i].begin, m_doc.tokens[end - 1].end)),
                    ActorKind::person, country);
                m_ctx.add_mention(actor, s, i, end, "apposition");
                remember(actor, i, end);
                return end;
            }
        }
        return i;
    }

    /// A person noun at token k, singular or plural ("envoy", "advisers").
    bool is_person_noun(std::uint32_t k) const {
        if (m_ctx.has(k, "person_noun")) {
            return true;
        }
        const auto &word = m_ctx.lower[k];
        return word.size() > 3 && word.back() == 's' &&
               lex().is_word("person_noun", std::string_view(word).substr(0, word.size() - 1));
    }

    /// "NOUN, Name Name," where the noun phrase before the comma ends in a person noun; the
    /// country comes from a demonym or a possessor in that phrase.
    bool is_apposition(std::uint32_t s, std::uint32_t first, std::uint32_t end,
                       std::string &country) const {
        const auto &sentence = m_ctx.sentence(s);
        if (first < sentence.first + 2 || end - first < 2) {
            return false;
        }
        // "Ajit Doval and Naseer Khan Janjua": a name joined to an apposition's name.
        if (m_ctx.word(first - 1) == "and") {
            const auto *before = m_ctx.mention_at(first - 2);
            return before != nullptr && before->how == "apposition" &&
                   m_ctx.actor(before->actor).kind == ActorKind::person;
        }
        if (m_ctx.text(first - 1) != ",") {
            return false;
        }
        const auto is_head = [&](std::uint32_t k) {
            return is_person_noun(k) || m_ctx.office_at(k, first - 1);
        };
        std::uint32_t noun = first - 2;
        if (!is_head(noun)) {
            // "Iraq's ambassador to the UN, Mohammed al-Douri,": the head before a short
            // prepositional phrase.
            std::uint32_t k = noun;
            while (k > sentence.first && noun - k < 4 && !m_ctx.has(k, "preposition")) {
                --k;
            }
            if (k <= sentence.first || !m_ctx.has(k, "preposition") || !is_head(k - 1)) {
                return false;
            }
            noun = k - 1;
        }
        for (std::uint32_t k = noun; k > sentence.first && noun - k < 5; --k) {
            if (const auto *m = m_ctx.mention_at(k - 1)) {
                country = m_ctx.country_of(m->actor);
                break;
            }
        }
        return true;
    }

    /// he/she: the person in subject position of this sentence before the pronoun, else the
    /// most recent subject of an earlier sentence.
    void resolve_pronouns(std::uint32_t s) {
        const auto &sentence = m_ctx.sentence(s);
        int first_subject = -1;
        int recent_subject = -1;
        for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
            if (const auto *m = m_ctx.mention_at(i)) {
                if (m_ctx.actor(m->actor).kind == ActorKind::person &&
                    is_subject_position(*m, sentence)) {
                    recent_subject = m->actor;
                    first_subject = first_subject < 0 ? m->actor : first_subject;
                }
                i = m->last - 1;
                continue;
            }
            if (m_ctx.has(i, "pronoun") && !m_doc.tokens[i].in_quote) {
                const int person = recent_subject >= 0 ? recent_subject : m_last_subject;
                if (person >= 0) {
                    const int index = m_ctx.add_mention(person, s, i, i + 1, "pronoun");
                    if (is_subject_position(m_ctx.out.mentions[index], sentence)) {
                        recent_subject = person;
                        first_subject = first_subject < 0 ? person : first_subject;
                    }
                }
            }
        }
        if (first_subject >= 0) {
            m_last_subject = first_subject;
        }
    }

    /// A mention in subject position: not a possessive, not after a preposition, not quoted,
    /// and followed by what can be a verb ("Macron said", "the Russian leader had handed"),
    /// possibly after an apposition between commas.
    bool is_subject_position(const Mention &m, const Sentence &sentence) const {
        if (m.possessive || m.in_quote ||
            (m.first > sentence.first && m_ctx.has(m.first - 1, "preposition"))) {
            return false;
        }
        std::uint32_t next = m.last;
        if (next + 1 < sentence.last && m_ctx.text(next) == "," && !m_ctx.verb_like(next + 1)) {
            // "Hans Blix, the head of the agency, said"; "Powell, who spoke first, answered"
            // A relative clause may run long ("who presented intelligence on Iraq's alleged
            // weapons programmes to the council on 5 February,"); an apposition is short.
            const std::uint32_t reach = m_ctx.has(next + 1, "relative_pronoun") ? 40 : 15;
            std::uint32_t k = next + 1;
            while (k < sentence.last && k < next + reach && m_ctx.text(k) != ",") {
                ++k;
            }
            if (k >= sentence.last || m_ctx.text(k) != ",") {
                return false;
            }
            next = k + 1;
        } else if (next < sentence.last && m_ctx.text(next) == ",") {
            ++next; // "Ukraine's ambassador, Sergiy Kyslytsya, turned"
        }
        return next < sentence.last && m_ctx.verb_like(next);
    }
};

} // namespace

void find_mentions(Context &ctx) {
    MentionFinder(ctx).run();
}

} // namespace diplograph
