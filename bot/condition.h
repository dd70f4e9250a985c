// Condition: what a family's yes or maybe depends on ("voor 1 nacht", "vanaf 18u", "bel
// eerst"), in its own words and, where the reply parser understood it, as values the core
// holds against the call. Written by the reply parser, stored with the answer, shown on the
// board. Plain values: copy freely; the functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noodbel {

enum class ConditionKind {
  kLimit,      // how long they can keep the child: "voor 1 nacht", "max 2 nachten", "tot zondag"
  kFrom,       // when they can start: "vanaf 18u", "over een uurtje", "pas morgen"
  kCallFirst,  // "bel eerst even", "call me first"
  kAges,       // "enkel tot 6 jaar", "geen baby's", "liefst ouder dan 3"
  kChildren,   // "maar 1 kind", "geen broers en zussen", "max 2 kinderen"
  kTransport,  // "kunnen niet rijden", "kan niet komen halen"
};
// "limit", "from", "call_first", "ages", "children", "transport"
std::string_view to_string(ConditionKind k);
std::optional<ConditionKind> condition_kind_from_string(std::string_view s);

struct Condition {
  ConditionKind kind = ConditionKind::kLimit;
  std::string words;  // the family's own words for it, as written ("voor 1 nacht")
  // kLimit: at most this many nights ("1 nacht" 1, "2 dagen" 2, "een week" 7), and/or the
  // last day they can keep the child (YYYY-MM-DD: "tot zondag").
  std::optional<int> nights;
  std::optional<std::string> last_day;
  // kFrom: from this local date (YYYY-MM-DD) and minute of that day ("vanaf 18u": 1080),
  // resolved with the context; `in_minutes` keeps a relative start ("over een uurtje": 60).
  std::optional<std::string> from_day;
  std::optional<int> from_minute;
  std::optional<int> in_minutes;
  // kAges: the ages they take, in months (either end may be open).
  std::optional<int> min_age_months;
  std::optional<int> max_age_months;
  // kChildren: at most this many children.
  std::optional<int> max_children;
  bool operator==(const Condition&) const = default;
};

// The conditions as a compact JSON array (what the store keeps), and back. Unknown kinds
// and malformed values in stored text are skipped, never a failure: an answer is never
// lost over a condition that cannot be read.
std::string encode_conditions(const std::vector<Condition>& conditions);
std::vector<Condition> decode_conditions(std::string_view json);

}  // namespace noodbel
