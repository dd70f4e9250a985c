// Transport as a condition: "kunnen niet rijden", "geen auto", "moet gebracht worden",
// "can't drive", "pas de voiture".
#include "bot/reply/transport.h"

#include <span>

#include "bot/reply/condition_words.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

using namespace std::string_view_literals;

}  // namespace

std::optional<Found> transport_at(const Normalized& n, std::size_t t, const ConditionWords& lists) {
  const std::span<const std::string_view> modals = lists.words(WordList::kModals);
  const std::string_view w = n.word(t);
  // "moet gebracht worden", "iemand moet haar brengen", "needs to be brought", "il faut l'amener".
  if (n.is(t, {"moet"sv, "moeten"sv, "must"sv, "needs"sv, "need"sv, "faut"sv, "doit"sv, "should"sv,
               "has"sv, "have"sv})) {
    for (std::size_t j = t + 1; j < n.size() && j <= t + 4 && n.same_sentence(t, j); ++j) {
      if (!n.is(j, {"gebracht"sv, "brengen"sv, "brought"sv, "amener"sv, "amene"sv, "amenee"sv,
                    "deposer"sv, "depose"sv, "bring"sv, "dropped"sv, "gevoerd"sv, "voeren"sv}) &&
          !n.is(j,
                {"to"sv, "be"sv, "worden"sv, "hem"sv, "haar"sv, "ze"sv, "het"sv, "him"sv, "her"sv,
                 "them"sv, "l"sv, "le"sv, "la"sv, "etre"sv, "iemand"sv, "someone"sv, "off"sv})) {
        break;
      }
      if (n.is(j, {"gebracht"sv, "brengen"sv, "brought"sv, "amener"sv, "amene"sv, "amenee"sv,
                   "deposer"sv, "depose"sv, "bring"sv, "dropped"sv, "gevoerd"sv, "voeren"sv})) {
        std::size_t first = t;
        if (t > 0 &&
            n.is(t - 1,
                 {"iemand"sv, "someone"sv, "jullie"sv, "u"sv, "vous"sv, "you"sv, "hij"sv, "zij"sv,
                  "ze"sv, "il"sv, "elle"sv, "he"sv, "she"sv, "het"sv, "hem"sv, "l"sv, "it"sv}) &&
            n.same_sentence(t - 1, t)) {
          --first;
        }
        std::size_t end = j + 1;
        if (n.is(end, {"worden"sv, "be"sv, "etre"sv})) ++end;
        Found h{first, end, {}};
        h.v.kind = ConditionKind::kTransport;
        return h;
      }
    }
    return std::nullopt;
  }
  const bool negator =
      n.is(t, {"niet"sv, "nie"sv, "geen"sv, "gene"sv, "zonder"sv, "no"sv, "not"sv, "cannot"sv,
               "ne"sv, "n"sv, "sans"sv, "dont"sv}) ||
      (w == "t"sv && t > 0 && n.is(t - 1, {"can"sv, "don"sv, "couldn"sv, "won"sv})) ||
      (w == "pas"sv && n.is(t + 1, {"de"sv, "d"sv}));
  if (!negator) return std::nullopt;
  for (std::size_t j = t + 1; j < n.size() && j <= t + 5 && n.same_sentence(t, j); ++j) {
    if (n.is(j, lists.words(WordList::kDriveHeads)) || n.is(j, lists.words(WordList::kCarHeads))) {
      if (n.is(j, {"brengen"sv, "voeren"sv}) && w != "niet"sv && w != "nie"sv) return std::nullopt;
      std::size_t first = t;
      if (w == "t"sv) --first;  // "can't"
      if (first > 0 && n.is(first - 1, modals) && n.same_sentence(first - 1, first)) {
        --first;
      } else if (first > 1 && n.is(first - 2, modals) && n.same_sentence(first - 2, first)) {
        first -= 2;  // "kunnen hem niet komen halen"
      }
      std::size_t end = j + 1;
      while (end < j + 3 &&
             n.is(end, {"up"sv, "seat"sv, "him"sv, "her"sv, "them"sv, "it"sv, "hem"sv, "haar"sv,
                        "le"sv, "la"sv}) &&
             n.same_sentence(j, end)) {
        ++end;
      }
      Found h{first, end, {}};
      h.v.kind = ConditionKind::kTransport;
      h.negative = n.is(t, {"geen"sv, "gene"sv, "no"sv});
      return h;
    }
    if (!n.is(j, lists.words(WordList::kTransportGap))) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace noodbel::reply
