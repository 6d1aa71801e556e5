// Tests of the calendar helpers: parsing, printing and arithmetic on ISO-8601 dates.
#include "common/date.hpp"

#include <catch2/catch.hpp>

using namespace diplograph;

namespace {

Date full(const char *text) {
    const auto date = parse_iso_date(text);
    REQUIRE(date);
    REQUIRE(date->day != 0);
    return *date;
}

} // namespace

TEST_CASE("parse_iso_date reads a year, a month or a full date", "[date]") {
    CHECK(parse_iso_date("2017") == Date{2017, 0, 0});
    CHECK(parse_iso_date("2017-05") == Date{2017, 5, 0});
    CHECK(parse_iso_date("2017-05-29") == Date{2017, 5, 29});
    CHECK(parse_iso_date("2016-02-29") == Date{2016, 2, 29});
    CHECK(parse_iso_date("2000-02-29") == Date{2000, 2, 29});
    CHECK(parse_iso_date("2017-12-31") == Date{2017, 12, 31});
}

TEST_CASE("parse_iso_date refuses dates that do not exist or are not written exactly", "[date]") {
    const char *bad =
        GENERATE("2017-02-29", "1900-02-29", "2017-04-31", "2017-13-01", "2017-00-10", "2017-05-00",
                 "2017-5-1", "2017-05-1", "17-05-29", "2017/05/29", "2017-05-29T10:00",
                 " 2017-05-29", "2017-05-29 ", "201a", "", "-2017", "2017-+5-01", "yesterday");
    INFO("text: \"" << bad << "\"");
    CHECK_FALSE(parse_iso_date(bad));
}

TEST_CASE("to_iso prints a date as precisely as it is known", "[date]") {
    CHECK(to_iso(Date{2017, 0, 0}) == "2017");
    CHECK(to_iso(Date{2017, 3, 0}) == "2017-03");
    CHECK(to_iso(Date{2017, 5, 9}) == "2017-05-09");
    CHECK(to_iso(Date{987, 1, 2}) == "0987-01-02");
    for (const char *text : {"2017", "2017-03", "2016-02-29"}) {
        CHECK(to_iso(*parse_iso_date(text)) == text);
    }
}

TEST_CASE("days_in_month follows the Gregorian leap-year rules", "[date]") {
    CHECK(days_in_month(2017, 1) == 31);
    CHECK(days_in_month(2017, 2) == 28);
    CHECK(days_in_month(2016, 2) == 29);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2017, 4) == 30);
    CHECK(days_in_month(2017, 12) == 31);
}

TEST_CASE("weekday counts from Monday as 0", "[date]") {
    CHECK(weekday(full("2017-05-29")) == 0); // Macron receives Putin at Versailles: a Monday
    CHECK(weekday(full("2018-06-12")) == 1); // the Singapore summit: a Tuesday
    CHECK(weekday(full("1970-01-01")) == 3); // the epoch: a Thursday
    CHECK(weekday(full("1969-12-28")) == 6); // before the epoch: a Sunday
    CHECK(weekday(full("2022-02-24")) == 3);
}

TEST_CASE("days_from_civil and civil_from_days are inverse", "[date]") {
    CHECK(days_from_civil(full("1970-01-01")) == 0);
    CHECK(days_from_civil(full("1970-01-02")) == 1);
    CHECK(days_from_civil(full("1969-12-31")) == -1);
    for (const long days : {-800000L, -1L, 0L, 59L, 60L, 17315L, 2932896L}) {
        CHECK(days_from_civil(civil_from_days(days)) == days);
    }
}

TEST_CASE("add_days crosses month and year boundaries", "[date]") {
    CHECK(add_days(full("2017-05-29"), 3) == Date{2017, 6, 1});
    CHECK(add_days(full("2017-12-31"), 1) == Date{2018, 1, 1});
    CHECK(add_days(full("2018-01-01"), -1) == Date{2017, 12, 31});
    CHECK(add_days(full("2016-02-28"), 1) == Date{2016, 2, 29});
    CHECK(add_days(full("2017-02-28"), 1) == Date{2017, 3, 1});
    CHECK(add_days(full("2017-03-01"), -1) == Date{2017, 2, 28});
    CHECK(add_days(full("2017-05-29"), 365) == Date{2018, 5, 29});
    CHECK(add_days(full("2017-05-29"), 0) == Date{2017, 5, 29});
}

TEST_CASE("months_before moves whole months and drops the day", "[date]") {
    CHECK(months_before(full("2017-05-29"), 1) == Date{2017, 4, 0});
    CHECK(months_before(full("2017-01-15"), 1) == Date{2016, 12, 0});
    CHECK(months_before(full("2017-03-31"), 14) == Date{2016, 1, 0});
    CHECK(months_before(full("2017-05-29"), 0) == Date{2017, 5, 0});
    CHECK(months_before(full("2017-12-01"), -1) == Date{2018, 1, 0});
    CHECK(months_before(full("2017-11-01"), -14) == Date{2019, 1, 0});
}

TEST_CASE("dates order by year, then month, then day", "[date]") {
    CHECK(full("2017-05-29") < full("2017-05-30"));
    CHECK(full("2017-05-29") < full("2017-06-01"));
    CHECK(full("2016-12-31") < full("2017-01-01"));
    CHECK(Date{2017, 5, 0} < full("2017-05-01"));
}
