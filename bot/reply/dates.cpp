#include "bot/reply/dates.h"

#include <algorithm>

#include "bot/local_time.h"
#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

// A day of the month, possibly ordinal: "3", "03", "1er", "1ste", "3de", "3rd".
int day_of(std::string_view w, const DateWords& words) {
  std::size_t digits = 0;
  while (digits < w.size() && digits < 2 && is_digit(w[digits])) ++digits;
  if (digits == 0) return -1;
  const std::string_view rest = w.substr(digits);
  if (!rest.empty() && !words.is_ordinal_suffix(rest)) return -1;
  const int d = to_number(w.substr(0, digits));
  return d >= 1 && d <= 31 ? d : -1;
}

// The next d/m to come (today included); nothing when today is unknown.
std::optional<Day> next_to_come(const std::optional<Day>& today, int m, int d) {
  if (!today) return std::nullopt;
  const int year = static_cast<int>(date::year_month_day{*today}.year());
  for (int y = year; y <= year + 4; ++y) {  // 29/2 may be up to 4 years away
    const std::optional<Day> day = day_if_valid(y, m, d);
    if (day && *day >= *today) return day;
  }
  return std::nullopt;
}

// d/m with a written year ("2027", "27"); nothing for a year outside 2000..2100.
std::optional<Day> with_year(int y, int m, int d) {
  if (y >= 0 && y < 100) y += 2000;
  if (y < 2000 || y > 2100) return std::nullopt;
  return day_if_valid(y, m, d);
}

std::optional<Day> add_months(const std::optional<Day>& today, int months) {
  if (!today) return std::nullopt;
  const date::year_month_day ymd{*today};
  const date::year_month_day shifted = ymd + date::months{months};
  if (shifted.ok()) return Day{shifted};
  return Day{shifted.year() / shifted.month() / date::last};  // 31/1 + 1 month = 28/2
}

bool is_separator(std::string_view gap) {
  return gap.size() == 1 && (gap[0] == '/' || gap[0] == '.' || gap[0] == '-');
}

// "5/1", "24.12.2026", "3-1-27", "2026-12-01".
std::optional<DateExpr> numeric_date(const Normalized& n, std::size_t t,
                                     const std::optional<Day>& today) {
  if (t + 1 >= n.size() || !is_separator(n.gap(t))) return std::nullopt;
  const std::string_view a = n.word(t);
  const std::string_view b = n.word(t + 1);
  const bool has_third =
      t + 2 < n.size() && is_separator(n.gap(t + 1)) && to_number(n.word(t + 2)) >= 0;
  const int c = has_third ? to_number(n.word(t + 2)) : -1;
  if (a.size() == 4 && has_third) {  // ISO order
    const int m = to_number(b);
    if (to_number(a) < 0 || m < 1 || m > 12 || c < 1 || c > 31) return std::nullopt;
    return DateExpr{3, false, with_year(to_number(a), m, c)};
  }
  const int d = a.size() <= 2 ? to_number(a) : -1;
  const int m = b.size() <= 2 ? to_number(b) : -1;
  if (d < 1 || d > 31 || m < 1 || m > 12) return std::nullopt;
  if (has_third && (n.word(t + 2).size() == 2 || n.word(t + 2).size() == 4)) {
    return DateExpr{3, false, with_year(c, m, d)};
  }
  return DateExpr{2, false, next_to_come(today, m, d)};
}

// "3 december", "1er janvier 2027", "December 3".
std::optional<DateExpr> named_date(const Normalized& n, std::size_t t,
                                   const std::optional<Day>& today, const DateWords& words) {
  if (t + 1 >= n.size()) return std::nullopt;
  int d = day_of(n.word(t), words);
  int m = words.month_of(n.word(t + 1));
  if (d < 0 || m < 0) {
    m = words.month_of(n.word(t));
    d = day_of(n.word(t + 1), words);
  }
  if (d < 0 || m < 0) return std::nullopt;
  if (t + 2 < n.size() && n.word(t + 2).size() == 4 && to_number(n.word(t + 2)) >= 0) {
    return DateExpr{3, false, with_year(to_number(n.word(t + 2)), m, d)};
  }
  return DateExpr{2, false, next_to_come(today, m, d)};
}

// "eind december", "fin janvier", "end of December": the month's last day.
std::optional<DateExpr> month_end(const Normalized& n, std::size_t t,
                                  const std::optional<Day>& today, const DateWords& words) {
  const std::string_view w = n.word(t);
  if (w != "eind" && w != "einde" && w != "fin" && w != "end") return std::nullopt;
  for (std::size_t k = t + 1; k < n.size() && k <= t + 2; ++k) {
    const int m = words.month_of(n.word(k));
    if (m < 0) continue;
    std::optional<Day> day;
    if (today) {
      const date::year_month_day now{*today};
      auto y = now.year();
      if (date::month{static_cast<unsigned>(m)} < now.month()) ++y;
      day = Day{y / date::month{static_cast<unsigned>(m)} / date::last};
    }
    return DateExpr{k + 1 - t, false, day};
  }
  return std::nullopt;
}

