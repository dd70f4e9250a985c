// Start times and time limits of an answer: "vanaf 18u", "na 17u", "niet voor 20u",
// "over een uurtje", "morgen vanaf 9u", "pas na school"; "voor 1 nacht", "max 2 nachten",
// "het weekend", "tot zondag", "niet te lang". Times resolve against the Moment: "vanaf 18u"
// is the next 18:00 (today while it is still to come or passed less than an hour ago),
// "over een uurtje" is now + 60 minutes, "morgen" said before 05:00 is the day after the
// night (today's date), a weekday is the next one (today included).
#include <string_view>

#include "bot/reply/times.h"
#include "bot/reply/word_lists.h"
#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMaxNights = 366;

// An hour of the day as written: "18u", "18u30", "18:30", "18.30", "6pm", "18 uur", "half 7".
struct Clock {
  int minute = 0;
  std::size_t end = 0;
  bool bare = false;  // an hour without unit or minutes ("vanaf 18", "na 5")
};

// The suffix of "18u30" / "6pm" after the digits: minutes and am/pm; false when it is no time.
bool read_suffix(std::string_view rest, int& minute, int& ampm, bool& unit) {
  if (rest.empty()) return true;
  if (rest == "pm"sv || rest == "am"sv) {
    ampm = rest == "pm"sv ? 1 : 2;
    return true;
  }
  std::size_t i = 0;
  if (rest.starts_with("uur"sv)) {
    i = 3;
  } else if (rest.starts_with("hrs"sv)) {
    i = 3;
  } else if (rest.starts_with("hr"sv)) {
    i = 2;
  } else if (rest[0] == 'u' || rest[0] == 'h') {
    i = 1;
  } else {
    return false;
  }
  unit = true;
  const std::string_view tail = rest.substr(i);
  if (tail.empty()) return true;
  if (tail.size() != 2 || to_number(tail) < 0) return false;
  minute = to_number(tail);
  return true;
}

std::optional<Clock> clock_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  if (t >= n.size()) return std::nullopt;
  const std::string_view w = n.word(t);
  if (w == "half"sv && n.joined(t)) {  // Dutch "half 7" = 6:30
    const int h = to_number(n.word(t + 1));
    if (h < 1 || h > 12) return std::nullopt;
    return Clock{(h - 1) * 60 + 30, t + 2, true};
  }
  std::size_t digits = 0;
  while (digits < w.size() && is_digit(w[digits])) ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  int hour = to_number(w.substr(0, digits));
  int minute = 0;
  int ampm = 0;  // 1 pm, 2 am
  bool unit = false;
  if (!read_suffix(w.substr(digits), minute, ampm, unit)) return std::nullopt;
  std::size_t end = t + 1;
  if (w.size() == digits && end < n.size() && n.same_sentence(t, end)) {
    const std::string_view gap = n.gap(t);
    const std::string_view next = n.word(end);
    if ((gap == ":"sv || gap == "."sv) && next.size() == 2 && to_number(next) >= 0) {
      minute = to_number(next);
      unit = true;
      ++end;
    }
  }
  if (n.is(end,
           {"u"sv, "h"sv, "uur"sv, "heure"sv, "heures"sv, "hr"sv, "hrs"sv, "hour"sv, "hours"sv}) &&
      n.same_sentence(t, end)) {
    unit = true;
    ++end;
  }
  if (n.is(end, {"pm"sv, "am"sv}) && n.same_sentence(t, end)) {
    ampm = n.word(end) == "pm"sv ? 1 : 2;
    ++end;
  } else if (n.match(end, "p m"sv) != 0 || n.match(end, "a m"sv) != 0) {
    ampm = n.word(end) == "p"sv ? 1 : 2;
    end += 2;
  } else if (n.match(end, "o clock"sv) != 0) {
    unit = true;
    end += 2;
  }
  if (hour > 23 || minute > 59) return std::nullopt;
  if (ampm == 1 && hour < 12) hour += 12;
  if (ampm == 2 && hour == 12) hour = 0;
  const bool bare = !unit && ampm == 0 && end == t + 1;
  if (bare && n.is(end, lists.words(WordList::kNotHourUnits))) return std::nullopt;
  return Clock{hour * 60 + minute, end, bare};
}

