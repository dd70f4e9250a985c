// Reply parser in five steps:
//   1. Normalise into a fixed stack buffer (no heap; bot/reply_tokens.h). Each word
//      remembers where it came from in the original text, so conditions and notes quote
//      the family as written.
//   2. Find the conditions of an answer and what is said about calls
//      (bot/reply_conditions.h): "voor 1 nacht", "pas vanaf 18u", "bel eerst even",
//      "geen baby's", "maar 1 kind", "kunnen niet rijden", "bel me later".
//   3. Classify the other words against the lexicon (bot/reply_lexicon.h): answer words,
//      commands, markers ("maar", "als"), and the words that are understood without
//      changing anything (politeness, pronouns, "opvangen", emoji).
//   4. Decide: a command word first in the message wins; then a setting said anywhere;
//      then the answer: yes / no / maybe / call-me / unknown. A yes keeps its conditions and
//      stays a yes; a yes whose "maar" / "als" is followed by words the parser does not
//      understand ("ja maar mijn dochter is ziek") is a maybe. Conditions alone ("vanaf
//      17u") are a yes with those conditions. A question that does not open with an
//      answer is left out, except a request to be called.
//   5. The note: the words of a yes or maybe that were not understood, as written, each
//      run of them trimmed of politeness and joined by " ... ".
#include "bot/reply_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "bot/local_time.h"
#include "bot/reply_conditions.h"
#include "bot/reply_dates.h"
#include "bot/reply_lexicon.h"
#include "bot/reply_tokens.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

using reply::Item;
using reply::Kind;
using reply::kMaxSentences;
using reply::kMaxTokens;
using reply::Normalized;
using reply::Span;
using reply::SpanRole;
using reply::Spans;

// What a word does for the note.
enum class Role : std::uint8_t {
  kLeftover,  // not understood: quoted in the note
  kFiller,    // understood; trimmed from the edges of a note
  kSoft,      // understood; may sit inside a note ("kan", "als", pronouns)
  kHard,      // the answer itself, a code, a condition: never in a note
};

// Words after Dutch "pas" that make it "only from" rather than French "not".
constexpr std::array<std::string_view, 12> kDutchTimeWords = {
    "vanaf", "na", "om", "morgen", "overmorgen", "vanavond", "vanmiddag", "vannacht",
    "straks", "later", "tegen", "rond"};

// Words that may follow Flemish "maar" used as a particle: "bel maar", "kom maar af".
constexpr std::array<std::string_view, 8> kParticleTail = {
    "af", "door", "op", "langs", "binnen", "hoor", "gerust", "even"};

bool is_strong_answer(Kind k) {
  return k == Kind::kYes || k == Kind::kNo || k == Kind::kMaybe || k == Kind::kMaybeWhy;
}

Role role_of(Kind k) {
  switch (k) {
    case Kind::kNone: return Role::kLeftover;
    case Kind::kFiller: return Role::kFiller;
    case Kind::kMaybeWhy: case Kind::kMaybeSoft: return Role::kLeftover;
    case Kind::kGlue: case Kind::kCan: case Kind::kWhen: case Kind::kTonight: case Kind::kMarkerAt:
    case Kind::kNeg: case Kind::kPas: case Kind::kFrom: case Kind::kWeakNo: case Kind::kNotToday:
      return Role::kSoft;
    default: return Role::kHard;
  }
}

// The classified words of a message, call codes left out. Fixed size: no heap.
struct Items {
  std::array<Item, kMaxTokens> list{};
  std::size_t size = 0;
  std::optional<std::string> code;         // the first call code, upper-cased
  std::size_t first_token = kMaxTokens;    // first token that is not a call code
  bool first_classified = false;           // list[0] starts at first_token
  std::uint64_t opens_with_answer = 0;     // bit s: sentence s starts with yes/no/maybe
  std::array<Role, kMaxTokens> role{};
  std::array<std::uint8_t, kMaxTokens> clause{};  // clauses end at a sentence end or a comma
};

void mark(Items& items, const Item& it, Role r) {
  for (std::size_t k = it.first; k < it.first + it.count && k < kMaxTokens; ++k) items.role[k] = r;
}

