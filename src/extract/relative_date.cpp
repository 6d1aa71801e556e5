// Date expressions resolved against the publication date: "29 May 2017", "May 29", "on
// Monday", "yesterday", "last month", "in October", "in 2015", and offsets from a date or a
// dated event of the lexicon: "two days after 9 December", "a month before the French
// presidential election's first round".
#include "extract/context.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace diplograph {

namespace {

/// 1-based position of a word in a cue list ("month": january ... december), or 0.
int position_in(const Context &ctx, std::string_view category, std::string_view word) {
    // Most words are in no such list, and their category bits say so without the lookup of the
    // list by its name (a std::string and a std::hash of it) and the search through it.
    if (!ctx.lex.is_word(category, word)) {
        return 0;
    }
    const auto it = ctx.lex.words.find(std::string(category));
    if (it == ctx.lex.words.end()) {
        return 0;
    }
    const auto found = std::find(it->second.begin(), it->second.end(), word);
    return found == it->second.end() ? 0 : static_cast<int>(found - it->second.begin()) + 1;
}

int month_at(const Context &ctx, std::uint32_t i) {
    if (!ctx.out.doc.tokens[i].upper) {
        return 0; // "may" is a verb
    }
    const int month = position_in(ctx, "month", ctx.lower[i]);
    return month > 0 ? month : position_in(ctx, "month_abbr", ctx.lower[i]);
}

int number_at(const Context &ctx, std::uint32_t i, int low, int high) {
    const auto text = ctx.text(i);
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || value < low || value > high) {
        return 0;
    }
    // "29th" is fine; "29,000" is not a day.
    const std::string_view rest(ptr, static_cast<std::size_t>(text.data() + text.size() - ptr));
    return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" ? value : 0;
}

/// The most recent past (or current) occurrence of a month; with `future` (a planned meeting),
/// the current or next one.
int year_of_month(const Date &published, int month, bool future) {
    if (future) {
        return month >= published.month ? published.year : published.year + 1;
    }
    return month <= published.month ? published.year : published.year - 1;
}

std::optional<std::pair<Date, std::uint32_t>> calendar_date(const Context &ctx, std::uint32_t i,
                                                            std::uint32_t last,
                                                            const Date &published,
                                                            bool future = false) {
    // "29 May 2017" / "29 May"
    if (const int day = number_at(ctx, i, 1, 31); day > 0 && i + 1 < last) {
        if (const int month = month_at(ctx, i + 1); month > 0) {
            const int year = i + 2 < last ? number_at(ctx, i + 2, 1900, 2100) : 0;
            Date date{year > 0 ? year : year_of_month(published, month, future), month, day};
            if (day <= days_in_month(date.year, month)) {
                return std::pair{date, year > 0 ? 3u : 2u};
            }
        }
    }
    const int month = month_at(ctx, i);
    if (month == 0) {
        return std::nullopt;
    }
    // "May 29, 2017" / "May 29" / "May 2017" / "in May"
    if (i + 1 < last) {
        if (const int day = number_at(ctx, i + 1, 1, 31); day > 0) {
            std::uint32_t used = 2;
            int year = 0;
            if (i + 3 < last && ctx.text(i + 2) == ",") {
                year = number_at(ctx, i + 3, 1900, 2100);
                used = year > 0 ? 4 : 2;
            } else if (i + 2 < last) {
                year = number_at(ctx, i + 2, 1900, 2100);
                used = year > 0 ? 3 : 2;
            }
            Date date{year > 0 ? year : year_of_month(published, month, future), month, day};
            if (day <= days_in_month(date.year, month)) {
                return std::pair{date, used};
            }
        }
        if (const int year = number_at(ctx, i + 1, 1900, 2100); year > 0) {
            return std::pair{Date{year, month, 0}, 2u};
        }
    }
    return std::pair{Date{year_of_month(published, month, future), month, 0}, 1u};
}

/// An amount of time: "two days", "a month", "a few weeks", "days".
struct Span {
    int count = 1;
    int unit = 0; ///< hours, days, weeks, months or years (the date_unit cue order)
    bool vague = false;
    std::uint32_t used = 0;
};

constexpr int hours = 0;
constexpr int days = 1;
constexpr int weeks = 2;
constexpr int months = 3;
constexpr int years = 4;

std::optional<Span> span_at(const Context &ctx, std::uint32_t i, std::uint32_t last) {
    Span span;
    std::uint32_t j = i;
    bool counted = false;
    if (j < last && (ctx.word(j) == "a" || ctx.word(j) == "an" || ctx.word(j) == "the")) {
        ++j;
        counted = true;
    }
    if (j < last && ctx.has(j, "date_vague")) {
        span.vague = true;
        ++j;
        j += j < last && ctx.word(j) == "of" ? 1 : 0; // "a couple of days"
    } else if (j < last && !counted) {
        if (const int word = position_in(ctx, "number_word", ctx.lower[j]); word > 0) {
            span.count = word;
            counted = true;
            ++j;
        } else if (const int number = number_at(ctx, j, 1, 99); number > 0) {
            span.count = number;
            counted = true;
            ++j;
        }
    }
    if (j >= last) {
        return std::nullopt;
    }
    const std::string &word = ctx.lower[j];
    int unit = position_in(ctx, "date_unit", word);
    if (unit == 0 && word.ends_with('s')) {
        unit = position_in(ctx, "date_unit", std::string_view(word).substr(0, word.size() - 1));
    }
    if (unit == 0) {
        return std::nullopt;
    }
    span.unit = unit - 1;
    span.vague = span.vague || !counted; // "days after", "weeks before"
    span.used = j + 1 - i;
    return span;
}

