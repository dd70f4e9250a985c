#include "bot/reply/answer.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

// Words after Dutch "pas" that make it "only from" rather than French "not".
constexpr std::array<std::string_view, 12> kDutchTimeWords = {
    "vanaf",     "na",       "om",     "morgen", "overmorgen", "vanavond",
    "vanmiddag", "vannacht", "straks", "later",  "tegen",      "rond"};

// Words that may follow Flemish "maar" used as a particle: "bel maar", "kom maar af".
constexpr std::array<std::string_view, 8> kParticleTail = {"af",     "door", "op",     "langs",
                                                           "binnen", "hoor", "gerust", "even"};

enum class Said { kNothing, kYes, kNo };

// True when token `t` opens a clause: first of its sentence, or after a comma, a code
// or an emoji ("ja, maar...", "ja voor K42 maar...").
bool opens_clause(const Normalized& n, std::size_t t) {
  if (t == 0 || !n.same_sentence(t - 1, t)) return true;
  if (!reply::is_word_token(n.word(t - 1))) return true;
  const std::string_view gap = n.gap(t - 1);
  return gap.find_first_not_of(" \t") != std::string_view::npos;
}

// "maar" right after the yes, or opening a clause with more words after it; not the
// particle of "bel maar", "stuur maar de gegevens", "kom maar af" (the yes stands).
bool is_condition_marker(const Normalized& n, const Item& it, std::size_t yes_end) {
  if (it.first == yes_end) return true;
  if (!opens_clause(n, it.first)) return false;
  for (std::size_t t = it.first + it.count; t < n.size(); ++t) {
    const std::string_view w = n.word(t);
    if (!reply::is_word_token(w)) continue;
    if (std::find(kParticleTail.begin(), kParticleTail.end(), w) == kParticleTail.end())
      return true;
  }
  return false;
}

bool dutch_time_follows(const Normalized& n, std::size_t t) {
  if (t >= n.size()) return false;
  const std::string_view w = n.word(t);
  if (is_digit(w[0])) return true;
  return std::find(kDutchTimeWords.begin(), kDutchTimeWords.end(), w) != kDutchTimeWords.end();
}

// What the answer words say, read in order.
struct Reading {
  Said said = Said::kNothing;
  bool unclear = false;  // "ja nee", "nee misschien"
  bool maybe = false;
  bool weak_no = false;  // "sorry", "helaas"
  bool call_me = false;  // "bel me later": a request to be called
  int conditions = 0;    // conditions other than call-first
  int call_first = 0;
  std::size_t marker = kMaxTokens;  // after a yes: "maar", "als" ... the reservation starts here
  bool dangling = false;            // "ja maar" with nothing after it
};

class AnswerReader {
 public:
  AnswerReader(const Normalized& n, const Spans& spans, Items& items)
      : n_(n), spans_(spans), items_(items) {}

  Reading read() {
    for (std::size_t i = 0; i < items_.size && !r_.unclear; ++i) {
      const Kind next = i + 1 < items_.size ? items_.list[i + 1].kind : Kind::kNone;
      const Item* prev = i > 0 ? &items_.list[i - 1] : nullptr;
      step(items_.list[i], next, prev);
    }
    return r_;
  }

 private:
  void yes(const Item& it, bool strong) {
    r_.said = Said::kYes;
    strong_yes_ = strong_yes_ || strong;
    yes_end_ = it.first + it.count;
  }
  void reserve(const Item& it, std::size_t from) {
    if (r_.marker == kMaxTokens) r_.marker = from;
    mark(items_, it, Role::kLeftover);
  }
  bool gives_a_start() const {
    for (std::size_t i = 0; i < items_.size; ++i) {
      const Item& it = items_.list[i];
      if (it.kind == Kind::kSpan && spans_.list[it.span].role == SpanRole::kCondition &&
          spans_.list[it.span].values.kind == ConditionKind::kFrom) {
        return true;
      }
    }
    return false;
  }
  void step(const Item& it, Kind next, const Item* prev);
  void span(const Item& it, const Item* prev);

  const Normalized& n_;
  const Spans& spans_;
  Items& items_;
  Reading r_;
  bool strong_yes_ = false;           // "ja" rather than only "kan"
  std::size_t yes_end_ = kMaxTokens;  // token after the last yes word
};