// Evening words: an hour said with them is in the evening ("vanavond om 8u" = 20:00).
std::size_t evening_at(const Normalized& n, std::size_t t) {
  if (n.is(t, {"vanavond"sv, "savonds"sv, "tonight"sv})) return 1;
  if (std::size_t k = n.match(t, "s avonds"sv)) return k;
  if (std::size_t k = n.match(t, "ce soir"sv)) return k;
  if (std::size_t k = n.match(t, "du soir"sv)) return k;
  if (std::size_t k = n.match(t, "this evening"sv)) return k;
  if (std::size_t k = n.match(t, "in the evening"sv)) return k;
  return 0;
}

// A day said in words: "vandaag", "morgen", "overmorgen", "demain", "tomorrow", a weekday
// (the next one, today included) or a written date ("5/12", "3 december").
struct DayWord {
  std::optional<Day> day;
  std::size_t end = 0;
  bool relative = false;  // morgen / demain / tomorrow / overmorgen (may stand alone)
};

std::optional<DayWord> day_word_at(const Normalized& n, std::size_t t, const Moment& m,
                                   const DateWords& words) {
  if (t >= n.size()) return std::nullopt;
  if (n.is(t, {"morgen"sv, "tomorrow"sv, "demain"sv, "morgenvroeg"sv, "morgenochtend"sv,
               "morgenavond"sv, "morgenmiddag"sv, "morgenvoormiddag"sv, "morgennamiddag"sv})) {
    return DayWord{tomorrow(m), t + 1, true};
  }
  if (n.is(t, {"overmorgen"sv}) || n.match(t, "apres demain"sv) != 0 ||
      n.match(t, "day after tomorrow"sv) != 0) {
    std::optional<Day> d = tomorrow(m);
    if (d) d = *d + date::days{1};
    const std::size_t k = n.is(t, {"overmorgen"sv}) ? 1 : n.word(t) == "apres"sv ? 2 : 4;
    return DayWord{d, t + k, true};
  }
  if (n.is(t, {"vandaag"sv, "today"sv})) return DayWord{m.today, t + 1, false};
  if (n.match(t, "aujourd hui"sv) != 0) return DayWord{m.today, t + 2, false};
  if (const int wd = words.weekday_of(n.word(t)); wd >= 0)
    return DayWord{next_weekday(m.today, wd), t + 1, false};
  if (auto e = written_date(n, t, m.today, words)) return DayWord{e->day, t + e->count, false};
  return std::nullopt;
}

// ---------------------------------------------------------------- start times

// Words that open a start time; how many tokens they cover.
std::size_t from_opener(const Normalized& n, std::size_t t, bool& strict_before,
                        const ConditionWords& lists) {
  const std::size_t strict = match_first(n, t, lists.words(WordList::kNotBefore));
  strict_before = strict != 0;
  return strict != 0 ? strict : match_first(n, t, lists.words(WordList::kFromWords));
}

// "over een uurtje", "binnen het half uur", "dans une heure", "in 30 minutes": minutes
// (or whole days: "over 2 dagen") from now.
struct Duration {
  int minutes = 0;
  int days = 0;
  std::size_t end = 0;
};