// A day word alone ("morgen", "straks") is not a start time in a clause that gives a
// reason to wait: "ik laat het morgen weten", "ik bel je straks terug".
void drop_waiting_days(Items& items, const Spans& spans) {
  for (std::size_t i = 0; i < items.size; ++i) {
    Item& it = items.list[i];
    if (it.kind != Kind::kSpan || !spans.list[it.span].bare_when) continue;
    const std::uint8_t clause = items.clause[it.first];
    for (std::size_t j = 0; j < items.size; ++j) {
      const Item& other = items.list[j];
      const bool waits =
          other.kind == Kind::kMaybeWhy || other.kind == Kind::kMaybeSoft ||
          (other.kind == Kind::kSpan && spans.list[other.span].role == SpanRole::kCallsBack);
      if (waits && items.clause[other.first] == clause) {
        it.kind = Kind::kWhen;
        mark(items, it, Role::kSoft);
        break;
      }
    }
  }
}

Items classify_all(const Normalized& n, const Spans& spans) {
  Items out;
  std::uint64_t sentence_seen = 0;
  std::uint8_t clause = 0;
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (t > 0 && (!n.same_sentence(t - 1, t) || n.gap(t - 1).find(',') != std::string_view::npos)) {
      ++clause;
    }
    out.clause[t] = clause;
    out.role[t] = reply::is_word_token(n.word(t)) ? Role::kLeftover : Role::kFiller;
  }
  const auto free = [&](std::size_t k) {
    return spans.at[k] == 0 && !reply::is_code_token(n.word(k));
  };
  for (std::size_t t = 0; t < n.size();) {
    const std::string_view w = n.word(t);
    if (reply::is_code_token(w)) {
      if (!out.code) out.code = std::string{static_cast<char>(w[0] - 'a' + 'A'), w[1], w[2]};
      out.role[t] = Role::kHard;
      ++t;
      continue;
    }
    const bool first_word = out.first_token == kMaxTokens;
    std::optional<Item> item;
    if (spans.at[t] != 0) {
      const std::size_t index = spans.at[t] - 1U;
      item = Item{Kind::kSpan, t, spans.list[index].count, index};
    } else {
      item = reply::classify(n, t, first_word, free);
    }
    const bool meaningful = item && item->kind != Kind::kNone;
    if (first_word) {
      out.first_token = t;
      out.first_classified = meaningful;
    }
    if (const std::size_t s = n.token(t).sentence; s < kMaxSentences) {
      const std::uint64_t bit = std::uint64_t{1} << s;
      if ((sentence_seen & bit) == 0 && meaningful && is_strong_answer(item->kind)) {
        out.opens_with_answer |= bit;
      }
      sentence_seen |= bit;
    }
    if (meaningful) {
      out.list[out.size++] = *item;
      mark(out, *item, role_of(item->kind));
    }
    // "zijn terug" lets its last word start another phrase ("we zijn terug beschikbaar").
    t += item && item->kind != Kind::kResumeSoft ? item->count : 1;
  }
  drop_waiting_days(out, spans);
  return out;
}

// Leaves out the words of questions ("hoeveel km is dat?", "is het voor 1 nacht?"),
// unless the question opens with an answer ("ja, hoe laat?") or asks for settings, help
// or a call ("kan je me bellen?"); a question about the pause asks for the settings.
void drop_questions(const Normalized& n, const Spans& spans, Items& items) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size; ++i) {
    Item it = items.list[i];
    const std::size_t s = n.token(it.first).sentence;
    if (n.in_question(it.first) && ((items.opens_with_answer >> s) & 1U) == 0) {
      if (it.kind == Kind::kPause) it.kind = Kind::kStatus;
      const bool call = it.kind == Kind::kSpan &&
                        spans.list[it.span].role != SpanRole::kCallsBack &&
                        (spans.list[it.span].role == SpanRole::kCallMe ||
                         spans.list[it.span].values.kind == ConditionKind::kCallFirst);
      if (it.kind != Kind::kStatus && it.kind != Kind::kHelp && !call) {
        if (it.kind == Kind::kSpan) mark(items, it, Role::kLeftover);
        continue;
      }
    }
    items.list[kept++] = it;
  }
  items.size = kept;
}

// ---------------------------------------------------------------- distances

bool is_km_unit(std::string_view w) {
  return w == "km" || w == "kilometer" || w == "kilometers" || w == "kilometres" ||
         w == "kilometre" || w == "kms";
}

