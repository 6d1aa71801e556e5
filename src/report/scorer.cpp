// Scoring an article's graph against gold, number for number as shared/eval/score.py does.
#include "report/scorer.hpp"

#include "common/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <range/v3/algorithm/any_of.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace diplograph {

// ---- Names ----

namespace {

/// utf8proc_map with these options; the text unchanged if utf8proc refuses it (invalid UTF-8).
std::string utf8proc_mapped(std::string_view text, int options) {
    utf8proc_uint8_t *out = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                                     static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (length < 0) {
        return std::string(text);
    }
    return std::string(reinterpret_cast<const char *>(out), static_cast<std::size_t>(length));
}

void append_code_point(std::string &out, char32_t c) {
    utf8proc_uint8_t buffer[4];
    const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char *>(buffer), static_cast<std::size_t>(length));
}

bool is_letter_or_number(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        next_code_point(text, pos);
    }
    return count;
}

/// The first `count` code points, like Python's text[:count].
std::string prefix(std::string_view text, std::size_t count) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < count && pos < text.size(); ++i) {
        next_code_point(text, pos);
    }
    return std::string(text.substr(0, pos));
}

} // namespace

std::string norm(std::string_view text) {
    // score.py's order: NFKD, strip marks with a combining class, then case-fold. utf8proc's
    // STRIPMARK would also drop spacing marks, and folding first changes a few Greek letters.
    const std::string decomposed = utf8proc_mapped(text, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE);
    std::string bare;
    for (std::size_t pos = 0; pos < decomposed.size();) {
        const char32_t c = next_code_point(decomposed, pos);
        if (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class == 0) {
            append_code_point(bare, c);
        }
    }
    const std::string folded = utf8proc_mapped(bare, UTF8PROC_CASEFOLD);
    std::vector<std::string> words(1);
    for (std::size_t pos = 0; pos < folded.size();) {
        const std::size_t start = pos;
        if (is_letter_or_number(next_code_point(folded, pos))) {
            words.back().append(folded, start, pos - start);
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    if (words.back().empty()) {
        words.pop_back();
    }
    const auto first = !words.empty() && words.front() == "the" ? 1 : 0;
    return fmt::format("{}", fmt::join(words.begin() + first, words.end(), " "));
}

// ---- Scoring ----

namespace {

using NameSet = std::set<std::string>;

/// The gold actors by every normalised name; the first actor to claim a name keeps it.
class GoldNames {
public:
    explicit GoldNames(const std::vector<GoldActor> &actors) : m_actors(actors) {
        for (std::size_t i = 0; i < actors.size(); ++i) {
            NameSet names{norm(actors[i].name)};
            for (const auto &name : actors[i].also) {
                names.insert(norm(name));
            }
            m_by_norm.emplace(norm(actors[i].name), i);
            for (const auto &name : actors[i].also) {
                m_by_norm.emplace(norm(name), i);
            }
            m_names.push_back(std::move(names));
        }
    }

    std::optional<std::size_t> actor_index(std::string_view name) const {
        const auto it = m_by_norm.find(norm(name));
        return it == m_by_norm.end() ? std::nullopt : std::optional(it->second);
    }

    const GoldActor &actor(std::size_t index) const { return m_actors[index]; }

    /// Every normalised name of the gold actor called `name`, or just `name` normalised.
    NameSet names_of(std::string_view name) const {
        const auto index = actor_index(name);
        return index ? m_names[*index] : NameSet{norm(name)};
    }

    /// Country-level key: persons and countries of the gold roll up to their country.
    std::string key_of(std::string_view name) const {
        if (const auto index = actor_index(name)) {
            const auto &actor = m_actors[*index];
            if ((actor.kind == "person" || actor.kind == "country") && !actor.country.empty()) {
                return "C:" + actor.country;
            }
        }
        return "N:" + norm(name);
    }

private:
    const std::vector<GoldActor> &m_actors;
    std::unordered_map<std::string, std::size_t> m_by_norm;
    std::vector<NameSet> m_names;
};

template <typename Item> bool required(const Item &item) {
    return !item.optional && !item.ignore;
}

ActorScore score_actors(const GoldNames &names, const Gold &gold,
                        const std::vector<ActorRow> &rows) {
    ActorScore score;
    std::set<std::size_t> found;
    NameSet wrong;
    for (const auto &row : rows) {
        const auto index = names.actor_index(row.name);
        if (!index) {
            wrong.insert(row.name);
            ++score.tally.predicted;
        } else if (!names.actor(*index).ignore) {
            found.insert(*index);
            ++score.tally.tp;
            ++score.tally.predicted;
        }
    }
    for (std::size_t i = 0; i < gold.actors.size(); ++i) {
        if (required(gold.actors[i])) {
            ++score.tally.gold;
            if (found.count(i) > 0) {
                ++score.tally.gold_found;
            } else {
                score.items.missed.push_back(gold.actors[i].name);
            }
        }
    }
    score.items.wrong.assign(wrong.begin(), wrong.end());
    return score;
}

/// The gold quote is inside the found one, or the found one inside it and at least 60% as long.
bool quote_overlap(std::string_view gold_quote, std::string_view found_quote) {
    const std::string g = norm(gold_quote);
    const std::string d = norm(found_quote);
    if (g.empty() || d.empty()) {
        return false;
    }
    return d.find(g) != std::string::npos ||
           (g.find(d) != std::string::npos &&
            static_cast<double>(code_points(d)) >= 0.6 * static_cast<double>(code_points(g)));
}

bool said_by(const StatementRow &row, const NameSet &speakers) {
    return row.speaker && !row.speaker->empty() && speakers.count(norm(*row.speaker)) > 0;
}

StatementScore score_statements(const GoldNames &names, const Gold &gold,
                                const std::vector<StatementRow> &rows) {
    StatementScore score;
    const auto direct =
        rows |
        ranges::views::filter([](const StatementRow &r) { return to_lower(r.kind) == "direct"; }) |
        ranges::to<std::vector>();
    for (const auto &item : gold.statements | ranges::views::filter(required<GoldStatement>)) {
        ++score.tally.gold;
        const auto speakers = names.names_of(item.speaker);
        const auto hits = direct | ranges::views::filter([&](const StatementRow &r) {
                              return quote_overlap(item.quote, r.quote);
                          }) |
                          ranges::to<std::vector>();
        score.detected += hits.empty() ? 0 : 1;
        if (ranges::any_of(hits, [&](const StatementRow &r) { return said_by(r, speakers); })) {
            ++score.tally.gold_found;
        } else {
            score.items.missed.push_back(fmt::format("{}: {}{}", item.speaker,
                                                     prefix(item.quote, 60),
                                                     hits.empty() ? "" : " (speaker wrong)"));
        }
    }
    for (const auto &row : direct) {
        const bool right = ranges::any_of(gold.statements, [&](const GoldStatement &s) {
            return !s.ignore && quote_overlap(s.quote, row.quote) &&
                   said_by(row, names.names_of(s.speaker));
        });
        const bool ignored = ranges::any_of(gold.statements, [&](const GoldStatement &s) {
            return s.ignore && quote_overlap(s.quote, row.quote);
        });
        if (right) {
            ++score.tally.tp;
        } else if (!ignored) {
            score.items.wrong.push_back(
                fmt::format("{}: {}", row.speaker.value_or("None"), prefix(row.quote, 60)));
        }
    }
    score.tally.predicted = score.tally.tp + static_cast<int>(score.items.wrong.size());
    return score;
}

/// A meeting as the rows of v_meetings describe it; date and place from its last row.
struct GroupedMeeting {
    std::int64_t id = 0;
    NameSet participants;
    std::optional<std::string> date;
    std::optional<std::string> place;
};

std::vector<GroupedMeeting> group_meetings(const std::vector<MeetingRow> &rows) {
    std::vector<GroupedMeeting> meetings;
    std::map<std::int64_t, std::size_t> position;
    for (const auto &row : rows) {
        const auto [it, added] = position.emplace(row.meeting, meetings.size());
        if (added) {
            meetings.push_back({row.meeting, {}, {}, {}});
        }
        auto &meeting = meetings[it->second];
        meeting.participants.insert(row.participant);
        meeting.date = row.date;
        meeting.place = row.place;
    }
    return meetings;
}

/// Participants as gold actor indices where the gold knows them, else as normalised names.
template <typename Names>
NameSet participant_keys(const GoldNames &names, const Names &participants) {
    NameSet keys;
    for (const auto &name : participants) {
        const auto index = name.empty() ? std::nullopt : names.actor_index(name);
        keys.insert(index ? fmt::format("g:{}", *index) : "n:" + norm(name));
    }
    return keys;
}

std::string participant_list(const NameSet &participants) {
    std::vector<std::string> shown =
        participants |
        ranges::views::transform([](const std::string &p) { return p.empty() ? "?" : p; }) |
        ranges::to<std::vector>();
    std::sort(shown.begin(), shown.end());
    return fmt::format("{}", fmt::join(shown, " + "));
}

void score_meeting_details(const GoldNames &names, const GoldMeeting &gold,
                           const GroupedMeeting &found, MeetingScore &score) {
    if (!gold.date.empty()) {
        ++score.date_n;
        score.date_ok +=
            found.date && !found.date->empty() && found.date->starts_with(gold.date) ? 1 : 0;
    }
    if (!gold.place.empty()) {
        ++score.place_n;
        score.place_ok += found.place && !found.place->empty() &&
                                  names.names_of(gold.place).count(norm(*found.place)) > 0
                              ? 1
                              : 0;
    }
}

MeetingScore score_meetings(const GoldNames &names, const Gold &gold,
                            const std::vector<MeetingRow> &rows) {
    MeetingScore score;
    std::vector<NameSet> gold_keys;
    for (const auto &meeting : gold.meetings) {
        gold_keys.push_back(participant_keys(names, meeting.participants));
    }
    // The first found meeting matching a gold meeting gives the date and place it is judged by.
    std::map<std::size_t, GroupedMeeting> matched;
    for (const auto &meeting : group_meetings(rows)) {
        const auto keys = participant_keys(names, meeting.participants);
        const auto equal = [&](bool ignored) {
            for (std::size_t i = 0; i < gold.meetings.size(); ++i) {
                if (gold.meetings[i].ignore == ignored && gold_keys[i] == keys) {
                    return std::optional(i);
                }
            }
            return std::optional<std::size_t>();
        };
        if (const auto hit = equal(false)) {
            ++score.tally.tp;
            matched.emplace(*hit, meeting);
        } else if (!equal(true)) {
            score.items.wrong.push_back(participant_list(meeting.participants));
        }
    }
    for (std::size_t i = 0; i < gold.meetings.size(); ++i) {
        const auto &meeting = gold.meetings[i];
        if (required(meeting)) {
            ++score.tally.gold;
            if (matched.count(i) > 0) {
                ++score.tally.gold_found;
            } else {
                score.items.missed.push_back(
                    fmt::format("{}", fmt::join(meeting.participants, " + ")));
            }
        }
    }
    for (const auto &[index, found] : matched) {
        score_meeting_details(names, gold.meetings[index], found, score);
    }
    score.tally.predicted = score.tally.tp + static_cast<int>(score.items.wrong.size());
    return score;
}

/// A relation as the rows of v_relations describe it; topics normalised, from every row.
struct GroupedRelation {
    std::string source;
    std::string target;
    std::string type;     ///< upper case
    std::string polarity; ///< lower case
    NameSet topics;
};

std::string to_upper_ascii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return text;
}

std::vector<GroupedRelation> group_relations(const std::vector<RelationRow> &rows) {
    std::vector<GroupedRelation> relations;
    std::map<std::int64_t, std::size_t> position;
    for (const auto &row : rows) {
        const auto [it, added] = position.emplace(row.relation, relations.size());
        if (added) {
            relations.push_back(
                {row.source, row.target, to_upper_ascii(row.type), to_lower(row.polarity), {}});
        }
        if (row.topic && !row.topic->empty()) {
            relations[it->second].topics.insert(norm(*row.topic));
        }
    }
    return relations;
}

enum class Level { strict, country };

/// Decides whether a found relation's endpoints are a gold relation's.
class EndpointMatcher {
public:
    EndpointMatcher(const GoldNames &names, const std::vector<ActorRow> &actors) : m_names(names) {
        for (const auto &actor : actors) {
            m_actor_keys.insert_or_assign(norm(actor.name), actor);
        }
    }

    bool matches(const GroupedRelation &found, const GoldRelation &gold, Level level) const {
        return (same_end(found.source, gold.source, level) &&
                same_end(found.target, gold.target, level)) ||
               (!gold.directed && same_end(found.source, gold.target, level) &&
                same_end(found.target, gold.source, level));
    }

private:
    const GoldNames &m_names;
    std::unordered_map<std::string, ActorRow>
        m_actor_keys; ///< by normalised name; the last row wins

    bool same_end(const std::string &found, const std::vector<std::string> &alternatives,
                  Level level) const {
        return ranges::any_of(alternatives, [&](const std::string &name) {
            return m_names.names_of(name).count(norm(found)) > 0 ||
                   (level == Level::country && database_key(found) == m_names.key_of(name));
        });
    }

    std::string database_key(const std::string &name) const {
        const auto it = m_actor_keys.find(norm(name));
        if (it != m_actor_keys.end() &&
            (it->second.kind == "person" || it->second.kind == "country") &&
            !it->second.country.empty()) {
            return "C:" + it->second.country;
        }
        return "N:" + norm(name);
    }
};

std::string endpoint_list(const std::vector<std::string> &alternatives) {
    return fmt::format("{}", fmt::join(alternatives, "/"));
}

/// Type and topic accuracy over the gold relations found, given the found relations matching each.
void score_relation_details(const GoldNames &names, const GoldRelation &gold,
                            const std::vector<const GroupedRelation *> &found,
                            RelationScore &score) {
    score.type_ok +=
        ranges::any_of(found, [&](const GroupedRelation *r) { return r->type == gold.type; }) ? 1
                                                                                              : 0;
    if (gold.topics.empty()) {
        return;
    }
    ++score.topic_n;
    NameSet wanted;
    for (const auto &topic : gold.topics) {
        wanted.merge(names.names_of(topic));
    }
    score.topic_ok +=
        ranges::any_of(found,
                       [&](const GroupedRelation *r) {
                           return ranges::any_of(r->topics, [&](const std::string &t) {
                               return wanted.count(t) > 0;
                           });
                       })
            ? 1
            : 0;
}

RelationScore score_relations(const GoldNames &names, const Gold &gold,
                              const std::vector<GroupedRelation> &relations,
                              const EndpointMatcher &matcher, Level level) {
    RelationScore score;
    std::map<std::size_t, std::vector<const GroupedRelation *>> found_by_gold;
    for (const auto &relation : relations) {
        bool hit = false;
        for (std::size_t i = 0; i < gold.relations.size(); ++i) {
            const auto &g = gold.relations[i];
            if (!g.ignore && relation.polarity == g.polarity && !relation.source.empty() &&
                !relation.target.empty() && matcher.matches(relation, g, level)) {
                hit = true;
                found_by_gold[i].push_back(&relation);
            }
        }
        if (hit) {
            ++score.tally.tp;
        } else {
            score.items.wrong.push_back(fmt::format("{} -{}/{}-> {}", relation.source,
                                                    relation.type, relation.polarity,
                                                    relation.target));
        }
    }
    for (std::size_t i = 0; i < gold.relations.size(); ++i) {
        const auto &g = gold.relations[i];
        if (!required(g)) {
            continue;
        }
        ++score.tally.gold;
        if (const auto it = found_by_gold.find(i); it != found_by_gold.end()) {
            ++score.tally.gold_found;
            score_relation_details(names, g, it->second, score);
        } else {
            score.items.missed.push_back(fmt::format("{} -{}-> {}", endpoint_list(g.source), g.type,
                                                     endpoint_list(g.target)));
        }
    }
    score.tally.predicted = score.tally.tp + static_cast<int>(score.items.wrong.size());
    return score;
}

void add(Tally &total, const Tally &part) {
    total.tp += part.tp;
    total.predicted += part.predicted;
    total.gold_found += part.gold_found;
    total.gold += part.gold;
}

void add(RelationScore &total, const RelationScore &part) {
    add(total.tally, part.tally);
    total.type_ok += part.type_ok;
    total.topic_ok += part.topic_ok;
    total.topic_n += part.topic_n;
}

} // namespace

ArticleScore score_article(const Gold &gold, const Prediction &prediction) {
    const GoldNames names(gold.actors);
    const auto relations = group_relations(prediction.relations);
    const EndpointMatcher matcher(names, prediction.actors);
    return {score_actors(names, gold, prediction.article_actors),
            score_statements(names, gold, prediction.statements),
            score_meetings(names, gold, prediction.meetings),
            score_relations(names, gold, relations, matcher, Level::strict),
            score_relations(names, gold, relations, matcher, Level::country)};
}

ArticleScore sum_scores(std::span<const ArticleScore> scores) {
    ArticleScore total;
    for (const auto &score : scores) {
        add(total.actors.tally, score.actors.tally);
        add(total.statements.tally, score.statements.tally);
        total.statements.detected += score.statements.detected;
        add(total.meetings.tally, score.meetings.tally);
        total.meetings.date_ok += score.meetings.date_ok;
        total.meetings.date_n += score.meetings.date_n;
        total.meetings.place_ok += score.meetings.place_ok;
        total.meetings.place_n += score.meetings.place_n;
        add(total.strict, score.strict);
        add(total.country, score.country);
    }
    return total;
}

Prf precision_recall(const Tally &tally) {
    Prf prf;
    if (tally.predicted > 0) {
        prf.precision = static_cast<double>(tally.tp) / tally.predicted;
    }
    if (tally.gold > 0) {
        prf.recall = static_cast<double>(tally.gold_found) / tally.gold;
    }
    if (prf.precision && prf.recall) {
        const double p = *prf.precision;
        const double r = *prf.recall;
        prf.f1 = p > 0 && r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    return prf;
}

} // namespace diplograph
