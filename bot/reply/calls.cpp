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

constexpr std::string_view kMeWords[] = {"me"sv, "mij"sv,  "ons"sv, "moi"sv,
                                         "m"sv,  "nous"sv, "us"sv,  "mn"sv};
constexpr std::string_view kYouWords[] = {"je"sv, "u"sv,   "jullie"sv, "vous"sv,
                                          "te"sv, "you"sv, "ye"sv,     "ulder"sv};
constexpr std::string_view kFirstWords[] = {"eerst"sv,  "first"sv,      "abord"sv,
                                            "avant"sv,  "vooraf"sv,     "voordien"sv,
                                            "before"sv, "beforehand"sv, "eerste"sv};
constexpr std::string_view kCallTail[] = {
    "later"sv,  "straks"sv,   "terug"sv,    "back"sv, "tard"sv,   "plus"sv,  "zo"sv,
    "direct"sv, "meteen"sv,   "zometeen"sv, "even"sv, "eens"sv,   "efkes"sv, "eventjes"sv,
    "d"sv,      "a"sv,        "aub"sv,      "svp"sv,  "please"sv, "s"sv,     "plait"sv,
    "asap"sv,   "dringend"sv, "maar"sv,     "nog"sv,  "eerst"sv,  "first"sv, "abord"sv,
    "avant"sv,  "vooraf"sv,   "me"sv,       "mij"sv,  "ons"sv,    "moi"sv,   "nous"sv,
    "us"sv,     "m"sv,        "je"sv,       "u"sv,    "vous"sv,   "you"sv,   "te"sv};
constexpr std::string_view kCallLead[] = {
    "kan"sv,    "kun"sv,    "kunt"sv, "kunde"sv,  "kunnen"sv,   "wil"sv,      "wilt"sv,
    "willen"sv, "je"sv,     "u"sv,    "jullie"sv, "ge"sv,       "gij"sv,      "gelieve"sv,
    "graag"sv,  "please"sv, "pls"sv,  "can"sv,    "could"sv,    "would"sv,    "you"sv,
    "tu"sv,     "vous"sv,   "peux"sv, "pouvez"sv, "pourriez"sv, "pourrais"sv, "peut"sv,
    "give"sv,   "geef"sv,   "mag"sv,  "mogen"sv,  "me"sv,       "mij"sv,      "m"sv,
    "moi"sv,    "ons"sv,    "us"sv,   "eerst"sv,  "even"sv,     "first"sv,    "a"sv,
    "ik"sv,     "wij"sv,    "we"sv,   "i"sv,      "ll"sv,       "zal"sv,      "zullen"sv,
    "will"sv,   "k"sv,      "het"sv};

}  // namespace

std::optional<Found> call_at(const Normalized& n, std::size_t v, SpanRole& role,
                             const std::array<std::uint8_t, kMaxTokens>& taken,
                             const ConditionWords& lists) {
  const std::span<const std::string_view> modals = lists.words(WordList::kModals);
  const std::size_t lo = v >= 3 ? v - 3 : 0;
  const std::size_t hi = std::min(n.size(), v + 4);
  bool me = false, you = false, first = false, soon = false, back = false;
  for (std::size_t j = lo; j < hi; ++j) {
    if (j == v || !n.same_sentence(v, j)) continue;
    if (n.is(j, kMeWords)) me = true;
    // "kan je", "kunnen jullie", "kunt u": the subject of a request, not whom the family calls.
    if (n.is(j, kYouWords) && !(j > 0 && n.is(j - 1, modals)) &&
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

}  // namespace noodbel::reply