// After "tot" / "until": "maandag" (the next Monday), "morgen", "overmorgen".
std::optional<DateExpr> relative_day(const Normalized& n, std::size_t t,
                                     const std::optional<Day>& today, const DateWords& words) {
  const std::string_view w = n.word(t);
  int days = -1;
  if (const int wd = words.weekday_of(w); wd >= 0) {
    if (today) {
      const int now = static_cast<int>(date::weekday{*today}.iso_encoding()) - 1;
      days = (wd - now + 7) % 7;
      if (days == 0) days = 7;
    }
  } else if (w == "morgen" || w == "tomorrow" || w == "demain") {
    days = 1;
  } else if (w == "overmorgen") {
    days = 2;
  } else {
    return std::nullopt;
  }
  return DateExpr{1, false,
                  today && days > 0 ? std::optional<Day>(*today + date::days{days}) : std::nullopt};
}

// "2 weken", "een week", "pause 2 semaines", "10 dagen", "1 maand".
std::optional<DateExpr> span(const Normalized& n, std::size_t t, const std::optional<Day>& today,
                             const DateWords& words) {
  if (t + 1 >= n.size()) return std::nullopt;
  const int unit = words.unit_days(n.word(t + 1));
  if (unit < 0) return std::nullopt;
  const std::string_view w = n.word(t);
  const int count = is_digit(w[0]) ? to_number(w) : words.number_of(w);
  if (count < 1 || count > 366) return std::nullopt;
  std::optional<Day> day;
  if (unit == 0) {
    day = add_months(today, count);
  } else if (today) {
    day = *today + date::days{count * unit};
  }
  return DateExpr{2, true, day};
}

// True when one of the three words before token `t` is "tot", "until", "jusqu'" (or t/m).
bool after_until(const Normalized& n, std::size_t t, const DateWords& words) {
  for (std::size_t k = t; k > 0 && k + 3 > t; --k) {
    const std::string_view w = n.word(k - 1);
    if (words.is_until_word(w)) return true;
    if (w == "m" && k >= 2 && n.word(k - 2) == "t") return true;  // "t/m"
  }
  return false;
}

// The date expression at token `t`; weekdays and "morgen" only after "tot" / "until".
std::optional<DateExpr> date_at(const Normalized& n, std::size_t t, const std::optional<Day>& today,
                                bool until_before, const DateWords& words) {
  if (auto e = numeric_date(n, t, today)) return e;
  if (auto e = named_date(n, t, today, words)) return e;
  if (auto e = month_end(n, t, today, words)) return e;
  if (auto e = span(n, t, today, words)) return e;
  if (until_before) return relative_day(n, t, today, words);
  return std::nullopt;
}

void put_digits(std::string& out, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10)
    out.push_back(static_cast<char>('0' + value % 10));
  std::reverse(out.end() - width, out.end());
}

std::optional<std::string> iso_or_none(const std::optional<Day>& day) {
  if (!day) return std::nullopt;
  return iso_of(*day);
}

}  // namespace

Moment moment_of(const ReplyContext& ctx) {
  Moment m;
  m.today = day_if_valid(ctx.year, ctx.month, ctx.day);
  if (ctx.minute >= 0 && ctx.minute < 24 * 60) m.minute = ctx.minute;
  return m;
}

std::optional<Day> day_if_valid(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Day{date::year{y} / date::month{static_cast<unsigned>(m)} /
             date::day{static_cast<unsigned>(d)}};
}

std::string iso_of(Day day) {
  const date::year_month_day ymd{day};
  std::string out;
  put_digits(out, static_cast<int>(ymd.year()), 4);
  out.push_back('-');
  put_digits(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out.push_back('-');
  put_digits(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return out;
}

int count_of(std::string_view w, const DateWords& words) {
  if (w.empty()) return -1;
  if (is_digit(w[0])) return to_number(w);
  return words.number_of(w);
}

std::optional<Day> next_weekday(const std::optional<Day>& today, int weekday) {
  if (!today || weekday < 0) return std::nullopt;
  const int now = static_cast<int>(date::weekday{*today}.iso_encoding()) - 1;
  return *today + date::days{(weekday - now + 7) % 7};
}

std::optional<Day> tomorrow(const Moment& m) {
  if (!m.today) return std::nullopt;
  constexpr int kNightEnds = 5 * 60;
  if (m.minute >= 0 && m.minute < kNightEnds) return m.today;
  return *m.today + date::days{1};
}

std::optional<DateExpr> written_date(const Normalized& n, std::size_t t,
                                     const std::optional<Day>& today, const DateWords& words) {
  if (auto e = numeric_date(n, t, today)) return e;
  if (auto e = named_date(n, t, today, words)) return e;
  return month_end(n, t, today, words);
}

Until find_until(const Normalized& n, const ReplyContext& ctx, const DateWords& words) {
  const std::optional<Day> today = moment_of(ctx).today;
  std::optional<DateExpr> first_span;
  std::optional<DateExpr> first_date;
  for (std::size_t t = 0; t < n.size();) {
    const bool until_before = after_until(n, t, words);
    const std::optional<DateExpr> e = date_at(n, t, today, until_before, words);
    if (!e) {
      ++t;
      continue;
    }
    if (until_before) return Until{true, iso_or_none(e->day)};
    if (e->span && !first_span) first_span = e;
    if (!e->span && !first_date) first_date = e;
    t += e->count;
  }
  if (first_span) return Until{true, iso_or_none(first_span->day)};
  if (first_date) return Until{true, iso_or_none(first_date->day)};
  return {};
}

}  // namespace noodbel::reply