std::optional<Duration> duration_at(const Normalized& n, std::size_t t, const DateWords& words) {
  std::size_t k = t;
  if (n.is(k, {"een"sv, "a"sv, "an"sv, "une"sv, "un"sv, "het"sv, "the"sv, "l"sv})) ++k;
  if (k >= n.size() || !n.same_sentence(t, k)) return std::nullopt;
  const std::string_view w = n.word(k);
  if (n.is(k, {"half"sv, "halve"sv, "demi"sv}) || w == "halfuur"sv || w == "halfuurtje"sv) {
    std::size_t e = k + 1;
    if (w == "half"sv || w == "halve"sv || w == "demi"sv) {
      if (n.is(e, {"an"sv, "a"sv})) ++e;
      if (!n.is(e, {"uur"sv, "uurtje"sv, "heure"sv, "hour"sv})) return std::nullopt;
      ++e;
    }
    return Duration{30, 0, e};
  }
  if (n.is(k, {"kwartier"sv, "kwartiertje"sv})) return Duration{15, 0, k + 1};
  if (const std::size_t q = n.match(k, "quart d heure"sv)) return Duration{15, 0, k + q};
  if (const std::size_t q = n.match(k, "quarter of an hour"sv)) return Duration{15, 0, k + q};
  if (n.is(k, {"anderhalf"sv}) && n.is(k + 1, {"uur"sv, "uurtje"sv})) return Duration{90, 0, k + 2};
  if (n.is(k, {"uur"sv, "uurtje"sv, "heure"sv, "hour"sv}) && k > t) return Duration{60, 0, k + 1};
  const int count = k > t ? 1 : count_of(w, words);
  const std::size_t unit = k > t ? k : k + 1;
  if (count < 1 || unit >= n.size() || !n.same_sentence(t, unit)) return std::nullopt;
  if (n.is(unit, {"uur"sv, "uren"sv, "uurtje"sv, "uurtjes"sv, "heure"sv, "heures"sv, "hour"sv,
                  "hours"sv, "h"sv})) {
    return count <= 24 ? std::optional(Duration{count * 60, 0, unit + 1}) : std::nullopt;
  }
  if (n.is(unit,
           {"minuten"sv, "minuutjes"sv, "min"sv, "minutes"sv, "minute"sv, "mins"sv, "minuut"sv})) {
    return count <= kMinutesPerDay ? std::optional(Duration{count, 0, unit + 1}) : std::nullopt;
  }
  if (n.is(unit, {"dag"sv, "dagen"sv, "dagjes"sv, "jours"sv, "jour"sv, "days"sv, "day"sv})) {
    return count <= 60 ? std::optional(Duration{0, count, unit + 1}) : std::nullopt;
  }
  return std::nullopt;
}

// What "after" may be followed by when no hour is given: "na het werk", "after school".

class FromReader {
 public:
  FromReader(const Normalized& n, const Moment& m, const DateWords& words,
             const ConditionWords& lists)
      : n_(n), m_(m), words_(words), lists_(lists) {}

  std::optional<Found> at(std::size_t t) const {
    std::size_t s = t;
    while (s < t + 2 && n_.is(s, {"enkel"sv, "alleen"sv, "only"sv, "just"sv, "seulement"sv,
                                  "uniquement"sv, "slechts"sv}))
      ++s;
    const bool pas = n_.is(s, {"pas"sv}) && n_.match(s, "pas avant"sv) == 0;
    if (pas) ++s;
    if (auto h = opened(t, s, pas)) return h;
    if (auto h = duration(t, s)) return h;
    if (auto h = day_first(t, s, pas)) return h;
    if (auto h = evening_first(t, s)) return h;
    if (auto h = later(t, s)) return h;
    return std::nullopt;
  }

 private:
  Values resolved(const Clock& c, bool evening, const std::optional<DayWord>& day) const {
    int minute = c.minute;
    const int hour = minute / 60;
    if ((c.bare && hour >= 1 && hour <= 7) || (evening && hour >= 1 && hour <= 11))
      minute += 12 * 60;
    Values v;
    v.kind = ConditionKind::kFrom;
    v.from_minute = minute;
    if (day) {
      v.from_day = day->day;
    } else if (m_.today) {
      const bool passed = m_.minute >= 0 && minute < m_.minute - 60;
      v.from_day = passed ? *m_.today + date::days{1} : *m_.today;
    }
    return v;
  }

  static Values day_only(const std::optional<Day>& day) {
    Values v;
    v.kind = ConditionKind::kFrom;
    v.from_day = day;
    return v;
  }

  // A clock at k, maybe followed by an evening word or a day: "18u", "6 uur vanavond",
  // "9u morgen".
  std::optional<Found> clock_then(std::size_t t, std::size_t k, std::optional<DayWord> day,
                                  bool evening) const {
    const std::optional<Clock> c = clock_at(n_, k, lists_);
    if (!c) return std::nullopt;
    std::size_t end = c->end;
    if (const std::size_t e = evening_at(n_, end); e != 0 && n_.same_sentence(k, end)) {
      evening = true;
      end += e;
    } else if (!day) {
      if (auto d = day_word_at(n_, end, m_, words_); d && d->relative && n_.same_sentence(k, end)) {
        day = d;
        end = d->end;
      }
    }
    return Found{t, end, resolved(*c, evening, day)};
  }

