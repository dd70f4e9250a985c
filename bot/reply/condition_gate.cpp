#include "bot/reply/condition_gate.h"

#include <utility>

#include "bot/reply/word_lists.h"
#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

struct Openers {
  OpenerBit bit;
  WordList list;
};

constexpr Openers kOpeners[] = {{kTransport, WordList::kTransportOpeners},
                                {kChildren, WordList::kChildrenOpeners},
                                {kAges, WordList::kAgesOpeners},
                                {OpenerBit(kAges | kAgeWord), WordList::kBabyWords},
                                {OpenerBit(kAges | kAgeWord), WordList::kTeenWords},
                                {OpenerBit(kAges | kAgeWord), WordList::kChildNouns},
                                {kLimit, WordList::kLimitOpeners},
                                {kFrom, WordList::kFromOpeners},
                                {kCall, WordList::kCallVerbs},
                                {kTransportHead, WordList::kTransportHeads},
                                {kLimitWord, WordList::kLimitAnchors},
                                {kFromWord, WordList::kStartAnchors},
                                {OpenerBit(kFrom | kFromWord | kLimitWord), WordList::kDayWords}};

}  // namespace

ConditionGate::ConditionGate(const ConditionWords& words) {
  WordMap<std::uint16_t> table;
  for (const Openers& o : kOpeners) {
    for (const std::string_view word : words.words(o.list)) {
      const auto it = table.try_emplace(std::string(word), 0).first;
      it->second |= o.bit;
    }
  }
  table_ = std::make_shared<const WordMap<std::uint16_t>>(std::move(table));
}

std::uint16_t ConditionGate::bits(std::string_view w, const DateWords& dates) const {
  if (w.empty()) return 0;
  if (is_digit(w[0])) return kChildren | kAges | kLimit | kFrom | kAgeWord | kLimitWord | kFromWord;
  const auto it = table_->find(w);
  std::uint16_t bits = it == table_->end() ? 0 : it->second;
  if (dates.number_of(w) > 0) bits |= kChildren | kLimit | kLimitWord;
  if (dates.month_of(w) > 0 || dates.weekday_of(w) >= 0) bits |= kFrom | kFromWord | kLimitWord;
  return bits;
}

}  // namespace noodbel::reply
