// Ages a family takes, as a condition: "geen baby's", "enkel een baby", "tussen 2 en 6
// jaar", "tot 6 jaar", "jonger dan 4", "geen kinderen onder 3 jaar", "no teenagers".
#include "bot/reply/ages.h"

#include <algorithm>
#include <cstdint>

#include "bot/reply/condition_words.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

constexpr int kMaxAgeMonths = 18 * 12;

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
      {"jonger dan"sv, Bound::kBelow, true},
      {"onder de"sv, Bound::kBelow, true},
      {"younger than"sv, Bound::kBelow, true},
      {"under"sv, Bound::kBelow, true},
      {"minder dan"sv, Bound::kBelow, false},
      {"kleiner dan"sv, Bound::kBelow, false},
      {"less than"sv, Bound::kBelow, false},
      {"moins de"sv, Bound::kBelow, false},
      {"en dessous de"sv, Bound::kBelow, false},
      {"below"sv, Bound::kBelow, false},
      {"onder"sv, Bound::kBelow, false},
      {"ouder dan"sv, Bound::kAbove, true},
      {"boven de"sv, Bound::kAbove, true},
      {"older than"sv, Bound::kAbove, true},
      {"meer dan"sv, Bound::kAbove, false},
      {"plus de"sv, Bound::kAbove, false},
      {"au dessus de"sv, Bound::kAbove, false},
      {"above"sv, Bound::kAbove, false},
      {"over"sv, Bound::kAbove, false},
      {"boven"sv, Bound::kAbove, false},
      {"more than"sv, Bound::kAbove, false},
      {"tot en met"sv, Bound::kUpTo, false},
      {"tot"sv, Bound::kUpTo, false},
      {"max"sv, Bound::kUpTo, false},
      {"maximum"sv, Bound::kUpTo, false},
      {"maximaal"sv, Bound::kUpTo, false},
      {"hooguit"sv, Bound::kUpTo, false},
      {"up to"sv, Bound::kUpTo, false},
      {"jusqu a"sv, Bound::kUpTo, false},
      {"jusqu"sv, Bound::kUpTo, false},
      {"a partir de"sv, Bound::kFrom, false},
      {"vanaf"sv, Bound::kFrom, false},
      {"from"sv, Bound::kFrom, false},
      {"minimum"sv, Bound::kFrom, false},
      {"min"sv, Bound::kFrom, false},
      {"des"sv, Bound::kFrom, false},
  };
  static constexpr std::uint32_t kLetters = [] {
    std::uint32_t letters = 0;
    for (const Row& r : kRows) letters |= PhraseList::letter_bit(r.phrase[0]);
    return letters;
  }();
  if (t >= n.size() || (kLetters & PhraseList::letter_bit(n.word(t)[0])) == 0) return {};
  for (const Row& r : kRows) {
    if (const std::size_t k = n.match(t, r.phrase)) return Comparator{r.bound, k, r.unitless};
  }
  return {};
}

// Months per unit of age: 12 for years, 1 for months, 0 for none.
int age_unit(const Normalized& n, std::size_t t) {
  if (n.is(t, {"jaar"sv, "jaren"sv, "jr"sv, "j"sv, "ans"sv, "an"sv, "years"sv, "year"sv, "yrs"sv,
               "yo"sv, "jarigen"sv}))
    return 12;
  if (n.is(t, {"maand"sv, "maanden"sv, "mnd"sv, "mois"sv, "months"sv, "month"sv})) return 1;
  return 0;
}

class AgesReader {
 public:
  AgesReader(const Normalized& n, const ConditionWords& lists) : n_(n), lists_(lists) {}

  std::optional<Found> at(std::size_t t) const {
    std::size_t s = t;
    bool restricted = false;
    while (n_.is(s, lists_.words(WordList::kAgeRestrictors)) ||
           n_.match(s, "bij voorkeur"sv) != 0 || n_.match(s, "de preference"sv) != 0) {
      s += n_.is(s, lists_.words(WordList::kAgeRestrictors)) ? 1 : 2;
      restricted = true;
    }
    if (const std::size_t k = match_first(n_, s, lists_.words(WordList::kIfItIs))) {
      s += k;
      restricted = true;
    }
    bool negated = false;
    if (n_.is(s, lists_.words(WordList::kAgeNegators))) {
      negated = true;
      ++s;
    } else if (n_.match(s, "pas de"sv) != 0 || n_.match(s, "pas d"sv) != 0) {
      negated = true;
      s += 2;
    }
    if (n_.is(s, {"een"sv, "a"sv, "un"sv, "une"sv}) && !negated) ++s;
    if (s >= n_.size() || !n_.same_sentence(t, s)) return std::nullopt;
    if (auto h = noun(t, s, restricted, negated)) return h;
    bool child = false;
    if (n_.is(s, lists_.words(WordList::kChildNouns))) {
      child = true;
      ++s;
    }
    if (!child && negated) return std::nullopt;
    if (auto h = range(t, s)) return h;
    return compared(t, s, child, negated);
  }

