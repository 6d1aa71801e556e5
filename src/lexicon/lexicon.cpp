// Loading the lexicon directory into the structures the extractor searches.
#include "lexicon/lexicon.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "reader/reader.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace diplograph {

namespace {

namespace fs = std::filesystem;

/// The .txt files of a lexicon subdirectory, in name order (missing directory: none).
std::vector<std::string> files_in(const fs::path &directory) {
    std::vector<std::string> files;
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(directory, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool is_lower_word(std::string_view word) {
    return !word.empty() && !starts_upper(word);
}

LexActor new_actor(std::string name, ActorKind kind, std::string country,
                   std::vector<std::string> aliases = {}, std::string origin = "lexicon") {
    LexActor actor;
    actor.name = std::move(name);
    actor.kind = kind;
    actor.country = std::move(country);
    actor.aliases = std::move(aliases);
    actor.origin = std::move(origin);
    if (kind == ActorKind::country) {
        actor.leader_office = "president";
    }
    return actor;
}

class Loader {
public:
    Loader(Lexicon &lexicon, fs::path directory) : m_lex(lexicon), m_dir(std::move(directory)) {}

    void load(const std::string &iso_codes_path, const std::vector<UserActor> &user_actors) {
        // About 3,000 actors: growing the vector step by step moved them all a dozen times,
        // and touching that much new memory was a tenth of loading.
        m_lex.actors.reserve(4096);
        load_cues();
        load_iso_countries(iso_codes_path);
        for (const auto &file : files_in(m_dir / "organizations")) {
            load_organizations(file);
        }
        for (const auto &file : files_in(m_dir / "places")) {
            load_places(file);
        }
        for (const auto &file : files_in(m_dir / "countries")) {
            load_countries(file);
        }
        resolve_within();
        for (const auto &file : files_in(m_dir / "people")) {
            load_people(file);
        }
        for (const auto &file : files_in(m_dir / "roles")) {
            load_roles(file);
        }
        for (const auto &user : user_actors) {
            add_user_actor(user);
        }
        load_offices();
        load_topics();
        load_events();
        load_patterns();
        index_names();
    }

private:
    Lexicon &m_lex;
    fs::path m_dir;
    /// Extra gazetteer phrases beyond actor names: (phrase, entry).
    std::vector<std::pair<std::string, GazetteerEntry>> m_extra;
    /// Places' "in:" keys waiting for every place to exist: (place, larger place, FILE:LINE).
    struct Within {
        int inner = -1;
        std::string outer;
        std::string where;
    };
    std::vector<Within> m_within;

    int add_actor(LexActor actor) {
        const int index = static_cast<int>(m_lex.actors.size());
        m_lex.by_name.emplace(actor.name, index);
        m_lex.actors.push_back(std::move(actor));
        return index;
    }

    void add_aliases(int actor, const std::vector<std::string> &aliases) {
        auto &list = m_lex.actors[actor].aliases;
        for (const auto &alias : aliases) {
            if (alias != m_lex.actors[actor].name &&
                std::find(list.begin(), list.end(), alias) == list.end()) {
                list.push_back(alias);
            }
        }
    }

    std::string checked_country(const LexiconLine &line, const std::string &code) const {
        if (!code.empty() && !m_lex.by_code.contains(code)) {
            throw InputError(fmt::format("{}: unknown country code \"{}\"", line.where(), code));
        }
        return code;
    }

    void load_iso_countries(const std::string &path) {
        const std::string bytes = read_file(path, 8u << 20);
        rapidjson::Document doc;
        doc.Parse(bytes.data(), bytes.size());
        if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("3166-1") ||
            !doc["3166-1"].IsArray()) {
            throw InputError(fmt::format("{}: not an iso-codes ISO 3166-1 file", path));
        }
        for (const auto &entry : doc["3166-1"].GetArray()) {
            const auto text = [&](const char *key) -> std::string {
                const auto it = entry.FindMember(key);
                return it != entry.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
            };
            LexActor country;
            country.kind = ActorKind::country;
            country.country = text("alpha_3");
            const std::string common = text("common_name");
            country.name = common.empty() ? text("name") : common;
            for (const auto &alias : {text("name"), text("official_name")}) {
                // "Korea, Republic of" is a catalogue form nobody writes in prose.
                if (!alias.empty() && alias.find(',') == std::string::npos &&
                    alias != country.name) {
                    country.aliases.push_back(alias);
                }
            }
            country.leader_office = "president";
            const std::string code = country.country;
            m_lex.by_code.emplace(code, add_actor(std::move(country)));
        }
    }

    /// The place actor called `name` in `country`, created when the places files lack it.
    int place_actor(const std::string &name, const std::string &country) {
        if (const int existing = m_lex.find(name);
            existing >= 0 && m_lex.actors[existing].kind == ActorKind::place) {
            return existing;
        }
        return add_actor(new_actor(name, ActorKind::place, country));
    }

    void load_countries(const std::string &file) {
        for (const auto &line :
             read_lexicon_file(file, 1, {"name", "also", "demonym", "capital", "seat", "leader"})) {
            const std::string &code = line.fields[0];
            int index = -1;
            if (const auto it = m_lex.by_code.find(code); it != m_lex.by_code.end()) {
                index = it->second;
            } else {
                if (code.size() != 3 || line.value("name").empty()) {
                    throw InputError(
                        fmt::format("{}: \"{}\" is not an ISO 3166-1 alpha-3 code; a new "
                                    "country needs a three-letter code and a name",
                                    line.where(), code));
                }
                index = add_actor(new_actor(line.value("name"), ActorKind::country, code));
                m_lex.by_code.emplace(code, index);
            }
            auto &country = m_lex.actors[index];
            if (const auto name = line.value("name"); !name.empty() && name != country.name) {
                country.aliases.push_back(country.name);
                m_lex.by_name.emplace(name, index);
                country.name = name;
            }
            if (const auto leader = line.value("leader"); !leader.empty()) {
                country.leader_office = leader;
            }
            add_aliases(index, line.values("also"));
            for (const auto &demonym : line.values("demonym")) {
                m_extra.emplace_back(demonym, GazetteerEntry{EntryKind::demonym, index, -1});
            }
            // A capital's first value names the place; further values are other spellings.
            const auto &capitals = line.values("capital");
            if (!capitals.empty()) {
                const int place = place_actor(capitals.front(), code);
                m_lex.actors[index].capital = place;
                add_aliases(place, std::vector<std::string>(capitals.begin() + 1, capitals.end()));
                for (const auto &name : capitals) {
                    m_extra.emplace_back(name, GazetteerEntry{EntryKind::metonym, index, place});
                    m_lex.actors[index].metonyms.push_back(name);
                }
            }
            for (const auto &name : line.values("seat")) {
                m_extra.emplace_back(
                    name, GazetteerEntry{EntryKind::metonym, index, place_actor(name, code)});
                m_lex.actors[index].metonyms.push_back(name);
            }
        }
    }

    void load_organizations(const std::string &file) {
        for (const auto &line :
             read_lexicon_file(file, 1, {"kind", "also", "country", "seat", "called"})) {
            const auto kind = actor_kind_from(line.value("kind"));
            if (!kind || (*kind != ActorKind::organization && *kind != ActorKind::group)) {
                throw InputError(
                    fmt::format("{}: kind must be organization or group", line.where()));
            }
            if (const int existing = m_lex.find(line.fields[0]);
                existing >= 0 && m_lex.actors[existing].kind == *kind) {
                add_aliases(existing, line.values("also")); // the same organisation listed twice
                continue;
            }
            const int index = add_actor(new_actor(line.fields[0], *kind,
                                                  checked_country(line, line.value("country")),
                                                  line.values("also")));
            for (const auto &seat : line.values("seat")) {
                m_extra.emplace_back(seat, GazetteerEntry{EntryKind::name, index, -1});
            }
            for (const auto &noun : line.values("called")) {
                if (auto *actors = m_lex.references.add(noun)) {
                    actors->push_back(index);
                }
            }
        }
    }

    void load_places(const std::string &file) {
        for (const auto &line : read_lexicon_file(file, 1, {"country", "also", "in"})) {
            int index = m_lex.find(line.fields[0]);
            if (index >= 0 && m_lex.actors[index].kind == ActorKind::place) {
                add_aliases(index, line.values("also"));
            } else {
                index = add_actor(new_actor(line.fields[0], ActorKind::place,
                                            checked_country(line, line.value("country")),
                                            line.values("also")));
            }
            if (const auto outer = line.value("in"); !outer.empty()) {
                m_within.push_back({index, outer, line.where()});
            }
        }
    }

    /// Links each place to the larger place its "in:" key names, once every place (capitals
    /// included) exists.
    void resolve_within() {
        for (const auto &[inner, outer, where] : m_within) {
            int place = m_lex.find(outer);
            // "Singapore" names the country first; its capital has the same name.
            if (place >= 0 && m_lex.actors[place].kind == ActorKind::country &&
                m_lex.actors[place].capital >= 0 &&
                m_lex.actors[m_lex.actors[place].capital].name == outer) {
                place = m_lex.actors[place].capital;
            }
            if (place < 0 || m_lex.actors[place].kind != ActorKind::place || place == inner) {
                throw InputError(fmt::format("{}: in: \"{}\" is not another place of the lexicon",
                                             where, outer));
            }
            m_lex.actors[inner].within = place;
        }
    }

    void load_people(const std::string &file) {
        for (const auto &line : read_lexicon_file(file, 1, {"country", "also"})) {
            const std::string country = checked_country(line, line.value("country"));
            if (const int existing = m_lex.find(line.fields[0]); existing >= 0) {
                add_aliases(existing, line.values("also"));
                continue;
            }
            add_actor(new_actor(line.fields[0], ActorKind::person, country, line.values("also")));
        }
    }

    int holder_actor(const LexiconLine &line) const {
        const std::string &holder = line.fields[0];
        if (const auto it = m_lex.by_code.find(holder); it != m_lex.by_code.end()) {
            return it->second;
        }
        int index = m_lex.find(holder);
        for (int i = 0; index < 0 && i < static_cast<int>(m_lex.actors.size()); ++i) {
            const auto &aliases = m_lex.actors[i].aliases;
            if (m_lex.actors[i].kind == ActorKind::organization &&
                std::find(aliases.begin(), aliases.end(), holder) != aliases.end()) {
                index = i;
            }
        }
        if (index < 0) {
            throw InputError(fmt::format(
                "{}: \"{}\" is neither a country code nor an organisation in the lexicon",
                line.where(), holder));
        }
        return index;
    }

    void load_roles(const std::string &file) {
        for (const auto &line : read_lexicon_file(file, 99, {}, 4)) {
            Role role;
            role.holder = holder_actor(line);
            role.office = line.fields[1];
            const auto start = parse_iso_date(line.fields[3]);
            const auto end = line.fields.size() > 4 && !line.fields[4].empty()
                                 ? parse_iso_date(line.fields[4])
                                 : std::optional<Date>(Date{9999, 12, 31});
            if (!start || !end) {
                throw InputError(
                    fmt::format("{}: dates must be YYYY-MM-DD (end may be empty)", line.where()));
            }
            role.start = *start;
            if (line.fields.size() > 4 && !line.fields[4].empty()) {
                role.end = *end;
            }
            role.person = m_lex.find(line.fields[2]);
            if (role.person < 0) {
                const auto &holder = m_lex.actors[role.holder];
                role.person =
                    add_actor(new_actor(line.fields[2], ActorKind::person,
                                        holder.kind == ActorKind::country ? holder.country : ""));
            }
            m_lex.roles.push_back(std::move(role));
        }
    }

    void add_user_actor(const UserActor &user) {
        int index = m_lex.find(user.name);
        if (index < 0 || m_lex.actors[index].kind != user.kind) {
            index = add_actor(new_actor(user.name, user.kind, user.country, {}, "user"));
        }
        add_aliases(index, user.aliases);
    }

    void load_offices() {
        for (const auto &line : read_lexicon_file((m_dir / "offices.txt").string(), 99, {}, 2)) {
            for (const auto &word : split_list(line.fields[1])) {
                *m_lex.offices.add(word) = line.fields[0];
            }
        }
    }

    void load_topics() {
        for (const auto &line : read_lexicon_file((m_dir / "topics.txt").string(), 1, {"also"})) {
            *m_lex.topics.add(line.fields[0]) = line.fields[0];
            for (const auto &alias : line.values("also")) {
                *m_lex.topics.add(alias) = line.fields[0];
            }
        }
    }

    void load_events() {
        const auto path = (m_dir / "events.txt").string();
        for (const auto &line : read_lexicon_file(path, 2, {"words", "country"}, 3)) {
            DatedEvent event;
            const auto date = parse_iso_date(line.fields[0]);
            if (!date || date->day == 0) {
                throw InputError(fmt::format("{}: an event date must be YYYY-MM-DD", line.where()));
            }
            event.date = *date;
            event.name = line.fields[1];
            for (const auto &phrase : line.values("words")) {
                std::vector<std::string> words;
                for (const auto word : phrase_tokens(phrase)) {
                    words.push_back(to_lower(word));
                }
                event.phrases.push_back(std::move(words));
            }
            if (event.phrases.empty()) {
                throw InputError(
                    fmt::format("{}: an event needs words: to recognise it", line.where()));
            }
            event.country = checked_country(line, line.value("country"));
            m_lex.events.push_back(std::move(event));
        }
    }

    void load_cues() {
        for (const auto &file : files_in(m_dir / "cues")) {
            for (const auto &line : read_lexicon_file(file, 99, {}, 2)) {
                auto &list = m_lex.words[line.fields[0]];
                for (const auto &word : split_list(line.fields[1])) {
                    list.push_back(word);
                    if (word.find(' ') != std::string::npos) {
                        *m_lex.cues.add(word) = line.fields[0];
                    }
                }
            }
        }
        for (const auto &[category, list] : m_lex.words) {
            const auto bit = static_cast<int>(m_lex.category_bits.size());
            if (bit >= static_cast<int>(max_categories)) {
                throw InputError(fmt::format("{}: more than {} cue categories",
                                             (m_dir / "cues").string(), max_categories));
            }
            m_lex.category_bits.emplace(category, bit);
            m_lex.category_index.add(category, bit);
            for (const auto &word : list) {
                m_lex.word_categories[to_lower(word)].set(static_cast<std::size_t>(bit));
            }
        }
        for (const auto &word : m_lex.words["abbreviation"]) {
            m_lex.segment_rules.abbreviations.insert(word);
        }
    }

    void load_patterns() {
        for (const auto &line : read_lexicon_file((m_dir / "relations.txt").string(), 99, {}, 3)) {
            m_lex.patterns.push_back(parse_pattern(line));
            // The evidence names the pattern by its line in the lexicon ("relations.txt:231"),
            // the same wherever the lexicon directory lives.
            m_lex.patterns.back().where = fmt::format("relations.txt:{}", line.line);
            const auto &pattern = m_lex.patterns.back();
            for (const auto &word : pattern.elements[pattern.anchor].words) {
                m_lex.pattern_anchors[word].push_back(static_cast<int>(m_lex.patterns.size()) - 1);
            }
        }
    }

    /// The surname of a full name: the last word, with particles ("Le Pen", "von der Leyen").
    std::string surname_of(const std::string &name, const std::string &country) const {
        auto words = phrase_tokens(name);
        // "Abdullah II" is "Abdullah"; the regnal number is no surname.
        if (words.size() >= 2 && m_lex.is_word("regnal_number", to_lower(words.back()))) {
            words.pop_back();
            if (words.size() == 1) {
                return std::string(words.front());
            }
        }
        if (words.size() < 2) {
            return {};
        }
        if (m_lex.called_by_first_word(country)) {
            return std::string(words.front());
        }
        std::size_t first = words.size() - 1;
        while (first > 1 && (is_lower_word(words[first - 1]) ||
                             m_lex.is_word("name_particle", to_lower(words[first - 1])))) {
            --first;
        }
        const auto begin = words[first].data();
        const auto end = words.back().data() + words.back().size();
        return std::string(begin, static_cast<std::size_t>(end - begin));
    }

    void add_phrase(const std::string &phrase, GazetteerEntry entry) {
        auto *slot = m_lex.names.add(phrase);
        if (slot == nullptr) {
            return;
        }
        for (const auto &e : *slot) {
            if (e.kind == entry.kind && e.actor == entry.actor) {
                return;
            }
        }
        slot->push_back(entry);
        // Lower-case phrases ("rebel groups") also match at the start of a sentence.
        if (is_lower_word(phrase)) {
            std::string capital = phrase;
            capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
            if (phrase[0] >= 'a' && phrase[0] <= 'z') {
                add_phrase(capital, entry);
            }
        }
    }

    /// "Capella Hotel" -> "Capella hotel": a place name's later words in lower case.
    static std::vector<std::string> lower_tail_variants(const LexActor &actor) {
        std::vector<std::string> variants;
        for (const auto *name : {&actor.name}) {
            const auto words = phrase_tokens(*name);
            if (words.size() < 2 || !starts_upper(words.back())) {
                continue;
            }
            const auto tail = static_cast<std::size_t>(words.back().data() - name->data());
            variants.push_back(name->substr(0, tail) + to_lower(words.back()));
        }
        return variants;
    }

    void index_names() {
        for (int i = 0; i < static_cast<int>(m_lex.actors.size()); ++i) {
            auto &actor = m_lex.actors[i];
            add_phrase(actor.name, GazetteerEntry{EntryKind::name, i, -1});
            for (const auto &alias : actor.aliases) {
                add_phrase(alias, GazetteerEntry{EntryKind::name, i, -1});
            }
            if (actor.kind == ActorKind::place) {
                // "the Capella hotel", "the Élysée palace": the common noun in lower case.
                for (const auto &name : lower_tail_variants(actor)) {
                    add_phrase(name, GazetteerEntry{EntryKind::name, i, -1});
                }
            }
            if (actor.kind == ActorKind::person) {
                if (auto surname = surname_of(actor.name, actor.country); !surname.empty()) {
                    add_phrase(surname, GazetteerEntry{EntryKind::surname, i, -1});
                    // "al-Assad" is also "Assad".
                    const auto hyphen = surname.find('-');
                    if (surname.find(' ') == std::string::npos && hyphen != std::string::npos &&
                        m_lex.is_word("name_particle", to_lower(surname.substr(0, hyphen)))) {
                        add_phrase(surname.substr(hyphen + 1),
                                   GazetteerEntry{EntryKind::surname, i, -1});
                        actor.short_names.push_back(surname.substr(hyphen + 1));
                    }
                    actor.short_names.push_back(std::move(surname));
                }
                // "Salman bin Abdulaziz" is "King Salman": with a patronymic, the first name.
                const auto words = phrase_tokens(actor.name);
                if (words.size() > 2 && m_lex.is_word("patronymic_particle", to_lower(words[1]))) {
                    add_phrase(std::string(words.front()),
                               GazetteerEntry{EntryKind::surname, i, -1});
                    actor.short_names.emplace_back(words.front());
                }
            }
        }
        for (const auto &[phrase, entry] : m_extra) {
            add_phrase(phrase, entry);
        }
    }
};

} // namespace

std::string_view to_string(ActorKind kind) {
    switch (kind) {
    case ActorKind::person:
        return "person";
    case ActorKind::country:
        return "country";
    case ActorKind::organization:
        return "organization";
    case ActorKind::group:
        return "group";
    case ActorKind::place:
        return "place";
    }
    return "person";
}

std::optional<ActorKind> actor_kind_from(std::string_view name) {
    for (const auto kind : {ActorKind::person, ActorKind::country, ActorKind::organization,
                            ActorKind::group, ActorKind::place}) {
        if (to_string(kind) == name) {
            return kind;
        }
    }
    if (name == "organisation") {
        return ActorKind::organization;
    }
    return std::nullopt;
}

int Lexicon::find(std::string_view name) const {
    const int *index = by_name.find(name);
    return index == nullptr ? -1 : *index;
}

int Lexicon::office_holder(int holder, std::string_view office, const Date &date) const {
    for (const auto &role : roles) {
        if (role.holder == holder && role.office == office && role.held_on(date)) {
            return role.person;
        }
    }
    return -1;
}

void CategoryIndex::add(std::string_view name, int bit) {
    std::size_t slot = slot_of(name);
    while (!m_names[slot].empty()) {
        slot = (slot + 1) & (slots - 1);
    }
    m_names[slot] = std::string(name);
    m_bits[slot] = bit;
    ++m_count;
}

CategorySet Lexicon::category_bit(std::string_view category) const {
    if (!category_index.empty()) {
        return category_index.bit_of(category);
    }
    const int *bit = category_bits.find(category);
    return bit == nullptr ? CategorySet{} : CategorySet{}.set(static_cast<std::size_t>(*bit));
}

bool Lexicon::called_by_first_word(std::string_view country) const {
    const auto code = to_lower(country);
    return is_word("family_name_first", code) || is_word("given_name_alone", code);
}

CategorySet Lexicon::categories_of(std::string_view lower_word) const {
    const CategorySet *categories = word_categories.find(lower_word);
    return categories == nullptr ? CategorySet{} : *categories;
}

bool Lexicon::is_word(std::string_view category, std::string_view lower_word) const {
    return (categories_of(lower_word) & category_bit(category)) != 0;
}

Lexicon load_lexicon(const std::string &directory, const std::string &iso_codes_path,
                     const std::vector<UserActor> &user_actors) {
    if (!fs::is_directory(directory)) {
        throw InputError(fmt::format("lexicon directory {} not found", directory));
    }
    Lexicon lexicon;
    lexicon.offices = Gazetteer<std::string>(true);
    lexicon.topics = Gazetteer<std::string>(true);
    lexicon.cues = Gazetteer<std::string>(true);
    Loader(lexicon, directory).load(iso_codes_path, user_actors);
    return lexicon;
}

std::string default_lexicon_dir() {
    if (const char *env = std::getenv("DIPLOGRAPH_LEXICON"); env != nullptr && *env != '\0') {
        return env;
    }
    return DIPLOGRAPH_LEXICON_DIR;
}

std::vector<std::string> inflections(std::string_view lemma) {
    const auto space = lemma.find(' ');
    const std::string word(lemma.substr(0, space));
    const std::string rest =
        space == std::string_view::npos ? "" : std::string(lemma.substr(space));
    const auto vowel = [](char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    };
    const std::size_t n = word.size();
    std::vector<std::string> forms{word};
    if (n < 2) {
        return forms;
    }
    const char last = word[n - 1];
    const bool double_final = n <= 4 && n >= 3 && !vowel(last) && last != 'w' && last != 'x' &&
                              last != 'y' && vowel(word[n - 2]) && !vowel(word[n - 3]);
    const std::string stem = double_final ? word + last : word;
    if (last == 'y' && !vowel(word[n - 2])) {
        const std::string base = word.substr(0, n - 1);
        forms.insert(forms.end(), {base + "ies", base + "ied", word + "ing"});
    } else if (last == 'e') {
        const std::string base = word.substr(0, n - 1);
        forms.insert(forms.end(),
                     {word + "s", word + "d", (word.ends_with("ee") ? word : base) + "ing"});
    } else {
        const bool sibilant = last == 's' || last == 'x' || last == 'z' || word.ends_with("ch") ||
                              word.ends_with("sh");
        forms.insert(forms.end(), {word + (sibilant ? "es" : "s"), stem + "ed", stem + "ing"});
        // British spelling doubles a final l after a single vowel (expelled, cancelled,
        // quarrelled); American spelling does not, and both appear in the news.
        if (last == 'l' && !double_final && n >= 4 && vowel(word[n - 2]) && !vowel(word[n - 3])) {
            forms.insert(forms.end(), {word + "led", word + "ling"});
        }
    }
    for (auto &form : forms) {
        form += rest;
    }
    return forms;
}

} // namespace diplograph