// A kilometre figure in tokens [from, from+3): "40" or "40km"; with `need_km` only
// "40 km" / "40km" / "40 kilometer".
std::optional<int> km_after(const Normalized& n, std::size_t from, bool need_km = false) {
  for (std::size_t t = from; t < n.size() && t < from + 3; ++t) {
    const std::string_view w = n.word(t);
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits])) ++digits;
    if (digits == 0 || digits > 4 || (digits < w.size() && w.substr(digits) != "km")) continue;
    const bool km_unit = digits < w.size() || (t + 1 < n.size() && is_km_unit(n.word(t + 1)));
    if (need_km && !km_unit) return std::nullopt;
    return reply::to_number(w.substr(0, digits));
  }
  return std::nullopt;
}

// The first "30 km" said outside a question, and where.
struct KmFigure {
  int km = 0;
  std::size_t token = 0;
};

std::optional<KmFigure> km_anywhere(const Normalized& n) {
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (n.in_question(t) || !is_digit(n.word(t)[0])) continue;
    if (const std::optional<int> km = km_after(n, t, true);
        km && (n.word(t).ends_with("km") || (t + 1 < n.size() && is_km_unit(n.word(t + 1))))) {
      return KmFigure{*km, t};
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- commands and settings

ParsedReply reply_of(Intent intent) {
  ParsedReply r;
  r.intent = intent;
  return r;
}

ParsedReply pause_reply(const Normalized& n, const ReplyContext& ctx) {
  ParsedReply r = reply_of(Intent::kPause);
  r.until = reply::find_until(n, ctx).iso;
  return r;
}

bool has_leftover(const Normalized& n, const Items& items) {
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (items.role[t] == Role::kLeftover) return true;
  }
  return false;
}

// A command named by the first word, or nothing.
std::optional<ParsedReply> command(const Normalized& n, const Items& items,
                                   const ReplyContext& ctx) {
  const Item& first = items.list[0];
  switch (first.kind) {
    case Kind::kStop: return reply_of(Intent::kStop);
    case Kind::kStart: return reply_of(Intent::kStart);
    case Kind::kResume: return reply_of(Intent::kResume);
    case Kind::kStatus: return reply_of(Intent::kStatus);
    case Kind::kHelp: return reply_of(Intent::kHelp);
    case Kind::kHelpAlone:  // "info", "uitleg aub"; not "info over het kindje"
      if (!has_leftover(n, items) &&
          std::all_of(items.list.begin() + 1,
                      items.list.begin() + static_cast<std::ptrdiff_t>(items.size),
                      [](const Item& it) { return it.kind == Kind::kFiller; })) {
        return reply_of(Intent::kHelp);
      }
      return std::nullopt;
    case Kind::kPause: return pause_reply(n, ctx);
    case Kind::kDistance: {
      ParsedReply r = reply_of(Intent::kDistance);
      r.km = km_after(n, first.first + first.count);
      if (!r.km && n.word(first.first).starts_with("max")) return std::nullopt;
      return r;
    }
    default:
      return std::nullopt;
  }
}

// "30 km" or "30km" as the whole point of the message.
std::optional<ParsedReply> bare_distance(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  const bool km_next = t + 1 < n.size() && is_km_unit(n.word(t + 1));
  if (!is_digit(w[0]) || (!km_next && !w.ends_with("km"))) return std::nullopt;
  ParsedReply r = reply_of(Intent::kDistance);
  r.km = km_after(n, t);
  if (!r.km) return std::nullopt;
  return r;
}

// The settings a message mentions anywhere (after the first word), each once.
struct Mentions {
  bool noise = false, stop = false, start = false, resume = false, pause = false;
  bool pause_soft = false, resume_soft = false, status = false, help = false;
  std::optional<int> km;
};

Mentions mentions(const Normalized& n, const Items& items) {
  Mentions m;
  for (std::size_t i = 0; i < items.size; ++i) {
    const Item& it = items.list[i];
    switch (it.kind) {
      case Kind::kNoise: m.noise = true; break;
      case Kind::kStop: m.stop = true; break;
      case Kind::kStart: m.start = true; break;
      case Kind::kResume: m.resume = true; break;
      case Kind::kPause: m.pause = true; break;
      case Kind::kPauseSoft: m.pause_soft = true; break;
      case Kind::kResumeSoft: m.resume_soft = true; break;
      case Kind::kStatus: m.status = true; break;
      case Kind::kHelp: m.help = true; break;
      case Kind::kDistance:  // "mijn afstand is 35 km", "zet mijn afstand op 60"
        if (!m.km) m.km = km_after(n, it.first + it.count);
        break;
      case Kind::kMaxKm:  // "ik wil max 25 km rijden"
        if (!m.km) m.km = km_after(n, it.first + it.count, true);
        break;
      default:
        break;
    }
  }
  return m;
}

// ---------------------------------------------------------------- the answer

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
  bool unclear = false;       // "ja nee", "nee misschien"
  bool maybe = false;
  bool weak_no = false;       // "sorry", "helaas"
  bool call_me = false;       // "bel me later": a request to be called
  int conditions = 0;         // conditions other than call-first
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
  bool strong_yes_ = false;  // "ja" rather than only "kan"
  std::size_t yes_end_ = kMaxTokens;  // token after the last yes word
};

