// Internal to the reply parser: dates and day words in a normalised message ("5/1",
// "3 december", "2 weken", "tot maandag", "morgen"), resolved against the family's local
// today, with the month, weekday, number and unit words of date_words.h. Not part of the parser's
// contract. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "bot/reply/context.h"
#include "bot/reply/date_words.h"
#include "bot/reply/normalize.h"

namespace noodbel::reply {

using Day = date::sys_days;

// The moment a message is read: today (unknown when the context has no valid date) and
// the minute of the day (-1 unknown).
struct Moment {
  std::optional<Day> today;
  int minute = -1;
};
Moment moment_of(const ReplyContext& ctx);

std::optional<Day> day_if_valid(int y, int m, int d);
std::string iso_of(Day day);

// A number said as a digit string or a word ("2", "twee", "deux", "two", "een"); -1 if not.
int count_of(std::string_view w, const DateWords& words);
// The next such weekday, today included.
std::optional<Day> next_weekday(const std::optional<Day>& today, int weekday);
// "morgen" said at night (before 05:00) means the day that starts after the night:
// today's date. Otherwise today + 1.
std::optional<Day> tomorrow(const Moment& m);

struct DateExpr {
  std::size_t count = 0;   // tokens covered
  bool span = false;       // "2 weken" rather than a day
  std::optional<Day> day;  // resolved, when today is known or the year written
};

// A written date at token t: "5/1", "24.12.2026", "3 december", "eind december".
std::optional<DateExpr> written_date(const Normalized& n, std::size_t t,
                                     const std::optional<Day>& today, const DateWords& words);

// The last day of a pause: a date after "tot" / "until" first, else a span ("2 weken"),
// else any date. `said` when the message names one, resolvable or not.
struct Until {
  bool said = false;
  std::optional<std::string> iso;
};
Until find_until(const Normalized& n, const ReplyContext& ctx, const DateWords& words);

}  // namespace noodbel::reply
