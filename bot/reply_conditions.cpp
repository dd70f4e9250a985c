// Condition scanner in two passes over the normalised words:
//   1. calls: every call verb ("bel", "bellen", "appelez", "call") with its object and
//      subject nearby decides who calls whom: "bel me later" asks to be called, "bel eerst
//      even" is the call-first condition, "ik bel je terug" means the family will call.
//   2. conditions, left to right, each starting at an optional restricting word ("pas",
//      "enkel", "max", "only", "seulement"): transport, children, ages, time limits and
//      start times (the last two in bot/reply_times.cpp). A word belongs to at most one
//      span.
#include "bot/reply_conditions.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <string_view>

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

constexpr int kMaxAgeMonths = 18 * 12;
constexpr int kMaxChildren = 10;

// ---------------------------------------------------------------- ages

constexpr std::string_view kChildNouns[] = {
    "kind"sv, "kinderen"sv, "kindje"sv, "kindjes"sv, "kids"sv, "kid"sv, "child"sv, "children"sv,
    "enfant"sv, "enfants"sv, "gosse"sv, "gosses"sv, "kinders"sv, "kindere"sv};
constexpr std::string_view kBabyWords[] = {
    "baby"sv, "babys"sv, "babies"sv, "bebe"sv, "bebes"sv, "newborn"sv, "newborns"sv, "pasgeboren"sv,
    "pasgeborenen"sv, "zuigeling"sv, "zuigelingen"sv, "babytje"sv};
constexpr std::string_view kTeenWords[] = {
    "tieners"sv, "tiener"sv, "pubers"sv, "puber"sv, "adolescenten"sv, "adolescent"sv, "ados"sv,
    "ado"sv, "teenagers"sv, "teenager"sv, "teens"sv, "adolescents"sv};
constexpr std::string_view kNegators[] = {
    "geen"sv, "gene"sv, "no"sv, "not"sv, "zonder"sv, "sans"sv, "nie"sv, "niet"sv};