void AnswerReader::span(const Item& it, const Item* prev) {
  const Span& s = spans_.list[it.span];
  switch (s.role) {
    case SpanRole::kCallMe: r_.call_me = true; return;
    case SpanRole::kCallsBack:  // "ik bel je straks terug": a reason to wait
      if (r_.said == Said::kNo) return;
      r_.maybe = true;
      mark(items_, it, Role::kLeftover);
      return;
    case SpanRole::kCondition: break;
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

// ---------------------------------------------------------------- conditions and note

void attach_conditions(const Normalized& n, const Spans& spans, const Items& items,
                       ParsedReply& r) {
  for (std::size_t i = 0; i < items.size; ++i) {
    const Item& it = items.list[i];
    if (it.kind != Kind::kSpan) continue;
    const Span& s = spans.list[it.span];
    if (s.role == SpanRole::kCondition) {
      r.conditions.push_back(reply::to_condition(n, s));
    } else if (s.role == SpanRole::kCallMe &&
               r.intent == Intent::kMaybe) {  // "misschien, bel me even"
      Condition c = reply::to_condition(n, s);
      c.kind = ConditionKind::kCallFirst;
      r.conditions.push_back(std::move(c));
    }
  }
}

// The words the parser did not understand, as written: the text from the first to the
// last run of words that are neither the answer nor a condition and hold at least one word
// it did not understand; politeness trimmed from the ends; a question keeps its "?". Always
// a piece of the original text.
std::optional<std::string> note_of(const Normalized& n, const Items& items) {
  std::size_t begin = std::string_view::npos;
  std::size_t end = 0;
  for (std::size_t t = 0; t < n.size();) {
    if (items.role[t] == Role::kHard) {
      ++t;
      continue;
    }
    std::size_t stop = t;
    bool leftover = false;
    while (stop < n.size() && items.role[stop] != Role::kHard && n.same_sentence(t, stop)) {
      leftover = leftover || items.role[stop] == Role::kLeftover;
      ++stop;
    }
    std::size_t first = t;
    std::size_t last = stop - 1;
    t = stop;
    if (!leftover) continue;
    while (items.role[first] == Role::kFiller) ++first;
    while (items.role[last] == Role::kFiller) --last;
    begin = std::min<std::size_t>(begin, n.token(first).src_begin);
    const std::string_view text = n.text();
    std::size_t after = n.token(last).src_end;
    while (after < text.size() && text[after] == ' ') ++after;
    end = after < text.size() && text[after] == '?' ? after + 1 : n.token(last).src_end;
  }
  if (begin == std::string_view::npos) return std::nullopt;
  return std::string(n.text().substr(begin, end - begin));
}

ParsedReply decide(const Normalized& n, const Spans& spans, Items& items, const ReplyContext& ctx) {
  if (items.first_token == kMaxTokens) return {};
  if (items.first_classified) {
    if (auto c = command(n, items, ctx)) return std::move(*c);
  } else if (auto d = bare_distance(n, items.first_token)) {
    return std::move(*d);
  }
  drop_questions(n, spans, items);
  const Mentions m = mentions(n, items);
  if (m.noise) return {};
  if (m.stop) return reply_of(Intent::kStop);
  if (m.start) return reply_of(Intent::kStart);
  if (m.resume) return reply_of(Intent::kResume);
  if (m.pause) return pause_reply(n, ctx);
  if (m.status) return reply_of(Intent::kStatus);
  if (m.help) return reply_of(Intent::kHelp);
  ParsedReply distance = reply_of(Intent::kDistance);
  if (m.km) {
    distance.km = m.km;
    return distance;
  }
  const Reading reading = AnswerReader(n, spans, items).read();
  ParsedReply answer = reply_of(intent_of(n, items, reading));
  // "we kunnen tot 25 km rijden", "30 kilometer is ok": a distance unless an answer word
  // comes first ("ja, we kunnen tot 25 km rijden" answers the call).
  if (const std::optional<KmFigure> km = km_anywhere(n)) {
    bool answered_first = false;
    for (std::size_t i = 0; i < items.size && items.list[i].first < km->token; ++i) {
      answered_first = answered_first || is_strong_answer(items.list[i].kind);
    }
    if (!answered_first) {
      distance.km = km->km;
      return distance;
    }
  }
  if (m.resume_soft && answer.intent == Intent::kUnknown) return reply_of(Intent::kResume);
  if (m.pause_soft) {  // "op vakantie tot 3 december"; "nee, we zijn zelf op reis" stays a no
    const reply::Until until = reply::find_until(n, ctx);
    if (until.said || answer.intent == Intent::kUnknown) {
      ParsedReply r = reply_of(Intent::kPause);
      r.until = until.iso;
      return r;
    }
  }
  if (answer.intent == Intent::kYes || answer.intent == Intent::kMaybe) {
    attach_conditions(n, spans, items, answer);
    answer.note = note_of(n, items);
  }
  return answer;
}

}  // namespace

std::string_view to_string(Intent i) {
  switch (i) {
    case Intent::kYes: return "yes";
    case Intent::kNo: return "no";
    case Intent::kMaybe: return "maybe";
    case Intent::kStop: return "stop";
    case Intent::kStart: return "start";
    case Intent::kPause: return "pause";
    case Intent::kResume: return "resume";
    case Intent::kStatus: return "status";
    case Intent::kHelp: return "help";
    case Intent::kDistance: return "distance";
    case Intent::kCallMe: return "call_me";
    case Intent::kUnknown: return "unknown";
  }
  return "unknown";
}

bool is_call_code(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'O' &&
         is_digit(s[1]) && is_digit(s[2]);
}

std::optional<ReplyContext> reply_context_from_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = reply::to_number(s.substr(0, 4));
  const int m = s[5] == '-' || s[6] == '-' ? -1 : reply::to_number(s.substr(5, 2));
  const int d = s[8] == '-' || s[9] == '-' ? -1 : reply::to_number(s.substr(8, 2));
  if (y < 0 || m < 0 || d < 0 || !is_valid_date(y, m, d)) return std::nullopt;
  return ReplyContext{y, m, d};
}

