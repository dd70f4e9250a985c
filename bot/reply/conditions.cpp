// Condition scanner in two passes over the normalised words:
//   1. calls: every call verb ("bel", "bellen", "appelez", "call") with its object and
//      subject nearby decides who calls whom: "bel me later" asks to be called, "bel eerst
//      even" is the call-first condition, "ik bel je terug" means the family will call.
//      (bot/reply/calls.cpp).
//   2. conditions, left to right, each starting at an optional restricting word ("pas",
//      "enkel", "max", "only", "seulement"): transport, children, ages, time limits and
//      start times (bot/reply/transport.cpp, children.cpp, ages.cpp, times.cpp). A word
//      belongs to at most one span.
#include "bot/reply/conditions.h"

#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_map>

#include "bot/reply/ages.h"
#include "bot/reply/calls.h"
#include "bot/reply/children.h"
#include "bot/reply/condition_words.h"
#include "bot/reply/times.h"
#include "bot/reply/transport.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

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
    "rijden"sv,   "rij"sv,        "rijdt"sv,     "halen"sv,        "ophalen"sv,   "afhalen"sv,
    "oppikken"sv, "conduire"sv,   "chercher"sv,  "recuperer"sv,    "drive"sv,     "pick"sv,
    "collect"sv,  "fetch"sv,      "mobiel"sv,    "brengen"sv,      "voeren"sv,    "auto"sv,
    "wagen"sv,    "vervoer"sv,    "autostoel"sv, "autostoeltje"sv, "autozitje"sv, "kinderzitje"sv,
    "maxicosi"sv, "maxi"sv,       "voiture"sv,   "vehicule"sv,     "siege"sv,     "transport"sv,
    "car"sv,      "carseat"sv,    "rijbewijs"sv, "permis"sv,       "license"sv,   "licence"sv,
    "bagnole"sv,  "camionette"sv, "gebracht"sv,  "brought"sv,      "amener"sv,    "amene"sv,
    "amenee"sv,   "deposer"sv,    "depose"sv,    "bring"sv,        "dropped"sv,   "gevoerd"sv};
constexpr std::string_view kLimitAnchors[] = {
    "nacht"sv,      "nachten"sv,     "nachtje"sv,   "nachtjes"sv, "nuit"sv,   "nuits"sv,
    "night"sv,      "nights"sv,      "dag"sv,       "dagen"sv,    "dagje"sv,  "dagjes"sv,
    "jour"sv,       "jours"sv,       "day"sv,       "days"sv,     "week"sv,   "weken"sv,
    "weekje"sv,     "weekjes"sv,     "semaine"sv,   "semaines"sv, "weeks"sv,  "wk"sv,
    "maand"sv,      "maanden"sv,     "maandje"sv,   "mois"sv,     "month"sv,  "months"sv,
    "weekend"sv,    "weekends"sv,    "end"sv,       "lang"sv,     "kort"sv,   "korte"sv,
    "kortdurend"sv, "kortstondig"sv, "longtemps"sv, "duree"sv,    "long"sv,   "short"sv,
    "paar"sv,       "enkele"sv,      "quelques"sv,  "few"sv,      "couple"sv, "tijd"sv,
    "periode"sv,    "vannacht"sv,    "vanavond"sv,  "tonight"sv,  "avond"sv,  "soir"sv};
// "morgen", "vandaag", "demain": open a start time, anchor a start time or a limit ("tot morgen").
constexpr std::string_view kDayWords[] = {
    "morgen"sv,      "tomorrow"sv,     "demain"sv,           "morgenvroeg"sv,    "morgenochtend"sv,
    "morgenavond"sv, "morgenmiddag"sv, "morgenvoormiddag"sv, "morgennamiddag"sv, "overmorgen"sv,
    "vandaag"sv,     "today"sv,        "aujourd"sv};