constexpr std::string_view kRestrict[] = {
    "enkel"sv, "alleen"sv, "only"sv, "seulement"sv, "uniquement"sv, "liefst"sv, "preferably"sv,
    "plutot"sv, "just"sv, "slechts"sv, "juste"sv};

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
  explicit AgesReader(const Normalized& n) : n_(n) {}

  std::optional<Found> at(std::size_t t) const {
    std::size_t s = t;
    bool restricted = false;
    while (n_.is(s, kRestrict) || n_.match(s, "bij voorkeur"sv) != 0 ||
           n_.match(s, "de preference"sv) != 0) {
      s += n_.is(s, kRestrict) ? 1 : 2;
      restricted = true;
    }
    static constexpr std::string_view kIfItIs[] = {
    "als het een"sv, "als het"sv, "if it is a"sv, "if it s a"sv, "si c est un"sv, "si c est une"sv};
    static constexpr PhraseList kIfItIsList{kIfItIs};
    if (const std::size_t k = n_.match(s, kIfItIsList)) {
      s += k;
      restricted = true;
    }
    bool negated = false;
    if (n_.is(s, kNegators)) {
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
  std::optional<Found> noun(std::size_t t, std::size_t s, bool restricted, bool negated) const {
    const bool baby = n_.is(s, kBabyWords);
    const bool teen = n_.is(s, kTeenWords);
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
      if (n_.is(at + 1, kNotHourUnits) || n_.is(at + 1, {"u"sv, "h"sv, "uur"sv, "km"sv}))
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
};

// ---------------------------------------------------------------- children

constexpr std::string_view kSiblings[] = {
    "broers en zussen"sv, "broers of zussen"sv, "broer en zus"sv, "broer of zus"sv,
    "broertjes en zusjes"sv, "broertjes of zusjes"sv, "broers zussen"sv, "broer zus"sv, "broers"sv,
    "zussen"sv, "siblings"sv, "sibling"sv, "brothers and sisters"sv, "brothers or sisters"sv,
    "fratrie"sv, "fratries"sv, "freres et sœurs"sv, "frere et sœur"sv, "freres et soeurs"sv,
    "frere et soeur"sv, "freres ou sœurs"sv, "freres"sv};
constexpr PhraseList kSiblingList{kSiblings};

std::size_t siblings_at(const Normalized& n, std::size_t t) { return n.match(t, kSiblingList); }

constexpr std::string_view kCountPrefix[] = {
    "maar"sv, "mr"sv, "mor"sv, "slechts"sv, "enkel"sv, "alleen"sv, "max"sv, "maximum"sv,
    "maximaal"sv, "hooguit"sv, "only"sv, "just"sv, "seulement"sv, "uniquement"sv, "qu"sv, "que"sv,
    "juste"sv, "un"sv, "une"sv};

std::optional<Found> children_at(const Normalized& n, std::size_t t) {
  std::size_t s = t;
  // "geen broers en zussen", "pas de fratrie", "no siblings", "niet met broers of zussen".
  std::size_t neg = 0;
  if (n.is(s, {"geen"sv, "gene"sv, "no"sv, "not"sv, "zonder"sv, "sans"sv}))
    neg = 1;
  else if (n.match(s, "niet met"sv) != 0)
    neg = 2;
  else if (n.match(s, "pas de"sv) != 0 || n.match(s, "pas d"sv) != 0 ||
           n.match(s, "pas les"sv) != 0)
    neg = 2;
  if (neg != 0) {
    const std::size_t k = siblings_at(n, s + neg);
    if (k == 0) return std::nullopt;
    Found h{t, s + neg + k, {}};
    h.v.kind = ConditionKind::kChildren;
    h.v.max_children = 1;
    h.negative = true;
    return h;
  }
  const bool room =
      t > 0 && n.is(t - 1, {"plaats"sv, "plek"sv, "ruimte"sv, "room"sv, "place"sv, "space"sv}) &&
      n.is(t, {"voor"sv, "for"sv, "pour"sv});
  if (room) ++s;
  bool prefixed = room;
  if (!room) {
    if (const std::size_t k = n.match(s, "niet meer dan"sv) + n.match(s, "no more than"sv) +
                              n.match(s, "not more than"sv) + n.match(s, "pas plus de"sv)) {
      s += k;
      prefixed = true;
    }
    while (s < t + 2 && n.is(s, kCountPrefix) &&
           !(n.is(s, {"un"sv, "une"sv}) && n.is(s + 1, kChildNouns))) {
      ++s;
      prefixed = true;
    }
  }
  if (s >= n.size() || !n.same_sentence(t, s)) return std::nullopt;
  int count = count_of(n.word(s));
  std::size_t k = s + 1;
  if (n.is(k, {"seul"sv, "seule"sv, "single"sv})) ++k;
  if (count < 0 && n.is(s, {"seul"sv, "seule"sv, "single"sv})) count = 1;
  if (count < 1 || count > kMaxChildren) return std::nullopt;
  const bool noun = n.is(k, kChildNouns) && n.same_sentence(s, k);
  if (!noun && !room) return std::nullopt;
  if (!prefixed && t > 0 &&
      n.is(t - 1, {"al"sv, "reeds"sv, "already"sv, "deja"sv, "zelf"sv, "eigen"sv, "own"sv, "de"sv,
                   "die"sv, "les"sv, "the"sv, "both"sv, "onze"sv, "our"sv, "nos"sv})) {
    return std::nullopt;
  }
  std::size_t end = noun ? k + 1 : k;
  if (n.is(end, kLimitSuffix) && n.same_sentence(s, end)) ++end;
  Found h{t, end, {}};
  h.v.kind = ConditionKind::kChildren;
  h.v.max_children = count;
  return h;
}

// ---------------------------------------------------------------- transport

constexpr std::string_view kDriveHeads[] = {
    "rijden"sv, "rij"sv, "rijdt"sv, "halen"sv, "ophalen"sv, "afhalen"sv, "oppikken"sv, "conduire"sv,
    "chercher"sv, "recuperer"sv, "drive"sv, "pick"sv, "collect"sv, "fetch"sv, "mobiel"sv,
    "brengen"sv, "voeren"sv};
constexpr std::string_view kCarHeads[] = {
    "auto"sv, "wagen"sv, "vervoer"sv, "autostoel"sv, "autostoeltje"sv, "autozitje"sv,
    "kinderzitje"sv, "maxicosi"sv, "maxi"sv, "voiture"sv, "vehicule"sv, "siege"sv, "transport"sv,
    "car"sv, "carseat"sv, "rijbewijs"sv, "permis"sv, "license"sv, "licence"sv, "bagnole"sv,
    "camionette"sv};
constexpr std::string_view kTransportGap[] = {
    "hem"sv, "haar"sv, "het"sv, "ze"sv, "hen"sv, "zelf"sv, "komen"sv, "te"sv, "gaan"sv, "even"sv,
    "le"sv, "la"sv, "les"sv, "l"sv, "venir"sv, "him"sv, "her"sv, "them"sv, "come"sv, "and"sv,
    "go"sv, "up"sv, "een"sv, "eigen"sv, "a"sv, "an"sv, "our"sv, "de"sv, "d"sv, "un"sv, "une"sv,
    "have"sv, "got"sv, "hebben"sv, "heb"sv, "pas"sv, "peut"sv, "peux"sv, "pouvons"sv, "kunnen"sv,
    "kan"sv, "op"sv, "ons"sv, "onze"sv, "the"sv, "any"sv, "s"sv, "own"sv, "it"sv, "er"sv, "zijn"sv,
    "is"sv, "we"sv, "wij"sv, "on"sv, "nous"sv, "a"sv, "t"sv, "drive"sv, "to"sv, "ni"sv, "komen"sv};
constexpr std::string_view kModals[] = {
    "kunnen"sv, "kan"sv, "kunt"sv, "kun"sv, "kunde"sv, "can"sv, "could"sv, "peut"sv, "peux"sv,
    "pouvons"sv, "pouvez"sv, "zullen"sv, "zal"sv};

std::optional<Found> transport_at(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  // "moet gebracht worden", "iemand moet haar brengen", "needs to be brought", "il faut l'amener".
  if (n.is(t, {"moet"sv, "moeten"sv, "must"sv, "needs"sv, "need"sv, "faut"sv, "doit"sv, "should"sv,
               "has"sv, "have"sv})) {
    for (std::size_t j = t + 1; j < n.size() && j <= t + 4 && n.same_sentence(t, j); ++j) {
      if (!n.is(j, {"gebracht"sv, "brengen"sv, "brought"sv, "amener"sv, "amene"sv, "amenee"sv,
                    "deposer"sv, "depose"sv, "bring"sv, "dropped"sv, "gevoerd"sv, "voeren"sv}) &&
          !n.is(j,
                {"to"sv, "be"sv, "worden"sv, "hem"sv, "haar"sv, "ze"sv, "het"sv, "him"sv, "her"sv,
                 "them"sv, "l"sv, "le"sv, "la"sv, "etre"sv, "iemand"sv, "someone"sv, "off"sv})) {
        break;
      }
      if (n.is(j, {"gebracht"sv, "brengen"sv, "brought"sv, "amener"sv, "amene"sv, "amenee"sv,
                   "deposer"sv, "depose"sv, "bring"sv, "dropped"sv, "gevoerd"sv, "voeren"sv})) {
        std::size_t first = t;
        if (t > 0 &&
            n.is(t - 1,
                 {"iemand"sv, "someone"sv, "jullie"sv, "u"sv, "vous"sv, "you"sv, "hij"sv, "zij"sv,
                  "ze"sv, "il"sv, "elle"sv, "he"sv, "she"sv, "het"sv, "hem"sv, "l"sv, "it"sv}) &&
            n.same_sentence(t - 1, t)) {
          --first;
        }
        std::size_t end = j + 1;
        if (n.is(end, {"worden"sv, "be"sv, "etre"sv})) ++end;
        Found h{first, end, {}};
        h.v.kind = ConditionKind::kTransport;
        return h;
      }
    }
    return std::nullopt;
  }
  const bool negator =
      n.is(t, {"niet"sv, "nie"sv, "geen"sv, "gene"sv, "zonder"sv, "no"sv, "not"sv, "cannot"sv,
               "ne"sv, "n"sv, "sans"sv, "dont"sv}) ||
      (w == "t"sv && t > 0 && n.is(t - 1, {"can"sv, "don"sv, "couldn"sv, "won"sv})) ||
      (w == "pas"sv && n.is(t + 1, {"de"sv, "d"sv}));
  if (!negator) return std::nullopt;
  for (std::size_t j = t + 1; j < n.size() && j <= t + 5 && n.same_sentence(t, j); ++j) {
    if (n.is(j, kDriveHeads) || n.is(j, kCarHeads)) {
      if (n.is(j, {"brengen"sv, "voeren"sv}) && w != "niet"sv && w != "nie"sv) return std::nullopt;
      std::size_t first = t;
      if (w == "t"sv) --first;  // "can't"
      if (first > 0 && n.is(first - 1, kModals) && n.same_sentence(first - 1, first)) {
        --first;
      } else if (first > 1 && n.is(first - 2, kModals) && n.same_sentence(first - 2, first)) {
        first -= 2;  // "kunnen hem niet komen halen"
      }
      std::size_t end = j + 1;
      while (end < j + 3 &&
             n.is(end, {"up"sv, "seat"sv, "him"sv, "her"sv, "them"sv, "it"sv, "hem"sv, "haar"sv,
                        "le"sv, "la"sv}) &&
             n.same_sentence(j, end)) {
        ++end;
      }
      Found h{first, end, {}};
      h.v.kind = ConditionKind::kTransport;
      h.negative = n.is(t, {"geen"sv, "gene"sv, "no"sv});
      return h;
    }
    if (!n.is(j, kTransportGap)) return std::nullopt;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- calls

constexpr std::string_view kCallVerbs[] = {
    "bel"sv, "bellen"sv, "belt"sv, "belle"sv, "opbellen"sv, "terugbellen"sv, "telefoneer"sv,
    "telefoneren"sv, "telefoneert"sv, "gebeld"sv, "call"sv, "phone"sv, "ring"sv, "appelez"sv,
    "appelle"sv, "appeler"sv, "appel"sv, "rappelez"sv, "rappelle"sv, "rappeler"sv, "telephonez"sv,
    "telephoner"sv, "contacteer"sv, "contacteren"sv, "contactez"sv, "contacter"sv, "bellen"sv};
constexpr std::string_view kMeWords[] = {
    "me"sv, "mij"sv, "ons"sv, "moi"sv, "m"sv, "nous"sv, "us"sv, "mn"sv};
constexpr std::string_view kYouWords[] = {
    "je"sv, "u"sv, "jullie"sv, "vous"sv, "te"sv, "you"sv, "ye"sv, "ulder"sv};
constexpr std::string_view kFirstWords[] = {
    "eerst"sv, "first"sv, "abord"sv, "avant"sv, "vooraf"sv, "voordien"sv, "before"sv,
    "beforehand"sv, "eerste"sv};
constexpr std::string_view kCallTail[] = {
    "later"sv, "straks"sv, "terug"sv, "back"sv, "tard"sv, "plus"sv, "zo"sv, "direct"sv, "meteen"sv,
    "zometeen"sv, "even"sv, "eens"sv, "efkes"sv, "eventjes"sv, "d"sv, "a"sv, "aub"sv, "svp"sv,
    "please"sv, "s"sv, "plait"sv, "asap"sv, "dringend"sv, "maar"sv, "nog"sv, "eerst"sv, "first"sv,
    "abord"sv, "avant"sv, "vooraf"sv, "me"sv, "mij"sv, "ons"sv, "moi"sv, "nous"sv, "us"sv, "m"sv,
    "je"sv, "u"sv, "vous"sv, "you"sv, "te"sv};
constexpr std::string_view kCallLead[] = {
    "kan"sv, "kun"sv, "kunt"sv, "kunde"sv, "kunnen"sv, "wil"sv, "wilt"sv, "willen"sv, "je"sv, "u"sv,
    "jullie"sv, "ge"sv, "gij"sv, "gelieve"sv, "graag"sv, "please"sv, "pls"sv, "can"sv, "could"sv,
    "would"sv, "you"sv, "tu"sv, "vous"sv, "peux"sv, "pouvez"sv, "pourriez"sv, "pourrais"sv,
    "peut"sv, "give"sv, "geef"sv, "mag"sv, "mogen"sv, "me"sv, "mij"sv, "m"sv, "moi"sv, "ons"sv,
    "us"sv, "eerst"sv, "even"sv, "first"sv, "a"sv, "ik"sv, "wij"sv, "we"sv, "i"sv, "ll"sv, "zal"sv,
    "zullen"sv, "will"sv, "k"sv, "het"sv};

std::optional<Found> call_at(const Normalized& n, std::size_t v, SpanRole& role,
                             const std::array<std::uint8_t, kMaxTokens>& taken) {
  const std::size_t lo = v >= 3 ? v - 3 : 0;
  const std::size_t hi = std::min(n.size(), v + 4);
  bool me = false, you = false, first = false, soon = false, back = false;
  for (std::size_t j = lo; j < hi; ++j) {
    if (j == v || !n.same_sentence(v, j)) continue;
    if (n.is(j, kMeWords)) me = true;
    // "kan je", "kunnen jullie", "kunt u": the subject of a request, not whom the family calls.
    if (n.is(j, kYouWords) && !(j > 0 && n.is(j - 1, kModals)) &&
        !n.is(j - 1, {"wil"sv, "wilt"sv, "willen"sv, "mag"sv})) {
      you = true;
    }
    if (n.is(j, kFirstWords) && !(n.word(j) == "avant"sv && n.is(j - 1, {"pas"sv}))) first = true;
    if (j > v && n.is(j, {"zo"sv, "direct"sv, "meteen"sv, "zometeen"sv, "straks"sv})) soon = true;
    if (j > v && n.is(j, {"terug"sv, "back"sv})) back = true;
  }
  if (n.word(v) == "je"sv ||
      (v > 0 && n.is(v - 1, {"je"sv, "j"sv}) && n.is(v, {"rappelle"sv, "appelle"sv})))
    you = true;
  const bool subject =
      (v > 0 && n.is(v - 1, {"ik"sv, "k"sv, "wij"sv, "we"sv, "i"sv, "ll"sv, "zal"sv, "zullen"sv,
                             "will"sv})) ||
      (v > 1 && n.is(v - 2, {"ik"sv, "k"sv, "wij"sv, "we"sv, "i"sv}) && !n.is(v - 1, kMeWords));
  bool request;
  if (me)
    request = true;
  else if (you)
    request = false;
  else if (subject)
    request = false;
  else if (n.word(v) == "gebeld"sv)
    request = true;
  else
    request = !(back && soon);
  role = !request ? SpanRole::kCallsBack : first ? SpanRole::kCondition : SpanRole::kCallMe;
  std::size_t begin = v;
  while (begin > lo && n.is(begin - 1, kCallLead) && n.same_sentence(begin - 1, v) &&
         taken[begin - 1] == 0) {
    --begin;
  }
  std::size_t end = v + 1;
  while (end < n.size() && end < v + 5 && n.is(end, kCallTail) && n.same_sentence(v, end)) ++end;
  if (n.is(end, {"worden"sv})) ++end;  // "gebeld worden"
  Found h{begin, end, {}};
  h.v.kind = ConditionKind::kCallFirst;
  return h;
}

// The words each reader can open with (besides numbers, number words, weekdays and
// months, handled in opener_bits). A reader is tried only where its bit is set, which
// keeps the scan fast; ReplyConditions.TheGateFindsWhatTryingEveryWordFinds checks that
// this changes nothing.
enum OpenerBit : std::uint16_t {
  kTransport = 1,
  kChildren = 2,
  kAges = 4,
  kLimit = 8,
  kFrom = 16,
  kCall = 32,  // a call verb (first pass)
  // Anchors: a condition of the kind holds one of these (or a number) near its start.
  kAgeWord = 64,         // "baby", "pubers", "kinderen"
  kTransportHead = 128,  // "rijden", "auto", "gebracht"
  kLimitWord = 256,      // "nachten", "weekend", "kort", "zondag"
  kFromWord = 512,       // "morgen", "uur", "straks", "school", "zaterdag"
};

constexpr std::string_view kTransportHeads[] = {
    "rijden"sv, "rij"sv, "rijdt"sv, "halen"sv, "ophalen"sv, "afhalen"sv, "oppikken"sv, "conduire"sv,
    "chercher"sv, "recuperer"sv, "drive"sv, "pick"sv, "collect"sv, "fetch"sv, "mobiel"sv,
    "brengen"sv, "voeren"sv, "auto"sv, "wagen"sv, "vervoer"sv, "autostoel"sv, "autostoeltje"sv,
    "autozitje"sv, "kinderzitje"sv, "maxicosi"sv, "maxi"sv, "voiture"sv, "vehicule"sv, "siege"sv,
    "transport"sv, "car"sv, "carseat"sv, "rijbewijs"sv, "permis"sv, "license"sv, "licence"sv,
    "bagnole"sv, "camionette"sv, "gebracht"sv, "brought"sv, "amener"sv, "amene"sv, "amenee"sv,
    "deposer"sv, "depose"sv, "bring"sv, "dropped"sv, "gevoerd"sv};
constexpr std::string_view kLimitAnchors[] = {
    "nacht"sv, "nachten"sv, "nachtje"sv, "nachtjes"sv, "nuit"sv, "nuits"sv, "night"sv, "nights"sv,
    "dag"sv, "dagen"sv, "dagje"sv, "dagjes"sv, "jour"sv, "jours"sv, "day"sv, "days"sv, "week"sv,
    "weken"sv, "weekje"sv, "weekjes"sv, "semaine"sv, "semaines"sv, "weeks"sv, "wk"sv, "maand"sv,
    "maanden"sv, "maandje"sv, "mois"sv, "month"sv, "months"sv, "weekend"sv, "weekends"sv, "end"sv,
    "lang"sv, "kort"sv, "korte"sv, "kortdurend"sv, "kortstondig"sv, "longtemps"sv, "duree"sv,
    "long"sv, "short"sv, "paar"sv, "enkele"sv, "quelques"sv, "few"sv, "couple"sv, "tijd"sv,
    "periode"sv, "vannacht"sv, "vanavond"sv, "tonight"sv, "avond"sv, "soir"sv};
// "morgen", "vandaag", "demain": open a start time, anchor a start time or a limit ("tot morgen").
constexpr std::string_view kDayWords[] = {
    "morgen"sv, "tomorrow"sv, "demain"sv, "morgenvroeg"sv, "morgenochtend"sv, "morgenavond"sv,
    "morgenmiddag"sv, "morgenvoormiddag"sv, "morgennamiddag"sv, "overmorgen"sv, "vandaag"sv,
    "today"sv, "aujourd"sv};
constexpr std::string_view kStartAnchors[] = {
    "vanavond"sv, "savonds"sv, "avonds"sv, "tonight"sv, "soir"sv, "evening"sv, "later"sv,
    "straks"sv, "tard"sv, "tantot"sv, "seffens"sv, "dadelijk"sv, "zodadelijk"sv, "half"sv,
    "halve"sv, "uur"sv, "uurtje"sv, "uurtjes"sv, "uren"sv, "heure"sv, "heures"sv, "hour"sv,
    "hours"sv, "kwartier"sv, "kwartiertje"sv, "quart"sv, "quarter"sv, "minuten"sv, "minuutjes"sv,
    "min"sv, "minutes"sv, "minute"sv, "mins"sv, "minuut"sv, "halfuur"sv, "halfuurtje"sv, "demi"sv,
    "anderhalf"sv, "dag"sv, "dagen"sv, "dagjes"sv, "jours"sv, "jour"sv, "days"sv, "day"sv, "werk"sv,
    "school"sv, "eten"sv, "avondeten"sv, "middag"sv, "werkuren"sv, "shift"sv, "dienst"sv, "work"sv,
    "dinner"sv, "travail"sv, "ecole"sv, "boulot"sv, "diner"sv, "souper"sv, "les"sv, "lessen"sv,
    "training"sv, "vergadering"sv};

struct Openers {
  OpenerBit bit;
  std::span<const std::string_view> words;
};

constexpr std::string_view kTransportOpeners[] = {
    "moet"sv, "moeten"sv, "must"sv, "needs"sv, "need"sv, "faut"sv, "doit"sv, "should"sv, "has"sv,
    "have"sv, "niet"sv, "nie"sv, "geen"sv, "gene"sv, "zonder"sv, "no"sv, "not"sv, "cannot"sv,
    "ne"sv, "n"sv, "sans"sv, "dont"sv, "t"sv, "pas"sv};
constexpr std::string_view kChildrenOpeners[] = {
    "geen"sv, "gene"sv, "no"sv, "not"sv, "zonder"sv, "sans"sv, "niet"sv, "pas"sv, "voor"sv, "for"sv,
    "pour"sv, "maar"sv, "mr"sv, "mor"sv, "slechts"sv, "enkel"sv, "alleen"sv, "max"sv, "maximum"sv,
    "maximaal"sv, "hooguit"sv, "only"sv, "just"sv, "seulement"sv, "uniquement"sv, "qu"sv, "que"sv,
    "juste"sv, "un"sv, "une"sv, "seul"sv, "seule"sv, "single"sv};
constexpr std::string_view kAgesOpeners[] = {
    "liefst"sv, "preferably"sv, "plutot"sv, "just"sv, "slechts"sv, "juste"sv, "enkel"sv, "alleen"sv,
    "only"sv, "seulement"sv, "uniquement"sv, "bij"sv, "de"sv, "als"sv, "if"sv, "si"sv, "geen"sv,
    "gene"sv, "no"sv, "not"sv, "zonder"sv, "sans"sv, "nie"sv, "niet"sv, "pas"sv, "een"sv, "a"sv,
    "un"sv, "une"sv, "tussen"sv, "between"sv, "entre"sv, "van"sv, "from"sv, "jonger"sv, "onder"sv,
    "younger"sv, "under"sv, "minder"sv, "kleiner"sv, "less"sv, "moins"sv, "en"sv, "below"sv,
    "ouder"sv, "boven"sv, "older"sv, "meer"sv, "plus"sv, "au"sv, "above"sv, "over"sv, "more"sv,
    "tot"sv, "max"sv, "maximum"sv, "maximaal"sv, "hooguit"sv, "up"sv, "jusqu"sv, "vanaf"sv,
    "minimum"sv, "min"sv, "des"sv};
constexpr std::string_view kLimitOpeners[] = {
    "niet"sv, "nie"sv, "korte"sv, "kortdurend"sv, "kortstondig"sv, "kort"sv, "een"sv, "paar"sv,
    "enkele"sv, "pas"sv, "courte"sv, "quelques"sv, "not"sv, "short"sv, "a"sv, "voor"sv, "max"sv,
    "maximum"sv, "maximaal"sv, "hooguit"sv, "slechts"sv, "enkel"sv, "alleen"sv, "pour"sv, "for"sv,
    "only"sv, "just"sv, "seulement"sv, "uniquement"sv, "juste"sv, "qu"sv, "que"sv, "langer"sv,
    "dan"sv, "no"sv, "longer"sv, "more"sv, "than"sv, "pendant"sv, "durant"sv, "during"sv, "plus"sv,
    "de"sv, "d"sv, "tot"sv, "t"sv, "tm"sv, "tem"sv, "until"sv, "till"sv, "til"sv, "through"sv,
    "jusqu"sv, "het"sv, "dit"sv, "le"sv, "the"sv, "this"sv, "ce"sv, "deze"sv, "ons"sv, "weekend"sv,
    "weekends"sv, "week"sv, "seul"sv, "seule"sv, "single"sv, "vannacht"sv, "vanavond"sv,
    "tonight"sv, "cette"sv};
constexpr std::string_view kFromOpeners[] = {
    "enkel"sv, "alleen"sv, "only"sv, "just"sv, "seulement"sv, "uniquement"sv, "slechts"sv, "pas"sv,
    "niet"sv, "nie"sv, "not"sv, "no"sv, "ten"sv, "a"sv, "rond"sv, "vanaf"sv, "van"sv, "na"sv,
    "om"sv, "tegen"sv, "from"sv, "after"sv, "at"sv, "around"sv, "by"sv, "apres"sv, "des"sv,
    "vers"sv, "starting"sv, "over"sv, "binnen"sv, "in"sv, "dans"sv, "d"sv, "within"sv, "day"sv,
    "eind"sv, "einde"sv, "fin"sv, "end"sv, "vanavond"sv, "savonds"sv, "tonight"sv, "s"sv, "ce"sv,
    "du"sv, "this"sv, "later"sv, "plus"sv, "straks"sv, "tantot"sv, "seffens"sv, "zo"sv,
    "zodadelijk"sv, "dadelijk"sv};

// Which readers may open at a word, whether it is a call verb, and which conditions it
// anchors: one look-up.
std::uint16_t opener_bits(std::string_view w) {
  static const std::unordered_map<std::string_view, std::uint16_t> table = [] {
    std::unordered_map<std::string_view, std::uint16_t> words;
    const std::vector<std::string_view> counts = count_words();
    const std::vector<std::string_view> calendar = calendar_words();
    const Openers all[] = {{kTransport, kTransportOpeners},
                           {kChildren, kChildrenOpeners},
                           {kAges, kAgesOpeners},
                           {OpenerBit(kAges | kAgeWord), kBabyWords},
                           {OpenerBit(kAges | kAgeWord), kTeenWords},
                           {OpenerBit(kAges | kAgeWord), kChildNouns},
                           {kLimit, kLimitOpeners},
                           {kFrom, kFromOpeners},
                           {kCall, kCallVerbs},
                           {OpenerBit(kChildren | kLimit | kLimitWord), counts},
                           {OpenerBit(kFrom | kFromWord | kLimitWord), calendar},
                           {kTransportHead, kTransportHeads},
                           {kLimitWord, kLimitAnchors},
                           {kFromWord, kStartAnchors},
                           {OpenerBit(kFrom | kFromWord | kLimitWord), kDayWords}};
    for (const Openers& o : all) {
      for (const std::string_view word : o.words) words[word] |= o.bit;
    }
    return words;
  }();
  if (w.empty()) return 0;
  if (is_digit(w[0])) return kChildren | kAges | kLimit | kFrom | kAgeWord | kLimitWord | kFromWord;
  const auto it = table.find(w);
  return it == table.end() ? 0 : it->second;
}

class Scanner {
 public:
  Scanner(const Normalized& n, const Moment& m, bool everywhere, Spans& out)
      : n_(n), m_(m), everywhere_(everywhere), spans_(out) {}

  void run() {
    for (std::size_t t = 0; t < n_.size(); ++t)
      bits_[t] = everywhere_ ? 0xFFFF : opener_bits(n_.word(t));
    for (std::size_t t = 0; t < n_.size(); ++t) {
      if (spans_.at[t] != 0 || (bits_[t] & kCall) == 0 || !n_.is(t, kCallVerbs)) continue;
      SpanRole role = SpanRole::kCallMe;
      if (auto h = call_at(n_, t, role, spans_.at)) add(*h, role);
    }
    for (std::size_t t = 0; t < n_.size();) {
      std::optional<Found> h;
      if (spans_.at[t] == 0) h = condition_at(t);
      if (h && fits(*h)) {
        add(*h, SpanRole::kCondition);
        t = h->end;
      } else {
        ++t;
      }
    }
  }

 private:
  std::optional<Found> condition_at(std::size_t t) const {
    const std::uint16_t bits = bits_[t];
    if ((bits & kTransport) != 0 && near(t, kTransportHead)) {
      if (auto h = transport_at(n_, t)) return h;
    }
    if ((bits & kChildren) != 0) {
      if (auto h = children_at(n_, t)) return h;
    }
    if ((bits & kAges) != 0 && near(t, kAgeWord)) {
      if (auto h = AgesReader(n_).at(t)) return h;
    }
    if ((bits & kLimit) != 0 && near(t, kLimitWord)) {
      if (auto h = time_limit_at(n_, t, m_)) return h;
    }
    if ((bits & kFrom) != 0 && near(t, kFromWord)) return start_time_at(n_, t, m_);
    return std::nullopt;
  }

  // A condition holds its anchor word (or a number) within its first eight words.
  bool near(std::size_t t, OpenerBit anchor) const {
    for (std::size_t k = t; k < n_.size() && k < t + 8; ++k) {
      if ((bits_[k] & anchor) != 0) return true;
    }
    return false;
  }

  // Inside one sentence, over free tokens only.
  bool fits(const Found& h) const {
    if (h.end <= h.first || h.end > n_.size() || !n_.same_sentence(h.first, h.end - 1))
      return false;
    for (std::size_t k = h.first; k < h.end; ++k) {
      if (spans_.at[k] != 0) return false;
    }
    return true;
  }

  void add(const Found& h, SpanRole role) {
    if (spans_.size >= kMaxSpans || !fits(h)) return;
    Span& s = spans_.list[spans_.size++];
    s.first = h.first;
    s.count = h.end - h.first;
    s.role = role;
    s.bare_when = h.bare_when;
    s.negative = h.negative;
    s.values = h.v;
    for (std::size_t k = h.first; k < h.end; ++k)
      spans_.at[k] = static_cast<std::uint8_t>(spans_.size);
  }

  const Normalized& n_;
  const Moment& m_;
  const bool everywhere_;
  std::array<std::uint16_t, kMaxTokens> bits_{};
  Spans& spans_;
};

}  // namespace

Spans scan_spans(const Normalized& n, const Moment& m, bool everywhere) {
  Spans spans;
  Scanner(n, m, everywhere, spans).run();
  return spans;
}

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
