// Meeting participants the text names through an office: "the leaders of Russia, Ukraine,
// Germany and France", and the host of a leader's visit to a country.
#include "extract/context.hpp"

#include <algorithm>

namespace diplograph {

namespace {

/// The article's actor for a lexicon person, when the article names that person outside
/// quotes; else -1. A participant known only from an office must be named somewhere.
int named_in_article(const Context &ctx, int lexicon_person) {
    for (int a = 0; a < static_cast<int>(ctx.out.actors.size()); ++a) {
        if (ctx.out.actors[a].lexicon != lexicon_person) {
            continue;
        }
        const bool named =
            std::any_of(ctx.out.mentions.begin(), ctx.out.mentions.end(),
                        [&](const Mention &m) { return m.actor == a && !m.in_quote; });
        return named ? a : -1;
    }
    return -1;
}

/// The lexicon country an article actor belongs to (itself for a country), or -1.
int lexicon_country(const Context &ctx, int actor) {
    const auto it = ctx.lex.by_code.find(ctx.country_of(actor));
    return it == ctx.lex.by_code.end() ? -1 : it->second;
}

/// The holder of `office` ("leader": the country's leading office) of a lexicon country on
/// `date`, as an article actor named in the text; -1 otherwise.
int named_holder(const Context &ctx, int country, std::string office, const Date &date) {
    if (office == "leader") {
        office = ctx.lex.actors[country].leader_office;
    }
    const int person = ctx.lex.office_holder(country, office, date);
    return person < 0 ? -1 : named_in_article(ctx, person);
}

/// The office of a plural office phrase ending right before token `end` ("leaders",
/// "foreign ministers"), or "".
std::string plural_office_before(const Context &ctx, std::uint32_t first, std::uint32_t end) {
    for (std::uint32_t length = 1; length <= 3 && length <= end - first; ++length) {
        std::vector<std::string> words(ctx.lower.begin() + (end - length), ctx.lower.begin() + end);
        if (!words.back().ends_with('s')) {
            return {};
        }
        words.back().pop_back();
        const auto office = ctx.lex.offices.longest(words, 0, length);
        if (office && office->length == length) {
            return *office->value;
        }
    }
    return {};
}

} // namespace

std::vector<int> office_holders_of_list(const Context &ctx, std::uint32_t first, std::uint32_t last,
                                        const Date &date) {
    for (std::uint32_t of = first + 1; of < last; ++of) {
        if (ctx.word(of) != "of") {
            continue;
        }
        const auto office = plural_office_before(ctx, first, of);
        if (office.empty()) {
            continue;
        }
        std::vector<int> people;
        bool complete = true;
        for (std::uint32_t i = of + 1; i < last; ++i) {
            const auto *m = ctx.mention_at(i);
            if (m != nullptr && ctx.actor(m->actor).kind == ActorKind::country) {
                const int country = lexicon_country(ctx, m->actor);
                const int holder = country < 0 ? -1 : named_holder(ctx, country, office, date);
                complete = complete && holder >= 0;
                people.push_back(holder);
                i = m->last - 1;
            } else if (ctx.text(i) != "," && ctx.word(i) != "and" && ctx.word(i) != "the") {
                break;
            }
        }
        if (complete && people.size() >= 2) {
            return people;
        }
    }
    return {};
}

int visit_host(const Context &ctx, int visitor, int destination, const Date &date) {
    const int home = lexicon_country(ctx, visitor);
    const int country = lexicon_country(ctx, destination);
    const int person = ctx.actor(visitor).lexicon;
    if (home < 0 || country < 0 || home == country || person < 0) {
        return -1;
    }
    // A head of state or government is received by the host country's leader; a minister's
    // counterpart is not sure enough to name.
    const bool head = std::any_of(ctx.lex.roles.begin(), ctx.lex.roles.end(), [&](const Role &r) {
        return r.person == person && r.holder == home && r.start <= date &&
               (!r.end || date < *r.end) && ctx.lex.is_word("head_office", r.office);
    });
    return head ? named_holder(ctx, country, "leader", date) : -1;
}

} // namespace diplograph