  // "vanaf 18u", "na 17u", "niet voor 20u", "à partir de demain", "na het werk".
  std::optional<Found> opened(std::size_t t, std::size_t s, bool pas) const {
    bool strict = false;
    const std::size_t k = from_opener(n_, s, strict, lists_);
    if (k == 0) return std::nullopt;
    const std::string_view opener = n_.word(s);
    const bool weak = opener == "a"sv || opener == "at"sv || opener == "by"sv ||
                      opener == "van"sv || opener == "om"sv || opener == "tegen"sv ||
                      opener == "rond"sv || opener == "vers"sv;
    const std::size_t at = s + k;
    if (auto h = clock_then(t, at, std::nullopt, false)) {
      if (weak && !pas && clock_at(n_, at, lists_)->bare) return std::nullopt;  // "om 2 kinderen"
      return h;
    }
    if (strict || weak) return std::nullopt;
    if (auto d = day_word_at(n_, at, m_, words_)) {
      std::size_t end = d->end;
      bool strict2 = false;
      const std::size_t k2 = from_opener(n_, end, strict2, lists_);
      if (auto h = clock_then(t, end + k2, d, false);
          h && (k2 != 0 || !clock_at(n_, end, lists_)->bare))
        return h;
      return Found{t, end, day_only(d->day)};
    }
    if (opener == "na"sv || opener == "after"sv || opener == "apres"sv) {
      std::size_t e = at;
      if (n_.is(e, {"het"sv, "de"sv, "mijn"sv, "ons"sv, "onze"sv, "le"sv, "l"sv, "la"sv, "the"sv,
                    "my"sv, "our"sv, "m"sv}))
        ++e;
      if (n_.is(e, lists_.words(WordList::kAfterWhat)) && n_.same_sentence(s, e)) {
        Values v;
        v.kind = ConditionKind::kFrom;
        return Found{t, e + 1, v};
      }
    }
    return std::nullopt;
  }

  // "over een uurtje", "binnen het half uur", "dans une heure", "in an hour", "over 2 dagen".
  std::optional<Found> duration(std::size_t t, std::size_t s) const {
    const std::size_t k = match_first(n_, s, lists_.words(WordList::kFromNow));
    if (k == 0) return std::nullopt;
    const std::optional<Duration> d = duration_at(n_, s + k, words_);
    if (!d) return std::nullopt;
    Values v;
    v.kind = ConditionKind::kFrom;
    if (d->days > 0) {
      if (m_.today) v.from_day = *m_.today + date::days{d->days};
      return Found{t, d->end, v};
    }
    v.in_minutes = d->minutes;
    if (m_.today && m_.minute >= 0) {
      const int total = m_.minute + d->minutes;
      v.from_day = *m_.today + date::days{total / kMinutesPerDay};
      v.from_minute = total % kMinutesPerDay;
    }
    return Found{t, d->end, v};
  }

  // "morgen", "morgen vanaf 9u", "tomorrow from 8am", "pas morgen"; not "morgen niet".
  std::optional<Found> day_first(std::size_t t, std::size_t s, bool pas) const {
    const std::optional<DayWord> d = day_word_at(n_, s, m_, words_);
    if (!d) return std::nullopt;
    bool strict = false;
    const std::size_t k = from_opener(n_, d->end, strict, lists_);
    if (n_.same_sentence(s, d->end)) {
      if (auto h = clock_then(t, d->end + k, d, false);
          h && (k != 0 || !clock_at(n_, d->end, lists_)->bare))
        return h;
    }
    if (!d->relative && !pas) return std::nullopt;  // "zaterdag" alone, "5/12" alone
    if (n_.is(d->end, {"niet"sv, "nie"sv, "not"sv, "pas"sv, "no"sv, "non"sv}) &&
        n_.same_sentence(s, d->end)) {
      return std::nullopt;
    }
    Found h{t, d->end, day_only(d->day)};
    h.bare_when = !pas;
    return h;
  }