std::optional<ReplyContext> reply_context_from_text(std::string_view s) {
  std::optional<ReplyContext> ctx = reply_context_from_iso(s.substr(0, 10));
  if (!ctx || s.size() == 10) return s.size() == 10 ? ctx : std::nullopt;
  if (s.size() != 16 || s[10] != ' ' || s[13] != ':') return std::nullopt;
  const int h = reply::to_number(s.substr(11, 2));
  const int m = reply::to_number(s.substr(14, 2));
  if (h < 0 || h > 23 || m < 0 || m > 59 || s[11] == '-' || s[14] == '-') return std::nullopt;
  ctx->minute = h * 60 + m;
  return ctx;
}

std::string words_for_caseworker(const ParsedReply& r) {
  std::string out;
  for (const Condition& c : r.conditions) {
    if (!out.empty()) out += "; ";
    out += c.words;
  }
  if (r.note) out += (out.empty() ? "" : "; ") + *r.note;
  return out;
}

ParsedReply parse_reply(std::string_view text) { return parse_reply(text, ReplyContext{}); }

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx) {
  const Normalized n(text);
  if (n.only_question_marks()) return {};  // a lone "?" is a question, not a request for help
  const Spans spans = reply::scan_spans(n, reply::moment_of(ctx));
  Items items = classify_all(n, spans);
  ParsedReply r = decide(n, spans, items, ctx);
  r.call_code = std::move(items.code);
  return r;
}

}  // namespace noodbel
