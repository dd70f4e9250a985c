// Internal to the reply parser: the condition scanner's gate, one look-up per word telling
// which condition readers may open at it, whether it is a call verb, and which conditions it
// anchors. Built by ReplyParser's constructor from its ConditionWords; read-only afterwards,
// so thread-safe; cheap to copy (the table is shared). Not part of the parser's contract.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "bot/guard/word_set.h"
#include "bot/reply/condition_words.h"
#include "bot/reply/date_words.h"

namespace noodbel::reply {

enum OpenerBit : std::uint16_t {
  kTransport = 1,
  kChildren = 2,
  kAges = 4,
  kLimit = 8,
  kFrom = 16,
  kCall = 32,  // a call verb (first pass)
  // Anchors: a condition of the kind holds one of these (or a number) near its start.
  kAgeWord = 64,         // "baby", "pubers", "kinderen"
  kTransportHead = 128,  // "rijden", "auto", "gebracht"
  kLimitWord = 256,      // "nachten", "weekend", "kort", "zondag"
  kFromWord = 512,       // "morgen", "uur", "straks", "school", "zaterdag"
};

class ConditionGate {
 public:
  explicit ConditionGate(const ConditionWords& words);

  // The OpenerBits of `w`: those of its lists, and for numbers, number words, weekdays and
  // months those `dates` implies.
  std::uint16_t bits(std::string_view w, const DateWords& dates) const;

 private:
  std::shared_ptr<const WordMap<std::uint16_t>> table_;
};

}  // namespace noodbel::reply