  // "vanavond om 8u", "ce soir à partir de 20h", "pas vanavond".
  std::optional<Found> evening_first(std::size_t t, std::size_t s) const {
    const std::size_t e = evening_at(n_, s);
    if (e == 0) return std::nullopt;
    bool strict = false;
    const std::size_t k = from_opener(n_, s + e, strict, lists_);
    if (k != 0 && n_.same_sentence(s, s + e)) {
      DayWord today{m_.today, s + e, false};
      if (auto h = clock_then(t, s + e + k, today, true)) return h;
    }
    // Dutch "pas vanavond" (only tonight); French "pas ce soir" is "not tonight".
    if (s > t && n_.word(t) == "pas"sv && n_.is(s, {"vanavond"sv, "savonds"sv}))
      return Found{t, s + e, day_only(m_.today)};
    return std::nullopt;
  }

  // "straks", "later", "plus tard", "later vandaag": a start with no time.
  std::optional<Found> later(std::size_t t, std::size_t s) const {
    const std::size_t k = match_first(n_, s, lists_.words(WordList::kLater));
    if (k == 0) return std::nullopt;
    if (n_.is(s + k, {"niet"sv, "nie"sv, "not"sv, "pas"sv}) && n_.same_sentence(s, s + k))
      return std::nullopt;
    Values v;
    v.kind = ConditionKind::kFrom;
    Found h{t, s + k, v};
    h.bare_when = s == t;
    return h;
  }

  const Normalized& n_;
  const Moment& m_;
  const DateWords& words_;
  const ConditionWords& lists_;
};

// ---------------------------------------------------------------- time limits

// A stay said to be short without a number: "niet te lang", "kort", "een paar dagen".

std::size_t vague_limit_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  return match_first(n, t, lists.words(WordList::kVagueLimits));
}

// Days per unit of a stay: nights and days 1, weeks 7, months 30; -1 for no unit.
int stay_unit(std::string_view w) {
  for (const std::string_view u : {"nacht"sv, "nachten"sv, "nachtje"sv, "nachtjes"sv, "nuit"sv,
                                   "nuits"sv, "night"sv, "nights"sv, "dag"sv, "dagen"sv, "dagje"sv,
                                   "dagjes"sv, "jour"sv, "jours"sv, "day"sv, "days"sv}) {
    if (w == u) return 1;
  }
  for (const std::string_view u : {"week"sv, "weken"sv, "weekje"sv, "weekjes"sv, "semaine"sv,
                                   "semaines"sv, "weeks"sv, "wk"sv}) {
    if (w == u) return 7;
  }
  for (const std::string_view u :
       {"maand"sv, "maanden"sv, "maandje"sv, "mois"sv, "month"sv, "months"sv}) {
    if (w == u) return 30;
  }
  return -1;
}

// "het einde van de week", "the end of the week", "la fin de la semaine": the next Sunday.

std::size_t end_of_week_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  return match_first(n, t, lists.words(WordList::kEndOfWeek));
}

class LimitReader {
 public:
  LimitReader(const Normalized& n, const Moment& m, const DateWords& words,
              const ConditionWords& lists)
      : n_(n), m_(m), words_(words), lists_(lists) {}

  std::optional<Found> at(std::size_t t) const {
    if (const std::size_t k = vague_limit_at(n_, t, lists_))
      return Found{t, suffixed(t + k), limit()};
    std::size_t s = t;
    while (s < n_.size() && s < t + 4 && n_.is(s, lists_.words(WordList::kLimitPrefix)) &&
           n_.same_sentence(t, s))
      ++s;
    const bool restricted = s > t;
    if (s > t) {
      if (const std::size_t k = vague_limit_at(n_, s, lists_))
        return Found{t, suffixed(s + k), limit()};
    }
    if (s >= n_.size() || !n_.same_sentence(t, s) || negated(t, s)) return std::nullopt;
    if (auto h = until(t, s)) return h;
    if (auto h = weekend(t, s)) return h;
    if (auto h = stay(t, s)) return h;
    if (restricted) return tonight(t, s);
    return std::nullopt;
  }

 private:
  static Values limit() { return Values{}; }

  // "niet vanavond", "not tonight", "pas ce soir": a no, not a limit; "niet langer dan een
  // week" is a limit.
  bool negated(std::size_t t, std::size_t s) const {
    bool negator = false;
    for (std::size_t k = t; k < s; ++k) {
      if (n_.is(k, {"langer"sv, "longer"sv, "more"sv, "plus"sv})) return false;
      negator = negator || n_.is(k, {"niet"sv, "nie"sv, "no"sv, "not"sv, "pas"sv});
    }
    return negator;
  }