constexpr std::string_view kStartAnchors[] = {
    "vanavond"sv,    "savonds"sv,   "avonds"sv,   "tonight"sv,    "soir"sv,      "evening"sv,
    "later"sv,       "straks"sv,    "tard"sv,     "tantot"sv,     "seffens"sv,   "dadelijk"sv,
    "zodadelijk"sv,  "half"sv,      "halve"sv,    "uur"sv,        "uurtje"sv,    "uurtjes"sv,
    "uren"sv,        "heure"sv,     "heures"sv,   "hour"sv,       "hours"sv,     "kwartier"sv,
    "kwartiertje"sv, "quart"sv,     "quarter"sv,  "minuten"sv,    "minuutjes"sv, "min"sv,
    "minutes"sv,     "minute"sv,    "mins"sv,     "minuut"sv,     "halfuur"sv,   "halfuurtje"sv,
    "demi"sv,        "anderhalf"sv, "dag"sv,      "dagen"sv,      "dagjes"sv,    "jours"sv,
    "jour"sv,        "days"sv,      "day"sv,      "werk"sv,       "school"sv,    "eten"sv,
    "avondeten"sv,   "middag"sv,    "werkuren"sv, "shift"sv,      "dienst"sv,    "work"sv,
    "dinner"sv,      "travail"sv,   "ecole"sv,    "boulot"sv,     "diner"sv,     "souper"sv,
    "les"sv,         "lessen"sv,    "training"sv, "vergadering"sv};

struct Openers {
  OpenerBit bit;
  std::span<const std::string_view> words;
};

constexpr std::string_view kTransportOpeners[] = {
    "moet"sv, "moeten"sv, "must"sv, "needs"sv, "need"sv, "faut"sv, "doit"sv,   "should"sv,
    "has"sv,  "have"sv,   "niet"sv, "nie"sv,   "geen"sv, "gene"sv, "zonder"sv, "no"sv,
    "not"sv,  "cannot"sv, "ne"sv,   "n"sv,     "sans"sv, "dont"sv, "t"sv,      "pas"sv};
constexpr std::string_view kChildrenOpeners[] = {
    "geen"sv,    "gene"sv,  "no"sv,        "not"sv,        "zonder"sv,  "sans"sv,     "niet"sv,
    "pas"sv,     "voor"sv,  "for"sv,       "pour"sv,       "maar"sv,    "mr"sv,       "mor"sv,
    "slechts"sv, "enkel"sv, "alleen"sv,    "max"sv,        "maximum"sv, "maximaal"sv, "hooguit"sv,
    "only"sv,    "just"sv,  "seulement"sv, "uniquement"sv, "qu"sv,      "que"sv,      "juste"sv,
    "un"sv,      "une"sv,   "seul"sv,      "seule"sv,      "single"sv};
constexpr std::string_view kAgesOpeners[] = {
    "liefst"sv,  "preferably"sv, "plutot"sv,   "just"sv,      "slechts"sv,    "juste"sv,
    "enkel"sv,   "alleen"sv,     "only"sv,     "seulement"sv, "uniquement"sv, "bij"sv,
    "de"sv,      "als"sv,        "if"sv,       "si"sv,        "geen"sv,       "gene"sv,
    "no"sv,      "not"sv,        "zonder"sv,   "sans"sv,      "nie"sv,        "niet"sv,
    "pas"sv,     "een"sv,        "a"sv,        "un"sv,        "une"sv,        "tussen"sv,
    "between"sv, "entre"sv,      "van"sv,      "from"sv,      "jonger"sv,     "onder"sv,
    "younger"sv, "under"sv,      "minder"sv,   "kleiner"sv,   "less"sv,       "moins"sv,
    "en"sv,      "below"sv,      "ouder"sv,    "boven"sv,     "older"sv,      "meer"sv,
    "plus"sv,    "au"sv,         "above"sv,    "over"sv,      "more"sv,       "tot"sv,
    "max"sv,     "maximum"sv,    "maximaal"sv, "hooguit"sv,   "up"sv,         "jusqu"sv,
    "vanaf"sv,   "minimum"sv,    "min"sv,      "des"sv};