 private:
  // "geen baby's", "enkel een baby", "geen pubers", "no teenagers".
  std::optional<Found> noun(std::size_t t, std::size_t s, bool restricted, bool negated) const {
    const bool baby = n_.is(s, lists_.words(WordList::kBabyWords));
    const bool teen = n_.is(s, lists_.words(WordList::kTeenWords));
    if ((!baby && !teen) || (!restricted && !negated)) return std::nullopt;
    std::size_t end = s + 1;
    if (n_.is(end, {"s"sv}) && n_.joined(s)) ++end;          // "baby's"
    if (restricted && n_.is(end, {"is"sv, "est"sv})) ++end;  // "als het een baby is"
    Found h{t, end, {}};
    h.v.kind = ConditionKind::kAges;
    h.negative = negated;
    if (baby && negated) h.v.min_age_months = 12;
    if (baby && !negated) h.v.max_age_months = 12;
    if (teen && negated) h.v.max_age_months = 12 * 12 - 1;
    if (teen && !negated) h.v.min_age_months = 12 * 12;
    return h;
  }

  // "tussen 2 en 6 jaar", "van 2 tot 6 jaar", "entre 2 et 6 ans", "2-6 jaar".
  std::optional<Found> range(std::size_t t, std::size_t s) const {
    std::size_t k = s;
    if (n_.is(k, {"tussen"sv, "between"sv, "entre"sv, "van"sv, "de"sv, "from"sv})) ++k;
    const int a = to_number(k < n_.size() ? n_.word(k) : std::string_view{});
    if (a < 0 || k + 2 >= n_.size() || !n_.same_sentence(s, k + 2)) return std::nullopt;
    std::size_t b = k + 1;
    if (n_.is(b, {"en"sv, "and"sv, "et"sv, "tot"sv, "a"sv, "to"sv})) {
      ++b;
    } else if (n_.gap(k) != "-"sv) {
      return std::nullopt;
    }
    const int hi = to_number(b < n_.size() ? n_.word(b) : std::string_view{});
    const int unit = age_unit(n_, b + 1);
    if (hi < a || unit == 0) return std::nullopt;
    if (hi * unit > kMaxAgeMonths) return std::nullopt;
    Found h{t, b + 2, {}};
    h.v.kind = ConditionKind::kAges;
    h.v.min_age_months = a * unit;
    h.v.max_age_months = hi * unit;
    return h;
  }

  // "tot 6 jaar", "jonger dan 4", "ouder dan 3 jaar", "moins de 6 ans", "kinderen tot 12",
  // "geen kinderen onder 3 jaar".
  std::optional<Found> compared(std::size_t t, std::size_t s, bool child, bool negated) const {
    const Comparator c = comparator_at(n_, s);
    if (c.bound == Bound::kNone) return std::nullopt;
    const std::size_t at = s + c.count;
    const int value = to_number(at < n_.size() ? n_.word(at) : std::string_view{});
    if (value < 0 || !n_.same_sentence(s, at)) return std::nullopt;
    int unit = age_unit(n_, at + 1);
    std::size_t end = at + 1 + (unit != 0 ? 1 : 0);
    if (unit == 0) {
      if (!c.unitless && !child) return std::nullopt;
      if (n_.is(at + 1, lists_.words(WordList::kNotHourUnits)) ||
          n_.is(at + 1, {"u"sv, "h"sv, "uur"sv, "km"sv}))
        return std::nullopt;
      unit = 12;
    }
    const int months = value * unit;
    if (months > kMaxAgeMonths) return std::nullopt;
    Bound bound = c.bound;
    int limit = months;
    if (negated) {  // "geen kinderen onder 3 jaar" = from 3 years
      switch (bound) {
        case Bound::kBelow:
          bound = Bound::kFrom;
          break;
        case Bound::kUpTo:
          bound = Bound::kAbove;
          break;
        case Bound::kFrom:
          bound = Bound::kBelow;
          break;
        case Bound::kAbove:
          bound = Bound::kUpTo;
          break;
        case Bound::kNone:
          break;
      }
    }
    Found h{t, end, {}};
    h.v.kind = ConditionKind::kAges;
    h.negative = negated;
    switch (bound) {
      case Bound::kUpTo:
        h.v.max_age_months = limit;
        break;
      case Bound::kBelow:
        h.v.max_age_months = std::max(0, limit - 1);
        break;
      case Bound::kFrom:
        h.v.min_age_months = limit;
        break;
      case Bound::kAbove:
        h.v.min_age_months = limit + 1;
        break;
      case Bound::kNone:
        return std::nullopt;
    }
    return h;
  }

  const Normalized& n_;
  const ConditionWords& lists_;
};

}  // namespace

std::optional<Found> ages_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  return AgesReader(n, lists).at(t);
}

}  // namespace noodbel::reply
