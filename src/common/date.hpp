// Calendar dates with an optional month and day ("2017", "2017-03", "2017-05-29").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace diplograph {

struct Date {
    int year = 0;
    int month = 0; ///< 0 when only the year is known
    int day = 0;   ///< 0 when only the year and month are known

    bool operator==(const Date &) const = default;
    auto operator<=>(const Date &) const = default;
};

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt unless the text is exactly such a date
/// and the date exists.
std::optional<Date> parse_iso_date(std::string_view text);

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the date is.
std::string to_iso(const Date &date);

int days_in_month(int year, int month);

/// Days since 1970-01-01 of a full date (month and day must be set).
long days_from_civil(const Date &date);
Date civil_from_days(long days);

/// 0 = Monday ... 6 = Sunday, for a full date.
int weekday(const Date &date);

Date add_days(const Date &date, long days);

/// The month n months before the date's (negative n: after), day dropped.
Date months_before(const Date &date, int months);

} // namespace diplograph
