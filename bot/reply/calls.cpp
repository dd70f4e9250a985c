// What a family says about calls: every call verb ("bel", "bellen", "appelez", "call") with
// its object and subject nearby decides who calls whom: "bel me later" asks to be called,
// "bel eerst even" is the call-first condition, "ik bel je terug" means the family will call.
#include "bot/reply/calls.h"

#include <algorithm>
#include <span>

#include "bot/reply/condition_words.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

}  // namespace

std::optional<Found> call_at(const Normalized& n, std::size_t v, SpanRole& role,
                             const std::array<std::uint8_t, kMaxTokens>& taken,
                             const ConditionWords& lists) {
  const std::span<const std::string_view> modals = lists.words(WordList::kModals);
  const std::span<const std::string_view> me_words = lists.words(WordList::kMeWords);
  const std::size_t lo = v >= 3 ? v - 3 : 0;
  const std::size_t hi = std::min(n.size(), v + 4);
  bool me = false, you = false, first = false, soon = false, back = false;
  for (std::size_t j = lo; j < hi; ++j) {
    if (j == v || !n.same_sentence(v, j)) continue;
    if (n.is(j, me_words)) me = true;
    // "kan je", "kunnen jullie", "kunt u": the subject of a request, not whom the family calls.
    if (n.is(j, lists.words(WordList::kYouWords)) && !(j > 0 && n.is(j - 1, modals)) &&
        !n.is(j - 1, {"wil"sv, "wilt"sv, "willen"sv, "mag"sv})) {
      you = true;
    }
    if (n.is(j, lists.words(WordList::kFirstWords)) &&
        !(n.word(j) == "avant"sv && n.is(j - 1, {"pas"sv})))
      first = true;
    if (j > v && n.is(j, {"zo"sv, "direct"sv, "meteen"sv, "zometeen"sv, "straks"sv})) soon = true;
    if (j > v && n.is(j, {"terug"sv, "back"sv})) back = true;
  }
  if (n.word(v) == "je"sv ||
      (v > 0 && n.is(v - 1, {"je"sv, "j"sv}) && n.is(v, {"rappelle"sv, "appelle"sv})))
    you = true;
  const bool subject =
      (v > 0 && n.is(v - 1, {"ik"sv, "k"sv, "wij"sv, "we"sv, "i"sv, "ll"sv, "zal"sv, "zullen"sv,
                             "will"sv})) ||
      (v > 1 && n.is(v - 2, {"ik"sv, "k"sv, "wij"sv, "we"sv, "i"sv}) && !n.is(v - 1, me_words));
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
  while (begin > lo && n.is(begin - 1, lists.words(WordList::kCallLead)) &&
         n.same_sentence(begin - 1, v) && taken[begin - 1] == 0) {
    --begin;
  }
  std::size_t end = v + 1;
  while (end < n.size() && end < v + 5 && n.is(end, lists.words(WordList::kCallTail)) &&
         n.same_sentence(v, end))
    ++end;
  if (n.is(end, {"worden"sv})) ++end;  // "gebeld worden"
  Found h{begin, end, {}};
  h.v.kind = ConditionKind::kCallFirst;
  return h;
}

}  // namespace noodbel::reply
