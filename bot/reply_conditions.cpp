// Condition scanner in two passes over the normalised words:
//   1. calls: every call verb ("bel", "bellen", "appelez", "call") with its object and
//      subject nearby decides who calls whom: "bel me later" asks to be called, "bel eerst
//      even" is the call-first condition, "ik bel je terug" means the family will call.
//   2. conditions, left to right, each starting at an optional restricting word ("pas",
//      "enkel", "max", "only", "seulement"): transport, children, ages, time limits and
//      start times. A word belongs to at most one span.
// Times resolve against the Moment: "vanaf 18u" is the next 18:00 (today while it is
// still to come or passed less than an hour ago), "over een uurtje" is now + 60 minutes,
// "morgen" said before 05:00 is the day after the night (today's date).
#include "bot/reply_conditions.h"

#include <algorithm>
#include <string_view>

namespace noodbel::reply {
namespace {


constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMaxNights = 366;
constexpr int kMaxAgeMonths = 18 * 12;
constexpr int kMaxChildren = 10;

struct Hit {
  std::size_t first = 0;
  std::size_t end = 0;  // one past the last token
  Values v;
  bool bare_when = false;
  bool negative = false;
};

// An hour of the day as written: "18u", "18u30", "18:30", "18.30", "6pm", "18 uur", "half 7".
struct Clock {
  int minute = 0;
  std::size_t end = 0;
  bool bare = false;  // an hour without unit or minutes ("vanaf 18", "na 5")
};

// Words that make a bare number something other than an hour ("vanaf 3 jaar").
constexpr std::string_view kNotHourUnits[] = {"jaar", "jaren", "j", "jr", "ans", "an", "years", "year", "yrs",
                                 "km", "kilometer", "kilometers", "nacht", "nachten", "nachtje",
                                 "nachtjes", "nuit", "nuits", "night", "nights", "dag", "dagen",
                                 "jours", "jour", "days", "day", "week", "weken", "weeks",
                                 "kinderen", "kind", "kids", "enfants", "maanden", "mois", "months"};

// The suffix of "18u30" / "6pm" after the digits: minutes and am/pm; false when it is no time.
bool read_suffix(std::string_view rest, int& minute, int& ampm, bool& unit) {
  if (rest.empty()) return true;
  if (rest == "pm" || rest == "am") {
    ampm = rest == "pm" ? 1 : 2;
    return true;
  }
  std::size_t i = 0;
  if (rest.starts_with("uur")) {
    i = 3;
  } else if (rest.starts_with("hrs")) {
    i = 3;
  } else if (rest.starts_with("hr")) {
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

std::optional<Clock> clock_at(const Normalized& n, std::size_t t) {
  if (t >= n.size()) return std::nullopt;
  const std::string_view w = n.word(t);
  if (w == "half" && n.joined(t)) {  // Dutch "half 7" = 6:30
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
    if ((gap == ":" || gap == ".") && next.size() == 2 && to_number(next) >= 0) {
      minute = to_number(next);
      unit = true;
      ++end;
    }
  }
  if (n.is(end, {"u", "h", "uur", "heure", "heures", "hr", "hrs", "hour", "hours"}) && n.same_sentence(t, end)) {
    unit = true;
    ++end;
  }
  if (n.is(end, {"pm", "am"}) && n.same_sentence(t, end)) {
    ampm = n.word(end) == "pm" ? 1 : 2;
    ++end;
  } else if (n.match(end, "p m") != 0 || n.match(end, "a m") != 0) {
    ampm = n.word(end) == "p" ? 1 : 2;
    end += 2;
  } else if (n.match(end, "o clock") != 0) {
    unit = true;
    end += 2;
  }
  if (hour > 23 || minute > 59) return std::nullopt;
  if (ampm == 1 && hour < 12) hour += 12;
  if (ampm == 2 && hour == 12) hour = 0;
  const bool bare = !unit && ampm == 0 && end == t + 1;
  if (bare && n.is(end, kNotHourUnits)) return std::nullopt;
  return Clock{hour * 60 + minute, end, bare};
}

// Evening words: an hour said with them is in the evening ("vanavond om 8u" = 20:00).
std::size_t evening_at(const Normalized& n, std::size_t t) {
  if (n.is(t, {"vanavond", "savonds", "tonight"})) return 1;
  if (std::size_t k = n.match(t, "s avonds")) return k;
  if (std::size_t k = n.match(t, "ce soir")) return k;
  if (std::size_t k = n.match(t, "du soir")) return k;
  if (std::size_t k = n.match(t, "this evening")) return k;
  if (std::size_t k = n.match(t, "in the evening")) return k;
  return 0;
}

// A day said in words: "vandaag", "morgen", "overmorgen", "demain", "tomorrow", a weekday
// (the next one, today included) or a written date ("5/12", "3 december").
struct DayWord {
  std::optional<Day> day;
  std::size_t end = 0;
  bool relative = false;  // morgen / demain / tomorrow / overmorgen (may stand alone)
};

std::optional<DayWord> day_word_at(const Normalized& n, std::size_t t, const Moment& m) {
  if (t >= n.size()) return std::nullopt;
  if (n.is(t, {"morgen", "tomorrow", "demain", "morgenvroeg", "morgenochtend", "morgenavond",
               "morgenmiddag", "morgenvoormiddag", "morgennamiddag"})) {
    return DayWord{tomorrow(m), t + 1, true};
  }
  if (n.is(t, {"overmorgen"}) || n.match(t, "apres demain") != 0 ||
      n.match(t, "day after tomorrow") != 0) {
    std::optional<Day> d = tomorrow(m);
    if (d) d = *d + date::days{1};
    const std::size_t k = n.is(t, {"overmorgen"}) ? 1 : n.word(t) == "apres" ? 2 : 4;
    return DayWord{d, t + k, true};
  }
  if (n.is(t, {"vandaag", "today"})) return DayWord{m.today, t + 1, false};
  if (n.match(t, "aujourd hui") != 0) return DayWord{m.today, t + 2, false};
  if (const int wd = weekday_of(n.word(t)); wd >= 0) return DayWord{next_weekday(m.today, wd), t + 1, false};
  if (auto e = written_date(n, t, m.today)) return DayWord{e->day, t + e->count, false};
  return std::nullopt;
}

// ---------------------------------------------------------------- start times

// Words that open a start time; how many tokens they cover.
std::size_t from_opener(const Normalized& n, std::size_t t, bool& strict_before) {
  strict_before = false;
  for (const std::string_view p : {"niet voor", "nie voor", "niet eerder dan", "not before",
                                   "no earlier than", "not until", "pas avant", "pas avant d",
                                   "ten vroegste", "ten vroegste om"}) {
    if (const std::size_t k = n.match(t, p)) {
      strict_before = true;
      return k;
    }
  }
  for (const std::string_view p : {"a partir de", "a partir d", "a partir", "rond de", "vanaf",
                                   "van", "na", "om", "rond", "tegen", "from", "after", "at",
                                   "around", "by", "apres", "des", "vers", "a", "starting"}) {
    if (const std::size_t k = n.match(t, p)) return k;
  }
  return 0;
}

// "over een uurtje", "binnen het half uur", "dans une heure", "in 30 minutes": minutes
// (or whole days: "over 2 dagen") from now.
struct Duration {
  int minutes = 0;
  int days = 0;
  std::size_t end = 0;
};

std::optional<Duration> duration_at(const Normalized& n, std::size_t t) {
  std::size_t k = t;
  if (n.is(k, {"een", "a", "an", "une", "un", "het", "the", "l"})) ++k;
  if (k >= n.size() || !n.same_sentence(t, k)) return std::nullopt;
  const std::string_view w = n.word(k);
  if (n.is(k, {"half", "halve", "demi"}) || w == "halfuur" || w == "halfuurtje") {
    std::size_t e = k + 1;
    if (w == "half" || w == "halve" || w == "demi") {
      if (n.is(e, {"an", "a"})) ++e;
      if (!n.is(e, {"uur", "uurtje", "heure", "hour"})) return std::nullopt;
      ++e;
    }
    return Duration{30, 0, e};
  }
  if (n.is(k, {"kwartier", "kwartiertje"})) return Duration{15, 0, k + 1};
  if (const std::size_t q = n.match(k, "quart d heure")) return Duration{15, 0, k + q};
  if (const std::size_t q = n.match(k, "quarter of an hour")) return Duration{15, 0, k + q};
  if (n.is(k, {"anderhalf"}) && n.is(k + 1, {"uur", "uurtje"})) return Duration{90, 0, k + 2};
  if (n.is(k, {"uur", "uurtje", "heure", "hour"}) && k > t) return Duration{60, 0, k + 1};
  const int count = k > t ? 1 : count_of(w);
  const std::size_t unit = k > t ? k : k + 1;
  if (count < 1 || unit >= n.size() || !n.same_sentence(t, unit)) return std::nullopt;
  if (n.is(unit, {"uur", "uren", "uurtje", "uurtjes", "heure", "heures", "hour", "hours", "h"})) {
    return count <= 24 ? std::optional(Duration{count * 60, 0, unit + 1}) : std::nullopt;
  }
  if (n.is(unit, {"minuten", "minuutjes", "min", "minutes", "minute", "mins", "minuut"})) {
    return count <= kMinutesPerDay ? std::optional(Duration{count, 0, unit + 1}) : std::nullopt;
  }
  if (n.is(unit, {"dag", "dagen", "dagjes", "jours", "jour", "days", "day"})) {
    return count <= 60 ? std::optional(Duration{0, count, unit + 1}) : std::nullopt;
  }
  return std::nullopt;
}

// What "after" may be followed by when no hour is given: "na het werk", "after school".
constexpr std::string_view kAfterWhat[] = {"werk", "school", "eten", "avondeten", "middag", "werkuren",
                              "shift", "dienst", "work", "dinner", "travail", "ecole", "boulot",
                              "diner", "souper", "les", "lessen", "training", "vergadering"};

class FromReader {
 public:
  FromReader(const Normalized& n, const Moment& m) : n_(n), m_(m) {}

  std::optional<Hit> at(std::size_t t) const {
    std::size_t s = t;
    while (s < t + 2 && n_.is(s, {"enkel", "alleen", "only", "just", "seulement", "uniquement", "slechts"})) ++s;
    const bool pas = n_.is(s, {"pas"}) && n_.match(s, "pas avant") == 0;
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
    if ((c.bare && hour >= 1 && hour <= 7) || (evening && hour >= 1 && hour <= 11)) minute += 12 * 60;
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
  std::optional<Hit> clock_then(std::size_t t, std::size_t k, std::optional<DayWord> day,
                                bool evening) const {
    const std::optional<Clock> c = clock_at(n_, k);
    if (!c) return std::nullopt;
    std::size_t end = c->end;
    if (const std::size_t e = evening_at(n_, end); e != 0 && n_.same_sentence(k, end)) {
      evening = true;
      end += e;
    } else if (!day) {
      if (auto d = day_word_at(n_, end, m_); d && d->relative && n_.same_sentence(k, end)) {
        day = d;
        end = d->end;
      }
    }
    return Hit{t, end, resolved(*c, evening, day)};
  }

  // "vanaf 18u", "na 17u", "niet voor 20u", "à partir de demain", "na het werk".
  std::optional<Hit> opened(std::size_t t, std::size_t s, bool pas) const {
    bool strict = false;
    const std::size_t k = from_opener(n_, s, strict);
    if (k == 0) return std::nullopt;
    const std::string_view opener = n_.word(s);
    const bool weak = opener == "a" || opener == "at" || opener == "by" || opener == "van" ||
                      opener == "om" || opener == "tegen" || opener == "rond" || opener == "vers";
    const std::size_t at = s + k;
    if (auto h = clock_then(t, at, std::nullopt, false)) {
      if (weak && !pas && clock_at(n_, at)->bare) return std::nullopt;  // "om 2 kinderen"
      return h;
    }
    if (strict || weak) return std::nullopt;
    if (auto d = day_word_at(n_, at, m_)) {
      std::size_t end = d->end;
      bool strict2 = false;
      const std::size_t k2 = from_opener(n_, end, strict2);
      if (auto h = clock_then(t, end + k2, d, false); h && (k2 != 0 || !clock_at(n_, end)->bare)) return h;
      return Hit{t, end, day_only(d->day)};
    }
    if (opener == "na" || opener == "after" || opener == "apres") {
      std::size_t e = at;
      if (n_.is(e, {"het", "de", "mijn", "ons", "onze", "le", "l", "la", "the", "my", "our", "m"})) ++e;
      if (n_.is(e, kAfterWhat) && n_.same_sentence(s, e)) {
        Values v;
        v.kind = ConditionKind::kFrom;
        return Hit{t, e + 1, v};
      }
    }
    (void)pas;
    return std::nullopt;
  }

  // "over een uurtje", "binnen het half uur", "dans une heure", "in an hour", "over 2 dagen".
  std::optional<Hit> duration(std::size_t t, std::size_t s) const {
    std::size_t k = 0;
    for (const std::string_view p : {"over", "binnen", "in", "dans", "d ici", "within"}) {
      if ((k = n_.match(s, p)) != 0) break;
    }
    if (k == 0) return std::nullopt;
    const std::optional<Duration> d = duration_at(n_, s + k);
    if (!d) return std::nullopt;
    Values v;
    v.kind = ConditionKind::kFrom;
    if (d->days > 0) {
      if (m_.today) v.from_day = *m_.today + date::days{d->days};
      return Hit{t, d->end, v};
    }
    v.in_minutes = d->minutes;
    if (m_.today && m_.minute >= 0) {
      const int total = m_.minute + d->minutes;
      v.from_day = *m_.today + date::days{total / kMinutesPerDay};
      v.from_minute = total % kMinutesPerDay;
    }
    return Hit{t, d->end, v};
  }

  // "morgen", "morgen vanaf 9u", "tomorrow from 8am", "pas morgen"; not "morgen niet".
  std::optional<Hit> day_first(std::size_t t, std::size_t s, bool pas) const {
    const std::optional<DayWord> d = day_word_at(n_, s, m_);
    if (!d) return std::nullopt;
    bool strict = false;
    const std::size_t k = from_opener(n_, d->end, strict);
    if (n_.same_sentence(s, d->end)) {
      if (auto h = clock_then(t, d->end + k, d, false); h && (k != 0 || !clock_at(n_, d->end)->bare)) return h;
    }
    if (!d->relative && !pas) return std::nullopt;  // "zaterdag" alone, "5/12" alone
    if (n_.is(d->end, {"niet", "nie", "not", "pas", "no", "non"}) && n_.same_sentence(s, d->end)) {
      return std::nullopt;
    }
    Hit h{t, d->end, day_only(d->day)};
    h.bare_when = !pas;
    return h;
  }

  // "vanavond om 8u", "ce soir à partir de 20h", "pas vanavond".
  std::optional<Hit> evening_first(std::size_t t, std::size_t s) const {
    const std::size_t e = evening_at(n_, s);
    if (e == 0) return std::nullopt;
    bool strict = false;
    const std::size_t k = from_opener(n_, s + e, strict);
    if (k != 0 && n_.same_sentence(s, s + e)) {
      DayWord today{m_.today, s + e, false};
      if (auto h = clock_then(t, s + e + k, today, true)) return h;
    }
    // Dutch "pas vanavond" (only tonight); French "pas ce soir" is "not tonight".
    if (s > t && n_.word(t) == "pas" && n_.is(s, {"vanavond", "savonds"})) return Hit{t, s + e, day_only(m_.today)};
    return std::nullopt;
  }

  // "straks", "later", "plus tard", "later vandaag": a start with no time.
  std::optional<Hit> later(std::size_t t, std::size_t s) const {
    std::size_t k = 0;
    for (const std::string_view p : {"later vandaag", "later today", "plus tard", "straks", "later",
                                     "tantot", "seffens", "zo dadelijk", "zodadelijk", "dadelijk"}) {
      if ((k = n_.match(s, p)) != 0) break;
    }
    if (k == 0) return std::nullopt;
    if (n_.is(s + k, {"niet", "nie", "not", "pas"}) && n_.same_sentence(s, s + k)) return std::nullopt;
    Values v;
    v.kind = ConditionKind::kFrom;
    Hit h{t, s + k, v};
    h.bare_when = s == t;
    return h;
  }

  const Normalized& n_;
  const Moment& m_;
};

// ---------------------------------------------------------------- time limits

constexpr std::string_view kLimitPrefix[] = {"voor", "max", "maximum", "maximaal", "hooguit", "slechts",
                                "enkel", "alleen", "pour", "for", "only", "just", "seulement",
                                "uniquement", "juste", "qu", "que", "niet", "nie", "langer", "dan",
                                "no", "not", "longer", "more", "than", "pendant", "durant",
                                "during", "pas", "plus", "de", "d"};
constexpr std::string_view kLimitSuffix[] = {"max", "maximum", "maximaal", "seulement", "only", "tops",
                                "hooguit", "maxi", "maximaal"};

std::size_t vague_limit_at(const Normalized& n, std::size_t t) {
  for (const std::string_view p :
       {"niet al te lang", "niet te lang", "nie te lang", "niet voor lang", "niet lang",
        "korte tijd", "korte periode", "kortdurend", "kortstondig", "kort", "een paar dagen",
        "een paar nachten", "paar dagen", "paar nachten", "enkele dagen", "enkele nachten",
        "pas trop longtemps", "pas pour longtemps", "pas longtemps", "courte duree", "quelques jours",
        "quelques nuits", "not for long", "not too long", "not long", "short term", "short time",
        "a few days", "a few nights", "a couple of days", "a couple of nights", "short"}) {
    if (const std::size_t k = n.match(t, p)) return k;
  }
  return 0;
}

// Days per unit of a stay: nights and days 1, weeks 7, months 30; -1 for no unit.
int stay_unit(std::string_view w) {
  for (const std::string_view u : {"nacht", "nachten", "nachtje", "nachtjes", "nuit", "nuits", "night",
                                   "nights", "dag", "dagen", "dagje", "dagjes", "jour", "jours", "day",
                                   "days"}) {
    if (w == u) return 1;
  }
  for (const std::string_view u : {"week", "weken", "weekje", "weekjes", "semaine", "semaines", "weeks", "wk"}) {
    if (w == u) return 7;
  }
  for (const std::string_view u : {"maand", "maanden", "maandje", "mois", "month", "months"}) {
    if (w == u) return 30;
  }
  return -1;
}

// "het einde van de week", "the end of the week", "la fin de la semaine": the next Sunday.
std::size_t end_of_week_at(const Normalized& n, std::size_t t) {
  for (const std::string_view p : {"het einde van de week", "het eind van de week", "einde van de week",
                                   "eind van de week", "eind deze week", "einde deze week", "einde week",
                                   "the end of the week", "end of the week", "la fin de la semaine",
                                   "fin de semaine", "fin de la semaine"}) {
    if (const std::size_t k = n.match(t, p)) return k;
  }
  return 0;
}

class LimitReader {
 public:
  LimitReader(const Normalized& n, const Moment& m) : n_(n), m_(m) {}

  std::optional<Hit> at(std::size_t t) const {
    if (const std::size_t k = vague_limit_at(n_, t)) return Hit{t, suffixed(t + k), limit()};
    std::size_t s = t;
    while (s < n_.size() && s < t + 4 && n_.is(s, kLimitPrefix) && n_.same_sentence(t, s)) ++s;
    const bool restricted = s > t;
    if (s > t) {
      if (const std::size_t k = vague_limit_at(n_, s)) return Hit{t, suffixed(s + k), limit()};
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
      if (n_.is(k, {"langer", "longer", "more", "plus"})) return false;
      negator = negator || n_.is(k, {"niet", "nie", "no", "not", "pas"});
    }
    return negator;
  }

  std::size_t suffixed(std::size_t end) const {
    if (end < n_.size() && !n_.same_sentence(end - 1, end)) return end;
    if (n_.is(end, kLimitSuffix)) return end + 1;
    if (const std::size_t k = n_.match(end, "at most")) return end + k;
    if (const std::size_t k = n_.match(end, "au maximum")) return end + k;
    if (const std::size_t k = n_.match(end, "au max")) return end + k;
    return end;
  }

  // "tot zondag", "t/m woensdag", "jusqu'à dimanche", "until Friday", "tot 5/12".
  std::optional<Hit> until(std::size_t t, std::size_t s) const {
    std::size_t k = 0;
    for (const std::string_view p : {"tot en met", "tot", "t m", "tm", "tem", "until", "till", "til",
                                     "through", "jusqu au", "jusqu a", "jusqu"}) {
      if ((k = n_.match(s, p)) != 0) break;
    }
    if (k == 0) return std::nullopt;
    const std::size_t at = s + k;
    Values v;
    if (const std::size_t e = end_of_week_at(n_, at)) {
      v.last_day = next_weekday(m_.today, 6);
      return Hit{t, at + e, v};
    }
    const std::optional<DayWord> d = day_word_at(n_, at, m_);
    if (!d || !n_.same_sentence(s, at)) return std::nullopt;
    v.last_day = d->day;
    return Hit{t, d->end, v};
  }

  // "het weekend", "le week-end", "dit weekend", "for the weekend": 2 nights.
  std::optional<Hit> weekend(std::size_t t, std::size_t s) const {
    std::size_t k = s;
    if (n_.is(k, {"het", "dit", "le", "the", "this", "ce", "deze", "ons"})) ++k;
    std::size_t e = 0;
    if (n_.is(k, {"weekend", "weekends"})) e = 1;
    else if (n_.match(k, "week end") != 0) e = 2;
    if (e == 0 || !n_.same_sentence(s, k)) return std::nullopt;
    Values v;
    v.nights = 2;
    return Hit{t, suffixed(k + e), v};
  }

  // "1 nacht", "een nachtje", "2 weken", "3 jours": nights; not "over 2 dagen".
  std::optional<Hit> stay(std::size_t t, std::size_t s) const {
    if (t > 0 && n_.is(t - 1, {"over", "in", "binnen", "dans", "na", "after", "apres", "within"}) &&
        n_.same_sentence(t - 1, t)) {
      return std::nullopt;
    }
    std::size_t k = s;
    int count = count_of(n_.word(k));
    if (count < 0 && n_.is(k, {"seule", "seul", "single"})) count = 1;
    if (count < 1 || k + 1 >= n_.size() || !n_.same_sentence(k, k + 1)) return std::nullopt;
    if (n_.is(k + 1, {"seule", "seul", "single"})) ++k;
    const int unit = stay_unit(n_.word(k + 1));
    if (unit < 0) return std::nullopt;
    Values v;
    if (count * unit <= kMaxNights) v.nights = count * unit;
    return Hit{t, suffixed(k + 2), v};
  }

  // "enkel vannacht", "just for tonight", "seulement ce soir", "alleen voor vanavond": 1 night.
  std::optional<Hit> tonight(std::size_t t, std::size_t s) const {
    std::size_t e = 0;
    if (n_.is(s, {"vannacht", "vanavond", "tonight"})) e = 1;
    for (const std::string_view p : {"deze nacht", "deze avond", "ce soir", "cette nuit", "this night"}) {
      if (e == 0) e = n_.match(s, p);
    }
    if (e == 0) return std::nullopt;
    Values v;
    v.nights = 1;
    return Hit{t, suffixed(s + e), v};
  }

  const Normalized& n_;
  const Moment& m_;
};

// ---------------------------------------------------------------- ages

constexpr std::string_view kChildNouns[] = {"kind", "kinderen", "kindje", "kindjes", "kids", "kid", "child",
                               "children", "enfant", "enfants", "gosse", "gosses", "kinders", "kindere"};
constexpr std::string_view kBabyWords[] = {"baby", "babys", "babies", "bebe", "bebes", "newborn", "newborns",
                              "pasgeboren", "pasgeborenen", "zuigeling", "zuigelingen", "babytje"};
constexpr std::string_view kTeenWords[] = {"tieners", "tiener", "pubers", "puber", "adolescenten", "adolescent",
                              "ados", "ado", "teenagers", "teenager", "teens", "adolescents"};
constexpr std::string_view kNegators[] = {"geen", "gene", "no", "not", "zonder", "sans", "nie", "niet"};
constexpr std::string_view kRestrict[] = {"enkel", "alleen", "only", "seulement", "uniquement", "liefst",
                             "preferably", "plutot", "just", "slechts", "juste"};

enum class Bound { kUpTo, kBelow, kFrom, kAbove, kNone };

struct Comparator {
  Bound bound = Bound::kNone;
  std::size_t count = 0;
  bool unitless = false;  // the number needs no "jaar" after it ("jonger dan 4", "under 10")
};

Comparator comparator_at(const Normalized& n, std::size_t t) {
  struct Row {
    std::string_view phrase;
    Bound bound;
    bool unitless;
  };
  static constexpr Row kRows[] = {
      {"jonger dan", Bound::kBelow, true}, {"onder de", Bound::kBelow, true},
      {"younger than", Bound::kBelow, true}, {"under", Bound::kBelow, true},
      {"minder dan", Bound::kBelow, false}, {"kleiner dan", Bound::kBelow, false},
      {"less than", Bound::kBelow, false}, {"moins de", Bound::kBelow, false},
      {"en dessous de", Bound::kBelow, false}, {"below", Bound::kBelow, false},
      {"onder", Bound::kBelow, false},
      {"ouder dan", Bound::kAbove, true}, {"boven de", Bound::kAbove, true},
      {"older than", Bound::kAbove, true}, {"meer dan", Bound::kAbove, false},
      {"plus de", Bound::kAbove, false}, {"au dessus de", Bound::kAbove, false},
      {"above", Bound::kAbove, false}, {"over", Bound::kAbove, false}, {"boven", Bound::kAbove, false},
      {"more than", Bound::kAbove, false},
      {"tot en met", Bound::kUpTo, false}, {"tot", Bound::kUpTo, false}, {"max", Bound::kUpTo, false},
      {"maximum", Bound::kUpTo, false}, {"maximaal", Bound::kUpTo, false}, {"hooguit", Bound::kUpTo, false},
      {"up to", Bound::kUpTo, false}, {"jusqu a", Bound::kUpTo, false}, {"jusqu", Bound::kUpTo, false},
      {"a partir de", Bound::kFrom, false}, {"vanaf", Bound::kFrom, false}, {"from", Bound::kFrom, false},
      {"minimum", Bound::kFrom, false}, {"min", Bound::kFrom, false}, {"des", Bound::kFrom, false},
  };
  for (const Row& r : kRows) {
    if (const std::size_t k = n.match(t, r.phrase)) return Comparator{r.bound, k, r.unitless};
  }
  return {};
}

// Months per unit of age: 12 for years, 1 for months, 0 for none.
int age_unit(const Normalized& n, std::size_t t) {
  if (n.is(t, {"jaar", "jaren", "jr", "j", "ans", "an", "years", "year", "yrs", "yo", "jarigen"})) return 12;
  if (n.is(t, {"maand", "maanden", "mnd", "mois", "months", "month"})) return 1;
  return 0;
}

class AgesReader {
 public:
  explicit AgesReader(const Normalized& n) : n_(n) {}

  std::optional<Hit> at(std::size_t t) const {
    std::size_t s = t;
    bool restricted = false;
    while (n_.is(s, kRestrict) || n_.match(s, "bij voorkeur") != 0 || n_.match(s, "de preference") != 0) {
      s += n_.is(s, kRestrict) ? 1 : 2;
      restricted = true;
    }
    for (const std::string_view p : {"als het een", "als het", "if it is a", "if it s a", "si c est un",
                                     "si c est une"}) {
      if (const std::size_t k = n_.match(s, p)) {
        s += k;
        restricted = true;
        break;
      }
    }
    bool negated = false;
    if (n_.is(s, kNegators)) {
      negated = true;
      ++s;
    } else if (n_.match(s, "pas de") != 0 || n_.match(s, "pas d") != 0) {
      negated = true;
      s += 2;
    }
    if (n_.is(s, {"een", "a", "un", "une"}) && !negated) ++s;
    if (s >= n_.size() || !n_.same_sentence(t, s)) return std::nullopt;
    if (auto h = noun(t, s, restricted, negated)) return h;
    bool child = false;
    if (n_.is(s, kChildNouns)) {
      child = true;
      ++s;
    }
    if (!child && negated) return std::nullopt;
    if (auto h = range(t, s)) return h;
    return compared(t, s, child, negated);
  }

 private:
  // "geen baby's", "enkel een baby", "geen pubers", "no teenagers".
  std::optional<Hit> noun(std::size_t t, std::size_t s, bool restricted, bool negated) const {
    const bool baby = n_.is(s, kBabyWords);
    const bool teen = n_.is(s, kTeenWords);
    if ((!baby && !teen) || (!restricted && !negated)) return std::nullopt;
    std::size_t end = s + 1;
    if (n_.is(end, {"s"}) && n_.joined(s)) ++end;  // "baby's"
    if (restricted && n_.is(end, {"is", "est"})) ++end;  // "als het een baby is"
    Hit h{t, end, {}};
    h.v.kind = ConditionKind::kAges;
    h.negative = negated;
    if (baby && negated) h.v.min_age_months = 12;
    if (baby && !negated) h.v.max_age_months = 12;
    if (teen && negated) h.v.max_age_months = 12 * 12 - 1;
    if (teen && !negated) h.v.min_age_months = 12 * 12;
    return h;
  }

  // "tussen 2 en 6 jaar", "van 2 tot 6 jaar", "entre 2 et 6 ans", "2-6 jaar".
  std::optional<Hit> range(std::size_t t, std::size_t s) const {
    std::size_t k = s;
    if (n_.is(k, {"tussen", "between", "entre", "van", "de", "from"})) ++k;
    const int a = to_number(k < n_.size() ? n_.word(k) : std::string_view{});
    if (a < 0 || k + 2 >= n_.size() || !n_.same_sentence(s, k + 2)) return std::nullopt;
    std::size_t b = k + 1;
    if (n_.is(b, {"en", "and", "et", "tot", "a", "to"})) {
      ++b;
    } else if (n_.gap(k) != "-") {
      return std::nullopt;
    }
    const int hi = to_number(b < n_.size() ? n_.word(b) : std::string_view{});
    const int unit = age_unit(n_, b + 1);
    if (hi < a || unit == 0) return std::nullopt;
    if (hi * unit > kMaxAgeMonths) return std::nullopt;
    Hit h{t, b + 2, {}};
    h.v.kind = ConditionKind::kAges;
    h.v.min_age_months = a * unit;
    h.v.max_age_months = hi * unit;
    return h;
  }

  // "tot 6 jaar", "jonger dan 4", "ouder dan 3 jaar", "moins de 6 ans", "kinderen tot 12",
  // "geen kinderen onder 3 jaar".
  std::optional<Hit> compared(std::size_t t, std::size_t s, bool child, bool negated) const {
    const Comparator c = comparator_at(n_, s);
    if (c.bound == Bound::kNone) return std::nullopt;
    const std::size_t at = s + c.count;
    const int value = to_number(at < n_.size() ? n_.word(at) : std::string_view{});
    if (value < 0 || !n_.same_sentence(s, at)) return std::nullopt;
    int unit = age_unit(n_, at + 1);
    std::size_t end = at + 1 + (unit != 0 ? 1 : 0);
    if (unit == 0) {
      if (!c.unitless && !child) return std::nullopt;
      if (n_.is(at + 1, kNotHourUnits) || n_.is(at + 1, {"u", "h", "uur", "km"})) return std::nullopt;
      unit = 12;
    }
    const int months = value * unit;
    if (months > kMaxAgeMonths) return std::nullopt;
    Bound bound = c.bound;
    int limit = months;
    if (negated) {  // "geen kinderen onder 3 jaar" = from 3 years
      switch (bound) {
        case Bound::kBelow: bound = Bound::kFrom; break;
        case Bound::kUpTo: bound = Bound::kAbove; break;
        case Bound::kFrom: bound = Bound::kBelow; break;
        case Bound::kAbove: bound = Bound::kUpTo; break;
        case Bound::kNone: break;
      }
    }
    Hit h{t, end, {}};
    h.v.kind = ConditionKind::kAges;
    h.negative = negated;
    switch (bound) {
      case Bound::kUpTo: h.v.max_age_months = limit; break;
      case Bound::kBelow: h.v.max_age_months = std::max(0, limit - 1); break;
      case Bound::kFrom: h.v.min_age_months = limit; break;
      case Bound::kAbove: h.v.min_age_months = limit + 1; break;
      case Bound::kNone: return std::nullopt;
    }
    return h;
  }

  const Normalized& n_;
};

// ---------------------------------------------------------------- children

std::size_t siblings_at(const Normalized& n, std::size_t t) {
  for (const std::string_view p :
       {"broers en zussen", "broers of zussen", "broer en zus", "broer of zus", "broertjes en zusjes",
        "broertjes of zusjes", "broers zussen", "broer zus", "broers", "zussen", "siblings", "sibling",
        "brothers and sisters", "brothers or sisters", "fratrie", "fratries", "freres et sœurs",
        "frere et sœur", "freres et soeurs", "frere et soeur", "freres ou sœurs", "freres"}) {
    if (const std::size_t k = n.match(t, p)) return k;
  }
  return 0;
}

constexpr std::string_view kCountPrefix[] = {"maar", "mr", "mor", "slechts", "enkel", "alleen", "max", "maximum",
                                "maximaal", "hooguit", "only", "just", "seulement", "uniquement",
                                "qu", "que", "juste", "un", "une"};

std::optional<Hit> children_at(const Normalized& n, std::size_t t) {
  std::size_t s = t;
  // "geen broers en zussen", "pas de fratrie", "no siblings", "niet met broers of zussen".
  std::size_t neg = 0;
  if (n.is(s, {"geen", "gene", "no", "not", "zonder", "sans"})) neg = 1;
  else if (n.match(s, "niet met") != 0) neg = 2;
  else if (n.match(s, "pas de") != 0 || n.match(s, "pas d") != 0 || n.match(s, "pas les") != 0) neg = 2;
  if (neg != 0) {
    const std::size_t k = siblings_at(n, s + neg);
    if (k == 0) return std::nullopt;
    Hit h{t, s + neg + k, {}};
    h.v.kind = ConditionKind::kChildren;
    h.v.max_children = 1;
    h.negative = true;
    return h;
  }
  const bool room = t > 0 && n.is(t - 1, {"plaats", "plek", "ruimte", "room", "place", "space"}) &&
                    n.is(t, {"voor", "for", "pour"});
  if (room) ++s;
  bool prefixed = room;
  if (!room) {
    if (const std::size_t k = n.match(s, "niet meer dan") + n.match(s, "no more than") +
                              n.match(s, "not more than") + n.match(s, "pas plus de")) {
      s += k;
      prefixed = true;
    }
    while (s < t + 2 && n.is(s, kCountPrefix) && !(n.is(s, {"un", "une"}) && n.is(s + 1, kChildNouns))) {
      ++s;
      prefixed = true;
    }
  }
  if (s >= n.size() || !n.same_sentence(t, s)) return std::nullopt;
  int count = count_of(n.word(s));
  std::size_t k = s + 1;
  if (n.is(k, {"seul", "seule", "single"})) ++k;
  if (count < 0 && n.is(s, {"seul", "seule", "single"})) count = 1;
  if (count < 1 || count > kMaxChildren) return std::nullopt;
  const bool noun = n.is(k, kChildNouns) && n.same_sentence(s, k);
  if (!noun && !room) return std::nullopt;
  if (!prefixed && t > 0 && n.is(t - 1, {"al", "reeds", "already", "deja", "zelf", "eigen", "own",
                                         "de", "die", "les", "the", "both", "onze", "our", "nos"})) {
    return std::nullopt;
  }
  std::size_t end = noun ? k + 1 : k;
  if (n.is(end, kLimitSuffix) && n.same_sentence(s, end)) ++end;
  Hit h{t, end, {}};
  h.v.kind = ConditionKind::kChildren;
  h.v.max_children = count;
  return h;
}

// ---------------------------------------------------------------- transport

constexpr std::string_view kDriveHeads[] = {"rijden", "rij", "rijdt", "halen", "ophalen", "afhalen", "oppikken",
                               "conduire", "chercher", "recuperer", "drive", "pick", "collect",
                               "fetch", "mobiel", "brengen", "voeren"};
constexpr std::string_view kCarHeads[] = {"auto", "wagen", "vervoer", "autostoel", "autostoeltje", "autozitje",
                             "kinderzitje", "maxicosi", "maxi", "voiture", "vehicule", "siege",
                             "transport", "car", "carseat", "rijbewijs", "permis", "license",
                             "licence", "bagnole", "camionette"};
constexpr std::string_view kTransportGap[] = {"hem", "haar", "het", "ze", "hen", "zelf", "komen", "te", "gaan",
                                 "even", "le", "la", "les", "l", "venir", "him", "her", "them",
                                 "come", "and", "go", "up", "een", "eigen", "a", "an", "our", "de",
                                 "d", "un", "une", "have", "got", "hebben", "heb", "pas", "peut",
                                 "peux", "pouvons", "kunnen", "kan", "op", "ons", "onze", "the",
                                 "any", "s", "own", "it", "er", "zijn", "is", "we", "wij", "on",
                                 "nous", "a", "t", "drive", "to", "ni", "komen"};
constexpr std::string_view kModals[] = {"kunnen", "kan", "kunt", "kun", "kunde", "can", "could", "peut", "peux",
                           "pouvons", "pouvez", "zullen", "zal"};

std::optional<Hit> transport_at(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  // "moet gebracht worden", "iemand moet haar brengen", "needs to be brought", "il faut l'amener".
  if (n.is(t, {"moet", "moeten", "must", "needs", "need", "faut", "doit", "should", "has", "have"})) {
    for (std::size_t j = t + 1; j < n.size() && j <= t + 4 && n.same_sentence(t, j); ++j) {
      if (!n.is(j, {"gebracht", "brengen", "brought", "amener", "amene", "amenee", "deposer", "depose",
                    "bring", "dropped", "gevoerd", "voeren"}) &&
          !n.is(j, {"to", "be", "worden", "hem", "haar", "ze", "het", "him", "her", "them", "l", "le", "la",
                    "etre", "iemand", "someone", "off"})) {
        break;
      }
      if (n.is(j, {"gebracht", "brengen", "brought", "amener", "amene", "amenee", "deposer",
                   "depose", "bring", "dropped", "gevoerd", "voeren"})) {
        std::size_t first = t;
        if (t > 0 && n.is(t - 1, {"iemand", "someone", "jullie", "u", "vous", "you", "hij", "zij",
                                  "ze", "il", "elle", "he", "she", "het", "hem", "l", "it"}) &&
            n.same_sentence(t - 1, t)) {
          --first;
        }
        std::size_t end = j + 1;
        if (n.is(end, {"worden", "be", "etre"})) ++end;
        Hit h{first, end, {}};
        h.v.kind = ConditionKind::kTransport;
        return h;
      }
    }
    return std::nullopt;
  }
  const bool negator = n.is(t, {"niet", "nie", "geen", "gene", "zonder", "no", "not", "cannot",
                                "ne", "n", "sans", "dont"}) ||
                       (w == "t" && t > 0 && n.is(t - 1, {"can", "don", "couldn", "won"})) ||
                       (w == "pas" && n.is(t + 1, {"de", "d"}));
  if (!negator) return std::nullopt;
  for (std::size_t j = t + 1; j < n.size() && j <= t + 5 && n.same_sentence(t, j); ++j) {
    if (n.is(j, kDriveHeads) || n.is(j, kCarHeads)) {
      if (n.is(j, {"brengen", "voeren"}) && w != "niet" && w != "nie") return std::nullopt;
      std::size_t first = t;
      if (w == "t") --first;  // "can't"
      if (first > 0 && n.is(first - 1, kModals) && n.same_sentence(first - 1, first)) {
        --first;
      } else if (first > 1 && n.is(first - 2, kModals) && n.same_sentence(first - 2, first)) {
        first -= 2;  // "kunnen hem niet komen halen"
      }
      std::size_t end = j + 1;
      while (end < j + 3 && n.is(end, {"up", "seat", "him", "her", "them", "it", "hem", "haar", "le", "la"}) &&
             n.same_sentence(j, end)) {
        ++end;
      }
      Hit h{first, end, {}};
      h.v.kind = ConditionKind::kTransport;
      h.negative = n.is(t, {"geen", "gene", "no"});
      return h;
    }
    if (!n.is(j, kTransportGap)) return std::nullopt;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- calls

constexpr std::string_view kCallVerbs[] = {"bel", "bellen", "belt", "belle", "opbellen", "terugbellen",
                              "telefoneer", "telefoneren", "telefoneert", "gebeld", "call", "phone",
                              "ring", "appelez", "appelle", "appeler", "appel", "rappelez",
                              "rappelle", "rappeler", "telephonez", "telephoner", "contacteer",
                              "contacteren", "contactez", "contacter", "bellen"};
constexpr std::string_view kMeWords[] = {"me", "mij", "ons", "moi", "m", "nous", "us", "mn"};
constexpr std::string_view kYouWords[] = {"je", "u", "jullie", "vous", "te", "you", "ye", "ulder"};
constexpr std::string_view kFirstWords[] = {"eerst", "first", "abord", "avant", "vooraf", "voordien", "before",
                               "beforehand", "eerste"};
constexpr std::string_view kCallTail[] = {"later", "straks", "terug", "back", "tard", "plus", "zo", "direct",
                             "meteen", "zometeen", "even", "eens", "efkes", "eventjes", "d", "a",
                             "aub", "svp", "please", "s", "plait", "asap", "dringend", "maar",
                             "nog", "eerst", "first", "abord", "avant", "vooraf", "me", "mij",
                             "ons", "moi", "nous", "us", "m", "je", "u", "vous", "you", "te"};
constexpr std::string_view kCallLead[] = {"kan", "kun", "kunt", "kunde", "kunnen", "wil", "wilt", "willen", "je",
                             "u", "jullie", "ge", "gij", "gelieve", "graag", "please", "pls", "can",
                             "could", "would", "you", "tu", "vous", "peux", "pouvez", "pourriez",
                             "pourrais", "peut", "give", "geef", "mag", "mogen", "me", "mij", "m",
                             "moi", "ons", "us", "eerst", "even", "first", "a", "ik", "wij", "we",
                             "i", "ll", "zal", "zullen", "will", "k", "het"};

std::optional<Hit> call_at(const Normalized& n, std::size_t v, SpanRole& role,
                           const std::array<std::uint8_t, kMaxTokens>& taken) {
  const std::size_t lo = v >= 3 ? v - 3 : 0;
  const std::size_t hi = std::min(n.size(), v + 4);
  bool me = false, you = false, first = false, soon = false, back = false;
  for (std::size_t j = lo; j < hi; ++j) {
    if (j == v || !n.same_sentence(v, j)) continue;
    if (n.is(j, kMeWords)) me = true;
    // "kan je", "kunnen jullie", "kunt u": the subject of a request, not whom the family calls.
    if (n.is(j, kYouWords) && !(j > 0 && n.is(j - 1, kModals)) && !n.is(j - 1, {"wil", "wilt", "willen", "mag"})) {
      you = true;
    }
    if (n.is(j, kFirstWords) && !(n.word(j) == "avant" && n.is(j - 1, {"pas"}))) first = true;
    if (j > v && n.is(j, {"zo", "direct", "meteen", "zometeen", "straks"})) soon = true;
    if (j > v && n.is(j, {"terug", "back"})) back = true;
  }
  if (n.word(v) == "je" || (v > 0 && n.is(v - 1, {"je", "j"}) && n.is(v, {"rappelle", "appelle"}))) you = true;
  const bool subject = (v > 0 && n.is(v - 1, {"ik", "k", "wij", "we", "i", "ll", "zal", "zullen", "will"})) ||
                       (v > 1 && n.is(v - 2, {"ik", "k", "wij", "we", "i"}) && !n.is(v - 1, kMeWords));
  bool request;
  if (me) request = true;
  else if (you) request = false;
  else if (subject) request = false;
  else if (n.word(v) == "gebeld") request = true;
  else request = !(back && soon);
  role = !request ? SpanRole::kCallsBack : first ? SpanRole::kCondition : SpanRole::kCallMe;
  std::size_t begin = v;
  while (begin > lo && n.is(begin - 1, kCallLead) && n.same_sentence(begin - 1, v) && taken[begin - 1] == 0) {
    --begin;
  }
  std::size_t end = v + 1;
  while (end < n.size() && end < v + 5 && n.is(end, kCallTail) && n.same_sentence(v, end)) ++end;
  if (n.is(end, {"worden"})) ++end;  // "gebeld worden"
  Hit h{begin, end, {}};
  h.v.kind = ConditionKind::kCallFirst;
  return h;
}

class Scanner {
 public:
  Scanner(const Normalized& n, const Moment& m) : n_(n), m_(m) {}

  Spans run() {
    for (std::size_t t = 0; t < n_.size(); ++t) {
      if (spans_.at[t] != 0 || !n_.is(t, kCallVerbs)) continue;
      SpanRole role = SpanRole::kCallMe;
      if (auto h = call_at(n_, t, role, spans_.at)) add(*h, role);
    }
    for (std::size_t t = 0; t < n_.size();) {
      std::optional<Hit> h;
      if (spans_.at[t] == 0) h = condition_at(t);
      if (h && fits(*h)) {
        add(*h, SpanRole::kCondition);
        t = h->end;
      } else {
        ++t;
      }
    }
    return spans_;
  }

 private:
  std::optional<Hit> condition_at(std::size_t t) const {
    if (auto h = transport_at(n_, t)) return h;
    if (auto h = children_at(n_, t)) return h;
    if (auto h = AgesReader(n_).at(t)) return h;
    if (auto h = LimitReader(n_, m_).at(t)) return h;
    return FromReader(n_, m_).at(t);
  }

  // Inside one sentence, over free tokens only.
  bool fits(const Hit& h) const {
    if (h.end <= h.first || h.end > n_.size() || !n_.same_sentence(h.first, h.end - 1)) return false;
    for (std::size_t k = h.first; k < h.end; ++k) {
      if (spans_.at[k] != 0) return false;
    }
    return true;
  }

  void add(const Hit& h, SpanRole role) {
    if (spans_.size >= kMaxSpans || !fits(h)) return;
    Span& s = spans_.list[spans_.size++];
    s.first = h.first;
    s.count = h.end - h.first;
    s.role = role;
    s.bare_when = h.bare_when;
    s.negative = h.negative;
    s.values = h.v;
    for (std::size_t k = h.first; k < h.end; ++k) spans_.at[k] = static_cast<std::uint8_t>(spans_.size);
  }

  const Normalized& n_;
  const Moment& m_;
  Spans spans_;
};

}  // namespace

Spans scan_spans(const Normalized& n, const Moment& m) { return Scanner(n, m).run(); }

Condition to_condition(const Normalized& n, const Span& s) {
  const Values& v = s.values;
  Condition c;
  c.kind = v.kind;
  c.words = n.quote(s.first, s.first + s.count - 1);
  c.nights = v.nights;
  if (v.last_day) c.last_day = iso_of(*v.last_day);
  if (v.from_day) c.from_day = iso_of(*v.from_day);
  c.from_minute = v.from_minute;
  c.in_minutes = v.in_minutes;
  c.min_age_months = v.min_age_months;
  c.max_age_months = v.max_age_months;
  c.max_children = v.max_children;
  return c;
}

}  // namespace noodbel::reply
