// Date expressions resolved against the publication date: "29 May 2017", "May 29", "on
// Monday", "yesterday", "last month", "in October", "in 2015".
#include "extract/context.hpp"

#include <algorithm>
#include <charconv>

namespace diplograph {

namespace {

/// 1-based position of a word in a cue list ("month": january ... december), or 0.
int position_in(const Context &ctx, std::string_view category, const std::string &word) {
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

/// The most recent past (or current) occurrence of a month.
int year_of_month(const Date &published, int month) {
    return month <= published.month ? published.year : published.year - 1;
}

std::optional<std::pair<Date, std::uint32_t>>
calendar_date(const Context &ctx, std::uint32_t i, std::uint32_t last, const Date &published) {
    // "29 May 2017" / "29 May"
    if (const int day = number_at(ctx, i, 1, 31); day > 0 && i + 1 < last) {
        if (const int month = month_at(ctx, i + 1); month > 0) {
            const int year = i + 2 < last ? number_at(ctx, i + 2, 1900, 2100) : 0;
            Date date{year > 0 ? year : year_of_month(published, month), month, day};
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
            Date date{year > 0 ? year : year_of_month(published, month), month, day};
            if (day <= days_in_month(date.year, month)) {
                return std::pair{date, used};
            }
        }
        if (const int year = number_at(ctx, i + 1, 1900, 2100); year > 0) {
            return std::pair{Date{year, month, 0}, 2u};
        }
    }
    return std::pair{Date{year_of_month(published, month), month, 0}, 1u};
}

} // namespace

std::optional<std::pair<Date, std::uint32_t>> date_at(const Context &ctx, std::uint32_t i,
                                                      std::uint32_t last, bool future) {
    if (!ctx.date) {
        return std::nullopt;
    }
    const Date &published = *ctx.date;
    if (const auto date = calendar_date(ctx, i, last, published)) {
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
    if (i + 1 < last && ctx.has(i, "date_last")) {
        const std::string &unit = ctx.lower[i + 1];
        if (unit == "week") {
            return std::pair{months_before(add_days(published, -7), 0), 2u};
        }
        if (unit == "month") {
            return std::pair{months_before(published, 1), 2u};
        }
        if (unit == "year") {
            return std::pair{Date{published.year - 1, 0, 0}, 2u};
        }
    }
    if (i > 0 && (ctx.lower[i - 1] == "in" || ctx.lower[i - 1] == "since")) {
        if (const int year = number_at(ctx, i, 1900, 2100); year > 0) {
            return std::pair{Date{year, 0, 0}, 1u};
        }
    }
    return std::nullopt;
}

} // namespace diplograph
