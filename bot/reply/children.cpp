// How many children a family takes, as a condition: "maar 1 kind", "max 2 kinderen",
// "plaats voor 2", "geen broers en zussen", "pas de fratrie".
#include "bot/reply/children.h"

#include <span>

#include "bot/reply/condition_words.h"
#include "bot/reply/dates.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

constexpr int kMaxChildren = 10;

// How many tokens the first [siblings] phrase that matches at token t covers; 0 none.
std::size_t siblings_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  return match_first(n, t, lists.words(WordList::kSiblings));
}

}  // namespace

std::optional<Found> children_at(const Normalized& n, std::size_t t, const DateWords& words,
                                 const ConditionWords& lists) {
  const std::span<const std::string_view> child_nouns = lists.words(WordList::kChildNouns);
  std::size_t s = t;
  // "geen broers en zussen", "pas de fratrie", "no siblings", "niet met broers of zussen".
  std::size_t neg = 0;
  if (n.is(s, {"geen"sv, "gene"sv, "no"sv, "not"sv, "zonder"sv, "sans"sv}))
    neg = 1;
  else if (n.match(s, "niet met"sv) != 0)
    neg = 2;
  else if (n.match(s, "pas de"sv) != 0 || n.match(s, "pas d"sv) != 0 ||
           n.match(s, "pas les"sv) != 0)
    neg = 2;
  if (neg != 0) {
    const std::size_t k = siblings_at(n, s + neg, lists);
    if (k == 0) return std::nullopt;
    Found h{t, s + neg + k, {}};
    h.v.kind = ConditionKind::kChildren;
    h.v.max_children = 1;
    h.negative = true;
    return h;
  }
  const bool room =
      t > 0 && n.is(t - 1, {"plaats"sv, "plek"sv, "ruimte"sv, "room"sv, "place"sv, "space"sv}) &&
      n.is(t, {"voor"sv, "for"sv, "pour"sv});
  if (room) ++s;
  bool prefixed = room;
  if (!room) {
    if (const std::size_t k = n.match(s, "niet meer dan"sv) + n.match(s, "no more than"sv) +
                              n.match(s, "not more than"sv) + n.match(s, "pas plus de"sv)) {
      s += k;
      prefixed = true;
    }
    while (s < t + 2 && n.is(s, lists.words(WordList::kCountPrefixes)) &&
           !(n.is(s, {"un"sv, "une"sv}) && n.is(s + 1, child_nouns))) {
      ++s;
      prefixed = true;
    }
  }
  if (s >= n.size() || !n.same_sentence(t, s)) return std::nullopt;
  int count = count_of(n.word(s), words);
  std::size_t k = s + 1;
  if (n.is(k, {"seul"sv, "seule"sv, "single"sv})) ++k;
  if (count < 0 && n.is(s, {"seul"sv, "seule"sv, "single"sv})) count = 1;
  if (count < 1 || count > kMaxChildren) return std::nullopt;
  const bool noun = n.is(k, child_nouns) && n.same_sentence(s, k);
  if (!noun && !room) return std::nullopt;
  if (!prefixed && t > 0 &&
      n.is(t - 1, {"al"sv, "reeds"sv, "already"sv, "deja"sv, "zelf"sv, "eigen"sv, "own"sv, "de"sv,
                   "die"sv, "les"sv, "the"sv, "both"sv, "onze"sv, "our"sv, "nos"sv})) {
    return std::nullopt;
  }
  std::size_t end = noun ? k + 1 : k;
  if (n.is(end, lists.words(WordList::kLimitSuffix)) && n.same_sentence(s, end)) ++end;
  Found h{t, end, {}};
  h.v.kind = ConditionKind::kChildren;
  h.v.max_children = count;
  return h;
}

}  // namespace noodbel::reply