void AnswerReader::span(const Item& it, const Item* prev) {
  const Span& s = spans_.list[it.span];
  switch (s.role) {
    case SpanRole::kCallMe:
      r_.call_me = true;
      return;
    case SpanRole::kCallsBack:  // "ik bel je straks terug": a reason to wait
      if (r_.said == Said::kNo) return;
      r_.maybe = true;
      mark(items_, it, Role::kLeftover);
      return;
    case SpanRole::kCondition:
      break;
  }
  if (r_.said == Said::kNo) return;
  const bool right_after_can =
      prev != nullptr && prev->kind == Kind::kCan && prev->first + prev->count == it.first;
  if (s.negative && right_after_can && r_.said != Said::kYes) {  // "we kunnen geen baby opvangen"
    r_.said = Said::kNo;
    return;
  }
  if (s.negative && right_after_can && !strong_yes_) {
    r_.said = Said::kNo;
    return;
  }
  if (s.values.kind == ConditionKind::kCallFirst) {
    ++r_.call_first;
  } else {
    ++r_.conditions;
  }
}

void AnswerReader::step(const Item& it, Kind next, const Item* prev) {
  const std::size_t after = it.first + it.count;
  if (r_.maybe && it.kind != Kind::kSpan) return;  // a maybe stays a maybe
  switch (it.kind) {
    case Kind::kSpan:
      return span(it, prev);
    case Kind::kYes:
      if (r_.said == Said::kNo) r_.unclear = true;  // "nee ja"
      return yes(it, true);
    case Kind::kCan:
      if (r_.said != Said::kNo) yes(it, false);  // "nee, dat gaat niet": stays a no
      return;
    case Kind::kNo:
      if (r_.said == Said::kYes) r_.unclear = true;  // "ja nee"
      r_.said = Said::kNo;
      return;
    case Kind::kNotToday:  // "morgen wel, vandaag niet"
      if (!gives_a_start()) r_.said = r_.said == Said::kYes && strong_yes_ ? r_.said : Said::kNo;
      return;
    case Kind::kNeg:  // "ja, maar niet dit weekend" is a reservation; "kan niet" a no
      if (r_.said == Said::kYes && strong_yes_) return reserve(it, it.first);
      r_.said = Said::kNo;
      return;
    case Kind::kPas:  // "ja, pas ..."; French "je ne peux pas"
      if (r_.said != Said::kNo && (dutch_time_follows(n_, after) || strong_yes_))
        return reserve(it, it.first);
      r_.said = Said::kNo;
      return;
    case Kind::kMaybe:
    case Kind::kMaybeWhy:  // "misschien, moet even overleggen"; "ik laat het straks weten"
      if (r_.said == Said::kNo) r_.unclear = true;  // "nee misschien"
      r_.maybe = true;
      return;
    case Kind::kMaybeSoft:  // "ik moet het eerst aan mijn vrouw vragen"
      if (r_.said == Said::kNothing) r_.maybe = true;
      return;
    case Kind::kTonight:  // "ik laat het vanavond weten" (a maybe alone); after a yes, today
      if (r_.said == Said::kNothing && next != Kind::kNeg && next != Kind::kNo) r_.maybe = true;
      return;
    case Kind::kMarkerAt:
    case Kind::kFrom:
      if (r_.said == Said::kYes && r_.marker == kMaxTokens) r_.marker = it.first;
      return;
    case Kind::kMarkerAfter:
      if (r_.said == Said::kYes && is_condition_marker(n_, it, yes_end_) &&
          r_.marker == kMaxTokens) {
        r_.marker = after;
        r_.dangling = true;
      }
      return;
    case Kind::kWeakNo:
      r_.weak_no = true;
      return;
    default:
      return;
  }
}

// A reservation the parser did not understand after "maar" / "als" / "tenzij": words left
// over after the marker, or "ja maar" with nothing after it.
bool reserved(const Normalized& n, const Items& items, const Reading& r) {
  if (r.marker == kMaxTokens) return false;
  bool anything_after = false;
  for (std::size_t t = r.marker; t < n.size(); ++t) {
    if (items.role[t] == Role::kLeftover) return true;
    if (items.role[t] == Role::kHard) anything_after = true;
  }
  return r.dangling && !anything_after;
}

Intent intent_of(const Normalized& n, const Items& items, const Reading& r) {
  if (r.unclear) return Intent::kUnknown;
  if (r.maybe) return Intent::kMaybe;
  if (r.said == Said::kYes) return reserved(n, items, r) ? Intent::kMaybe : Intent::kYes;
  if (r.said == Said::kNo) return Intent::kNo;
  if (r.call_me || (r.call_first > 0 && r.conditions == 0)) return Intent::kCallMe;
  if (r.conditions > 0) return reserved(n, items, r) ? Intent::kMaybe : Intent::kYes;
  if (r.weak_no) return Intent::kNo;
  return Intent::kUnknown;
}

}  // namespace

Intent answer_intent(const Normalized& n, const Spans& spans, Items& items) {
  const Reading reading = AnswerReader(n, spans, items).read();
  return intent_of(n, items, reading);
}

}  // namespace noodbel::reply
