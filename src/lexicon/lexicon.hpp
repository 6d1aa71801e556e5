// The extractor's knowledge, loaded from the plain-text files in lexicon/ (see README):
// actors with their names, roles over time, cue words and relation patterns.
#pragma once

#include "common/date.hpp"
#include "lexicon/gazetteer.hpp"
#include "lexicon/pattern.hpp"
#include "segment/document.hpp"

#include <array>
#include <bitset>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace diplograph {

enum class ActorKind { person, country, organization, group, place };

std::string_view to_string(ActorKind kind);
std::optional<ActorKind> actor_kind_from(std::string_view name);

struct LexActor {
    std::string name;
    ActorKind kind = ActorKind::person;
    std::string country;               ///< ISO 3166-1 alpha-3, or empty
    std::vector<std::string> aliases;  ///< every other name it goes by
    std::string leader_office;         ///< countries: the office "the X leader" means
    std::string origin = "lexicon";    ///< lexicon or user
    std::vector<std::string> metonyms; ///< countries: capitals and seats of power that stand for it
    std::vector<std::string> short_names; ///< people: the surname (or given name) used alone
    int capital = -1;                     ///< countries: the place actor of the capital
    int within = -1; ///< places: the larger place it lies in ("Nusa Dua" in "Bali"), or -1
};

struct Role {
    int person = -1; ///< actor index
    int holder = -1; ///< the country or organisation's actor index
    std::string office;
    Date start;
    std::optional<Date> end; ///< nullopt while in office

    /// Whether the office was held on `date`.
    bool held_on(const Date &date) const { return start <= date && (!end || date < *end); }
};

/// What a gazetteer phrase can stand for.
enum class EntryKind : std::uint8_t {
    name,    ///< a name or alias of the actor
    surname, ///< a person's surname alone (ambiguous ones need the full name in the article)
    demonym, ///< "French": the country
    metonym, ///< "Moscow", "the Kremlin": the country acting, or the place
};

struct GazetteerEntry {
    EntryKind kind = EntryKind::name;
    int actor = -1; ///< the actor (for metonyms: the country)
    int place = -1; ///< metonyms: the place actor
};

/// The most cue categories the lexicon may define.
inline constexpr std::size_t max_categories = 128;
/// A set of cue categories, one bit each.
using CategorySet = std::bitset<max_categories>;

/// Cue category names and their bits, for the lookup made on nearly every token: open addressing
/// on a hash of the name's length and a few letters, several times cheaper than a std::hash lookup.
class CategoryIndex {
public:
    /// Adds a category (at most max_categories, all distinct).
    void add(std::string_view name, int bit);
    /// The category's bit number, or -1 when it is unknown.
    int index_of(std::string_view name) const {
        std::size_t slot = slot_of(name);
        while (!m_names[slot].empty()) {
            if (same_name(m_names[slot], name)) {
                return m_bits[slot];
            }
            slot = (slot + 1) & (slots - 1);
        }
        return -1;
    }
    /// The category's bit, or an empty set when it is unknown.
    CategorySet bit_of(std::string_view name) const {
        const int index = index_of(name);
        return index < 0 ? CategorySet{} : CategorySet{}.set(static_cast<std::size_t>(index));
    }
    bool empty() const { return m_count == 0; }

private:
    // Four slots per category and a hash of the length and the first, middle and last letters:
    // the lexicon's names ("date_next", "date_next_day", "speech") rarely share a slot, so a
    // lookup is one multiplication and one comparison. Hashing every letter cost more than
    // the rest of a lookup, made for nearly every token by several stages.
    static constexpr std::size_t slots = 4 * max_categories; // a power of two
    /// Equality of two names; those of 8 to 16 bytes (most category names) are compared as two
    /// overlapping 8-byte words each, inline, instead of by a call to memcmp for every lookup.
    static bool same_name(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a.size() < 8 || a.size() > 16) {
            return a == b;
        }
        const auto word = [](std::string_view text, std::size_t at) {
            std::uint64_t value = 0;
            std::memcpy(&value, text.data() + at, sizeof value);
            return value;
        };
        const std::size_t tail = a.size() - 8;
        return word(a, 0) == word(b, 0) && word(a, tail) == word(b, tail);
    }
    static std::size_t slot_of(std::string_view name) {
        if (name.empty()) {
            return 0;
        }
        const auto byte = [&](std::size_t i) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>(name[i]));
        };
        const std::uint32_t key = static_cast<std::uint32_t>(name.size() & 0xFF) |
                                  byte(name.size() - 1) << 8 | byte(name.size() / 2) << 16 |
                                  byte(0) << 24;
        return ((key * 2654435761u) >> 23) & (slots - 1); // the top nine bits
    }
    std::array<std::string, slots> m_names;
    std::array<int, slots> m_bits{};
    std::size_t m_count = 0;
};

