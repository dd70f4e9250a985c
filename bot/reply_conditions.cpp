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
#include <string_view>

namespace noodbel::reply {
namespace {

constexpr int kMaxAgeMonths = 18 * 12;
constexpr int kMaxChildren = 10;

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

  std::optional<Found> at(std::size_t t) const {
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
  std::optional<Found> noun(std::size_t t, std::size_t s, bool restricted, bool negated) const {
    const bool baby = n_.is(s, kBabyWords);
    const bool teen = n_.is(s, kTeenWords);
    if ((!baby && !teen) || (!restricted && !negated)) return std::nullopt;
    std::size_t end = s + 1;
    if (n_.is(end, {"s"}) && n_.joined(s)) ++end;  // "baby's"
    if (restricted && n_.is(end, {"is", "est"})) ++end;  // "als het een baby is"
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
    Found h{t, end, {}};
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

std::optional<Found> children_at(const Normalized& n, std::size_t t) {
  std::size_t s = t;
  // "geen broers en zussen", "pas de fratrie", "no siblings", "niet met broers of zussen".
  std::size_t neg = 0;
  if (n.is(s, {"geen", "gene", "no", "not", "zonder", "sans"})) neg = 1;
  else if (n.match(s, "niet met") != 0) neg = 2;
  else if (n.match(s, "pas de") != 0 || n.match(s, "pas d") != 0 || n.match(s, "pas les") != 0) neg = 2;
  if (neg != 0) {
    const std::size_t k = siblings_at(n, s + neg);
    if (k == 0) return std::nullopt;
    Found h{t, s + neg + k, {}};
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
  Found h{t, end, {}};
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

std::optional<Found> transport_at(const Normalized& n, std::size_t t) {
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
        Found h{first, end, {}};
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
      Found h{first, end, {}};
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

std::optional<Found> call_at(const Normalized& n, std::size_t v, SpanRole& role,
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
  Found h{begin, end, {}};
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
      std::optional<Found> h;
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
  std::optional<Found> condition_at(std::size_t t) const {
    if (auto h = transport_at(n_, t)) return h;
    if (auto h = children_at(n_, t)) return h;
    if (auto h = AgesReader(n_).at(t)) return h;
    if (auto h = time_limit_at(n_, t, m_)) return h;
    return start_time_at(n_, t, m_);
  }

  // Inside one sentence, over free tokens only.
  bool fits(const Found& h) const {
    if (h.end <= h.first || h.end > n_.size() || !n_.same_sentence(h.first, h.end - 1)) return false;
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
