#include "bot/reply/note.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "bot/reply/conditions.h"

namespace noodbel::reply {

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

}  // namespace noodbel::reply
