// Calendar arithmetic on proleptic Gregorian dates (Howard Hinnant's civil algorithms).
#include "common/date.hpp"

#include <charconv>
#include <cstdio>

namespace diplograph {

namespace {

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
        return std::nullopt;
    }
    Date date;
    const auto year = parse_digits(text.substr(0, 4));
    if (!year) {
        return std::nullopt;
    }
    date.year = *year;
    if (text.size() >= 7) {
        const auto month = parse_digits(text.substr(5, 2));
        if (text[4] != '-' || !month || *month < 1 || *month > 12) {
            return std::nullopt;
        }
        date.month = *month;
    }
    if (text.size() == 10) {
        const auto day = parse_digits(text.substr(8, 2));
        if (text[7] != '-' || !day || *day < 1 || *day > days_in_month(date.year, date.month)) {
            return std::nullopt;
        }
        date.day = *day;
    }
    return date;
}

std::string to_iso(const Date &date) {
    char buffer[32];
    if (date.month == 0) {
        std::snprintf(buffer, sizeof buffer, "%04d", date.year);
    } else if (date.day == 0) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    }
    return buffer;
}

long days_from_civil(const Date &date) {
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (date.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

int weekday(const Date &date) {
    const long days = days_from_civil(date);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

Date add_days(const Date &date, long days) {
    return civil_from_days(days_from_civil(date) + days);
}

Date months_before(const Date &date, int months) {
    const int index = date.year * 12 + (date.month - 1) - months;
    return Date{index / 12, index % 12 + 1, 0};
}

} // namespace diplograph