constexpr std::string_view kLimitOpeners[] = {
    "niet"sv,     "nie"sv,      "korte"sv,    "kortdurend"sv, "kortstondig"sv, "kort"sv,
    "een"sv,      "paar"sv,     "enkele"sv,   "pas"sv,        "courte"sv,      "quelques"sv,
    "not"sv,      "short"sv,    "a"sv,        "voor"sv,       "max"sv,         "maximum"sv,
    "maximaal"sv, "hooguit"sv,  "slechts"sv,  "enkel"sv,      "alleen"sv,      "pour"sv,
    "for"sv,      "only"sv,     "just"sv,     "seulement"sv,  "uniquement"sv,  "juste"sv,
    "qu"sv,       "que"sv,      "langer"sv,   "dan"sv,        "no"sv,          "longer"sv,
    "more"sv,     "than"sv,     "pendant"sv,  "durant"sv,     "during"sv,      "plus"sv,
    "de"sv,       "d"sv,        "tot"sv,      "t"sv,          "tm"sv,          "tem"sv,
    "until"sv,    "till"sv,     "til"sv,      "through"sv,    "jusqu"sv,       "het"sv,
    "dit"sv,      "le"sv,       "the"sv,      "this"sv,       "ce"sv,          "deze"sv,
    "ons"sv,      "weekend"sv,  "weekends"sv, "week"sv,       "seul"sv,        "seule"sv,
    "single"sv,   "vannacht"sv, "vanavond"sv, "tonight"sv,    "cette"sv};
constexpr std::string_view kFromOpeners[] = {
    "enkel"sv,    "alleen"sv, "only"sv,    "just"sv, "seulement"sv,  "uniquement"sv, "slechts"sv,
    "pas"sv,      "niet"sv,   "nie"sv,     "not"sv,  "no"sv,         "ten"sv,        "a"sv,
    "rond"sv,     "vanaf"sv,  "van"sv,     "na"sv,   "om"sv,         "tegen"sv,      "from"sv,
    "after"sv,    "at"sv,     "around"sv,  "by"sv,   "apres"sv,      "des"sv,        "vers"sv,
    "starting"sv, "over"sv,   "binnen"sv,  "in"sv,   "dans"sv,       "d"sv,          "within"sv,
    "day"sv,      "eind"sv,   "einde"sv,   "fin"sv,  "end"sv,        "vanavond"sv,   "savonds"sv,
    "tonight"sv,  "s"sv,      "ce"sv,      "du"sv,   "this"sv,       "later"sv,      "plus"sv,
    "straks"sv,   "tantot"sv, "seffens"sv, "zo"sv,   "zodadelijk"sv, "dadelijk"sv};

// Which readers may open at a word, whether it is a call verb, and which conditions it
// anchors: one look-up.
std::uint16_t opener_bits(std::string_view w, const DateWords& dates) {
  static const std::unordered_map<std::string_view, std::uint16_t> table = [] {
    std::unordered_map<std::string_view, std::uint16_t> words;
    const Openers all[] = {{kTransport, kTransportOpeners},
                           {kChildren, kChildrenOpeners},
                           {kAges, kAgesOpeners},
                           {OpenerBit(kAges | kAgeWord), kBabyWords},
                           {OpenerBit(kAges | kAgeWord), kTeenWords},
                           {OpenerBit(kAges | kAgeWord), kChildNouns},
                           {kLimit, kLimitOpeners},
                           {kFrom, kFromOpeners},
                           {kCall, kCallVerbs},
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
  std::uint16_t bits = it == table.end() ? 0 : it->second;
  if (dates.number_of(w) > 0) bits |= kChildren | kLimit | kLimitWord;
  if (dates.month_of(w) > 0 || dates.weekday_of(w) >= 0) bits |= kFrom | kFromWord | kLimitWord;
  return bits;
}

class Scanner {
 public:
  Scanner(const Normalized& n, const Moment& m, const DateWords& words, bool everywhere, Spans& out)
      : n_(n), m_(m), words_(words), everywhere_(everywhere), spans_(out) {}

  void run() {
    for (std::size_t t = 0; t < n_.size(); ++t)
      bits_[t] = everywhere_ ? 0xFFFF : opener_bits(n_.word(t), words_);
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
      if (auto h = children_at(n_, t, words_)) return h;
    }
    if ((bits & kAges) != 0 && near(t, kAgeWord)) {
      if (auto h = ages_at(n_, t)) return h;
    }
    if ((bits & kLimit) != 0 && near(t, kLimitWord)) {
      if (auto h = time_limit_at(n_, t, m_, words_)) return h;
    }
    if ((bits & kFrom) != 0 && near(t, kFromWord)) return start_time_at(n_, t, m_, words_);
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
  const DateWords& words_;
  const bool everywhere_;
  std::array<std::uint16_t, kMaxTokens> bits_{};
  Spans& spans_;
};

}  // namespace

Spans scan_spans(const Normalized& n, const Moment& m, const DateWords& words, bool everywhere) {
  Spans spans;
  Scanner(n, m, words, everywhere, spans).run();
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
