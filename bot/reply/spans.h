// Internal to the reply parser: a span is the words of one condition of an answer, or of
// what the family says about calls, with the values found in them; the condition readers
// return a Found, the scanner collects Spans. Not part of the parser's contract. Values;
// thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "bot/condition.h"
#include "bot/reply/dates.h"
#include "bot/reply/normalize.h"

namespace noodbel::reply {

enum class SpanRole : std::uint8_t {
  kCondition,  // a condition of a yes or maybe
  kCallMe,     // the family asks to be called ("bel me later", "appelez-moi")
  kCallsBack,  // the family will call back ("ik bel je straks terug"): a reason to wait
};

// A condition's values as found, before they become a Condition (all trivially copyable).
struct Values {
  ConditionKind kind = ConditionKind::kLimit;
  std::optional<int> nights;
  std::optional<Day> last_day;
  std::optional<Day> from_day;
  std::optional<int> from_minute;
  std::optional<int> in_minutes;
  std::optional<int> min_age_months;
  std::optional<int> max_age_months;
  std::optional<int> max_children;
  bool operator==(const Values&) const = default;
};

struct Span {
  std::size_t first = 0;  // tokens [first, first + count)
  std::size_t count = 0;
  SpanRole role = SpanRole::kCondition;
  // A day word on its own ("morgen", "straks"): not a condition in a clause that gives
  // a reason to wait ("ik laat het morgen weten").
  bool bare_when = false;
  // Opens with "geen" / "no" / "pas de": right after "kunnen" it is a plain no
  // ("we kunnen geen baby opvangen").
  bool negative = false;
  Values values;
};

// A condition or call found at a token: tokens [first, end) and its values.
struct Found {
  std::size_t first = 0;
  std::size_t end = 0;  // one past the last token
  Values v;
  bool bare_when = false;
  bool negative = false;
};

constexpr std::size_t kMaxSpans = 12;

struct Spans {
  std::array<Span, kMaxSpans> list{};
  std::size_t size = 0;
  std::array<std::uint8_t, kMaxTokens> at{};  // 1 + index of the span covering token t; 0 none
};

}  // namespace noodbel::reply