  std::size_t suffixed(std::size_t end) const {
    if (end < n_.size() && !n_.same_sentence(end - 1, end)) return end;
    if (n_.is(end, lists_.words(WordList::kLimitSuffix))) return end + 1;
    if (const std::size_t k = n_.match(end, "at most"sv)) return end + k;
    if (const std::size_t k = n_.match(end, "au maximum"sv)) return end + k;
    if (const std::size_t k = n_.match(end, "au max"sv)) return end + k;
    return end;
  }

  // "tot zondag", "t/m woensdag", "jusqu'à dimanche", "until Friday", "tot 5/12".
  std::optional<Found> until(std::size_t t, std::size_t s) const {
    const std::size_t k = match_first(n_, s, lists_.words(WordList::kUntil));
    if (k == 0) return std::nullopt;
    const std::size_t at = s + k;
    Values v;
    if (const std::size_t e = end_of_week_at(n_, at, lists_)) {
      v.last_day = next_weekday(m_.today, 6);
      return Found{t, at + e, v};
    }
    const std::optional<DayWord> d = day_word_at(n_, at, m_, words_);
    if (!d || !n_.same_sentence(s, at)) return std::nullopt;
    v.last_day = d->day;
    return Found{t, d->end, v};
  }

  // "het weekend", "le week-end", "dit weekend", "for the weekend": 2 nights.
  std::optional<Found> weekend(std::size_t t, std::size_t s) const {
    std::size_t k = s;
    if (n_.is(k, {"het"sv, "dit"sv, "le"sv, "the"sv, "this"sv, "ce"sv, "deze"sv, "ons"sv})) ++k;
    std::size_t e = 0;
    if (n_.is(k, {"weekend"sv, "weekends"sv}))
      e = 1;
    else if (n_.match(k, "week end"sv) != 0)
      e = 2;
    if (e == 0 || !n_.same_sentence(s, k)) return std::nullopt;
    Values v;
    v.nights = 2;
    return Found{t, suffixed(k + e), v};
  }

  // "1 nacht", "een nachtje", "2 weken", "3 jours": nights; not "over 2 dagen".
  std::optional<Found> stay(std::size_t t, std::size_t s) const {
    if (t > 0 &&
        n_.is(t - 1,
              {"over"sv, "in"sv, "binnen"sv, "dans"sv, "na"sv, "after"sv, "apres"sv, "within"sv}) &&
        n_.same_sentence(t - 1, t)) {
      return std::nullopt;
    }
    std::size_t k = s;
    int count = count_of(n_.word(k), words_);
    if (count < 0 && n_.is(k, {"seule"sv, "seul"sv, "single"sv})) count = 1;
    if (count < 1 || k + 1 >= n_.size() || !n_.same_sentence(k, k + 1)) return std::nullopt;
    if (n_.is(k + 1, {"seule"sv, "seul"sv, "single"sv})) ++k;
    const int unit = stay_unit(n_.word(k + 1));
    if (unit < 0) return std::nullopt;
    Values v;
    if (count * unit <= kMaxNights) v.nights = count * unit;
    return Found{t, suffixed(k + 2), v};
  }

  // "enkel vannacht", "just for tonight", "seulement ce soir", "alleen voor vanavond": 1 night.
  std::optional<Found> tonight(std::size_t t, std::size_t s) const {
    const std::size_t e = match_first(n_, s, lists_.words(WordList::kTonight));
    if (e == 0) return std::nullopt;
    Values v;
    v.nights = 1;
    return Found{t, suffixed(s + e), v};
  }

  const Normalized& n_;
  const Moment& m_;
  const DateWords& words_;
  const ConditionWords& lists_;
};

}  // namespace

std::optional<Found> start_time_at(const Normalized& n, std::size_t t, const Moment& m,
                                   const DateWords& words, const ConditionWords& lists) {
  return FromReader(n, m, words, lists).at(t);
}

std::optional<Found> time_limit_at(const Normalized& n, std::size_t t, const Moment& m,
                                   const DateWords& words, const ConditionWords& lists) {
  return LimitReader(n, m, words, lists).at(t);
}

}  // namespace noodbel::reply