/// The date `span` before (direction -1) or after (+1) `anchor`, as precise as both allow: a
/// vague amount ("days after") or a month drops the day, and vague years give no date.
std::optional<Date> shifted(const Date &anchor, const Span &span, int direction) {
    if (span.unit == years) {
        return span.vague ? std::nullopt
                          : std::optional(Date{anchor.year + direction * span.count, 0, 0});
    }
    if (anchor.month == 0) {
        // Only the year is known: hours, days and weeks keep it; months may leave it.
        return span.unit == months ? std::nullopt : std::optional(anchor);
    }
    if (span.unit == months) {
        const Date month = months_before(anchor, -direction * (span.vague ? 2 : span.count));
        return span.vague ? Date{month.year, 0, 0} : month;
    }
    if (anchor.day == 0) {
        return anchor;
    }
    const long per_unit = span.unit == weeks ? 7 : (span.unit == days ? 1 : 0);
    const long amount = (span.vague ? 3 : span.count) * per_unit;
    const Date day = add_days(anchor, direction * amount);
    return span.vague && span.unit != hours ? Date{day.year, day.month, 0} : day;
}

/// Whether the words of `phrase` appear one after another in [first, last).
bool has_phrase(const Context &ctx, const std::vector<std::string> &phrase, std::uint32_t first,
                std::uint32_t last, std::uint32_t &end) {
    for (std::uint32_t i = first; i + phrase.size() <= last; ++i) {
        if (std::equal(phrase.begin(), phrase.end(), ctx.lower.begin() + i)) {
            end = std::max<std::uint32_t>(end, i + static_cast<std::uint32_t>(phrase.size()));
            return true;
        }
    }
    return false;
}

/// A dated event of the lexicon named from token i on ("the French presidential election's
/// first round"): of the events whose words all appear, the one nearest the publication date.
std::optional<std::pair<Date, std::uint32_t>> event_at(const Context &ctx, std::uint32_t i,
                                                       std::uint32_t last) {
    std::uint32_t window = i;
    while (window < last && window < i + 10 &&
           ctx.out.doc.tokens[window].kind != TokenKind::punct) {
        ++window;
    }
    const long today = days_from_civil(*ctx.date);
    std::optional<std::pair<Date, std::uint32_t>> best;
    for (const auto &event : ctx.lex.events) {
        std::uint32_t end = i;
        const bool words =
            std::all_of(event.phrases.begin(), event.phrases.end(),
                        [&](const auto &p) { return has_phrase(ctx, p, i, window, end); });
        bool country = event.country.empty();
        for (std::uint32_t k = i; k < window && !country; ++k) {
            const auto *m = ctx.mention_at(k);
            country = m != nullptr && ctx.country_of(m->actor) == event.country;
        }
        const auto distance = [&](const Date &d) { return std::abs(days_from_civil(d) - today); };
        if (words && country && (!best || distance(event.date) < distance(best->first))) {
            best = std::pair{event.date, end - i};
        }
    }
    return best;
}

/// "two days before 9 December", "a month before the French presidential election's first
/// round": an amount, "before" or "after", and a calendar date or a dated event.
std::optional<std::pair<Date, std::uint32_t>>
offset_date(const Context &ctx, std::uint32_t i, std::uint32_t last, const Date &published) {
    const auto span = span_at(ctx, i, last);
    if (!span) {
        return std::nullopt;
    }
    std::uint32_t k = i + span->used;
    int direction = 0;
    if (const auto before = ctx.cue_at(k, last, "date_before"); before > 0) {
        direction = -1;
        k += before;
    } else if (const auto after = ctx.cue_at(k, last, "date_after"); after > 0) {
        direction = 1;
        k += after;
    } else {
        return std::nullopt;
    }
    k += k < last && ctx.word(k) == "the" ? 1 : 0;
    auto anchor = k < last ? calendar_date(ctx, k, last, published) : std::nullopt;
    if (!anchor && k < last) {
        anchor = event_at(ctx, k, last);
    }
    if (!anchor) {
        return std::nullopt;
    }
    const auto date = shifted(anchor->first, *span, direction);
    if (!date) {
        return std::nullopt;
    }
    return std::pair{*date, k + anchor->second - i};
}

} // namespace