/// A dated event that relative dates can be anchored to ("a month before the French
/// presidential election's first round"), from lexicon/events.txt.
struct DatedEvent {
    Date date;
    std::string name;
    std::vector<std::vector<std::string>> phrases; ///< each must appear, lower-case words
    std::string country; ///< ISO alpha-3 that the anchor phrase must name, or empty
};

/// Word lists by category, from lexicon/cues/*.txt ("speech", "meeting", "negation", ...).
using WordLists = std::unordered_map<std::string, std::vector<std::string>>;

struct Lexicon {
    std::vector<LexActor> actors;
    std::vector<Role> roles;
    std::unordered_map<std::string, int> by_code; ///< ISO alpha-3 -> country actor
    TextMap<int> by_name;                         ///< canonical name -> actor

    /// Names, surnames, demonyms and metonyms (case-sensitive).
    Gazetteer<std::vector<GazetteerEntry>> names;
    /// Common nouns that refer back to an organisation named before, lower case: "bloc" (the
    /// EU, Asean, ...), "alliance" (Nato); the value lists the organisations called so.
    Gazetteer<std::vector<int>> references{true};
    /// Office words, lower case: "president", "foreign minister", "leader".
    Gazetteer<std::string> offices;
    /// Topic themes: "chemical weapons", "sarin" -> "chemical weapons".
    Gazetteer<std::string> topics;
    /// Cue phrases by category (lower case): value is the category name.
    Gazetteer<std::string> cues;
    WordLists words;
    /// word (lower case) -> bit set of the categories it belongs to; bit numbers in category_bits.
    TextMap<CategorySet> word_categories;
    TextMap<int> category_bits;
    CategoryIndex category_index; ///< category_bits again, for category_bit()
    std::vector<RelationPattern> patterns;
    std::vector<DatedEvent> events;
    /// Anchor word (lower case) -> the patterns whose first required word it can be.
    TextMap<std::vector<int>> pattern_anchors;
    SegmentRules segment_rules;

    /// Index of an actor by canonical name, or -1.
    int find(std::string_view name) const;
    /// The actor holding `office` of `holder` on `date`, or -1.
    int office_holder(int holder, std::string_view office, const Date &date) const;
    /// Whether a word (lower case) is in a category of the cue lists.
    bool is_word(std::string_view category, std::string_view lower_word) const;
    /// The bit of a category in word_categories (0 when the category is unknown).
    CategorySet category_bit(std::string_view category) const;
    /// Whether the categories of a token (from categories_of) include `category`.
    bool in_category(const CategorySet &categories, std::string_view category) const {
        const int index = category_index.empty() ? -1 : category_index.index_of(category);
        if (index >= 0) {
            return categories.test(static_cast<std::size_t>(index));
        }
        return (categories & category_bit(category)).any();
    }
    /// Whether people of a country (ISO alpha-3, any case) are called by the first word of
    /// their name: family name first ("Xi Jinping") or given name alone ("Abiy Ahmed").
    bool called_by_first_word(std::string_view country) const;
    /// The categories of a word (lower case) as a bit set.
    CategorySet categories_of(std::string_view lower_word) const;
};

/// A user's addition from the database: an actor with aliases.
struct UserActor {
    std::string name;
    ActorKind kind = ActorKind::person;
    std::string country;
    std::vector<std::string> aliases;
};

/// Loads the lexicon directory plus the ISO 3166-1 country list. Throws InputError naming the
/// file and line of a malformed entry.
Lexicon load_lexicon(const std::string &directory, const std::string &iso_codes_path,
                     const std::vector<UserActor> &user_actors = {});

/// The lexicon directory: $DIPLOGRAPH_LEXICON, else the one the build was configured with.
std::string default_lexicon_dir();

/// Regular English inflections of a verb or noun: "accuse" -> accuse, accuses, accused,
/// accusing; "back" -> back, backs, backed, backing.
std::vector<std::string> inflections(std::string_view lemma);

} // namespace diplograph
