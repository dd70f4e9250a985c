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

#include "bot/reply/ages.h"
#include "bot/reply/calls.h"
#include "bot/reply/children.h"
#include "bot/reply/condition_gate.h"
#include "bot/reply/condition_words.h"
#include "bot/reply/times.h"
#include "bot/reply/transport.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

class Scanner {
 public:
  Scanner(const Normalized& n, const Moment& m, const ConditionData& data, bool everywhere,
          Spans& out)
      : n_(n),
        m_(m),
        words_(data.dates),
        lists_(data.words),
        gate_(data.gate),
        everywhere_(everywhere),
        spans_(out) {}

  void run() {
    for (std::size_t t = 0; t < n_.size(); ++t)
      bits_[t] = everywhere_ ? 0xFFFF : gate_.bits(n_.word(t), words_);
    for (std::size_t t = 0; t < n_.size(); ++t) {
      if (spans_.at[t] != 0 || (bits_[t] & kCall) == 0 ||
          !n_.is(t, lists_.words(WordList::kCallVerbs)))
        continue;
      SpanRole role = SpanRole::kCallMe;
      if (auto h = call_at(n_, t, role, spans_.at, lists_)) add(*h, role);
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
      if (auto h = transport_at(n_, t, lists_)) return h;
    }
    if ((bits & kChildren) != 0) {
      if (auto h = children_at(n_, t, words_, lists_)) return h;
    }
    if ((bits & kAges) != 0 && near(t, kAgeWord)) {
      if (auto h = ages_at(n_, t, lists_)) return h;
    }
    if ((bits & kLimit) != 0 && near(t, kLimitWord)) {
      if (auto h = time_limit_at(n_, t, m_, words_, lists_)) return h;
    }
    if ((bits & kFrom) != 0 && near(t, kFromWord)) return start_time_at(n_, t, m_, words_, lists_);
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
  const ConditionWords& lists_;
  const ConditionGate& gate_;
  const bool everywhere_;
  std::array<std::uint16_t, kMaxTokens> bits_{};
  Spans& spans_;
};

}  // namespace

Spans scan_spans(const Normalized& n, const Moment& m, const ConditionData& data, bool everywhere) {
  Spans spans;
  Scanner(n, m, data, everywhere, spans).run();
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