namespace {

/// The amount of time ending right before token `end` ("days", "a week").
std::optional<Span> span_ending_at(const Context &ctx, std::uint32_t end) {
    for (std::uint32_t start = end > 4 ? end - 4 : 0; start < end; ++start) {
        if (const auto span = span_at(ctx, start, end); span && start + span->used == end) {
            return span;
        }
    }
    return std::nullopt;
}

} // namespace

bool amount_before(const Context &ctx, std::uint32_t barrier) {
    return span_ending_at(ctx, barrier).has_value();
}

std::optional<Date> date_before_offset(const Context &ctx, const Date &date,
                                       std::uint32_t barrier) {
    const auto span = span_ending_at(ctx, barrier);
    if (!span) {
        return std::nullopt;
    }
    return shifted(date, *span, ctx.has(barrier, "date_after") ? -1 : 1);
}

namespace {

/// "last week", "this month", "next year": the week (as its month), month or year before,
/// of, or after the publication date.
std::optional<Date> calendar_unit_date(const Context &ctx, std::uint32_t i, std::uint32_t last,
                                       const Date &published) {
    if (i + 1 >= last) {
        return std::nullopt;
    }
    int direction = 0;
    if (ctx.has(i, "date_last")) {
        direction = -1;
    } else if (ctx.has(i, "date_next")) {
        direction = 1;
    } else if (!ctx.has(i, "date_this")) {
        return std::nullopt;
    }
    const std::string &unit = ctx.lower[i + 1];
    if (unit == "week") {
        return months_before(add_days(published, 7L * direction), 0);
    }
    if (unit == "month") {
        return months_before(published, -direction);
    }
    if (unit == "year") {
        return Date{published.year + direction, 0, 0};
    }
    return std::nullopt;
}

/// A date expression that does not refer back to another ("on Monday", "29 May").
std::optional<std::pair<Date, std::uint32_t>> plain_date(const Context &ctx, std::uint32_t i,
                                                         std::uint32_t last, bool future,
                                                         const Date &published) {
    if (const auto date = offset_date(ctx, i, last, published)) {
        return date;
    }
    if (const auto date = calendar_date(ctx, i, last, published, future)) {
        return date;
    }
    const std::string &word = ctx.lower[i];
    if (const int day = position_in(ctx, "weekday", word); day > 0 && ctx.out.doc.tokens[i].upper) {
        if (future) {
            const int ahead = ((day - 1) - weekday(published) + 7) % 7;
            return std::pair{add_days(published, ahead == 0 ? 7 : ahead), 1u};
        }
        const int back = (weekday(published) - (day - 1) + 7) % 7;
        return std::pair{add_days(published, -back), 1u};
    }
    if (ctx.has(i, "date_yesterday")) {
        return std::pair{add_days(published, -1), 1u};
    }
    if (ctx.has(i, "date_today")) {
        return std::pair{published, 1u};
    }
    if (const auto date = calendar_unit_date(ctx, i, last, published)) {
        return std::pair{*date, 2u};
    }
    if (i > 0 && (ctx.word(i - 1) == "in" || ctx.word(i - 1) == "since")) {
        if (const int year = number_at(ctx, i, 1900, 2100); year > 0) {
            return std::pair{Date{year, 0, 0}, 1u};
        }
    }
    return std::nullopt;
}

/// "that evening", "the next day": the day of the latest date expression in this or the two
/// sentences before ("Both leaders arrived on Sunday. Kim met Lee that evening").
std::optional<std::pair<Date, std::uint32_t>>
referring_date(const Context &ctx, std::uint32_t i, std::uint32_t last, const Date &published) {
    int shift = 0;
    std::uint32_t length = ctx.cue_at(i, last, "date_same_day");
    if (length == 0) {
        length = ctx.cue_at(i, last, "date_next_day");
        shift = 1;
    }
    if (length == 0) {
        return std::nullopt;
    }
    const auto &sentences = ctx.out.doc.sentences;
    std::size_t s = 0;
    while (s + 1 < sentences.size() && sentences[s + 1].first <= i) {
        ++s;
    }
    std::optional<Date> latest;
    for (std::size_t t = s >= 2 ? s - 2 : 0; t <= s; ++t) {
        const std::uint32_t end = std::min(sentences[t].last, i);
        for (std::uint32_t k = sentences[t].first; k < end; ++k) {
            if (const auto date = plain_date(ctx, k, end, false, published)) {
                latest = date->first;
                k += date->second - 1;
            }
        }
    }
    if (!latest || latest->day == 0) {
        return latest ? std::optional(std::pair{*latest, length}) : std::nullopt;
    }
    return std::pair{add_days(*latest, shift), length};
}

} // namespace

std::optional<std::pair<Date, std::uint32_t>> date_at(const Context &ctx, std::uint32_t i,
                                                      std::uint32_t last, bool future) {
    if (!ctx.date) {
        return std::nullopt;
    }
    if (const auto date = plain_date(ctx, i, last, future, *ctx.date)) {
        return date;
    }
    return referring_date(ctx, i, last, *ctx.date);
}

} // namespace diplograph
