// ReplyParser: what a family means by a free-text message ("ja hoor", "nee sorry K42", "👍",
// "pauze tot 5/1", "afstand 40"), read with the lexicon, the date words and the condition
// word lists it is given (loaded from config/lexicon/ by adapters/data/reply_lexicon_loader.h).
// Const after construction: thread-safe; cheap to copy.
#pragma once

#include <string_view>
#include <utility>

#include "bot/reply/condition_gate.h"
#include "bot/reply/condition_words.h"
#include "bot/reply/context.h"
#include "bot/reply/date_words.h"
#include "bot/reply/lexicon.h"
#include "bot/reply/parsed_reply.h"

namespace noodbel {

class ReplyParser {
 public:
  // Builds the condition scanner's gate from `condition_words`.
  ReplyParser(reply::Lexicon lexicon, reply::DateWords date_words,
              reply::ConditionWords condition_words)
      : lexicon_(std::move(lexicon)),
        date_words_(std::move(date_words)),
        condition_words_(std::move(condition_words)),
        gate_(condition_words_) {}

  ParsedReply parse(std::string_view text, const ReplyContext& ctx) const;
  ParsedReply parse(std::string_view text) const;  // today unknown

 private:
  reply::Lexicon lexicon_;
  reply::DateWords date_words_;
  reply::ConditionWords condition_words_;
  reply::ConditionGate gate_;  // after condition_words_, built from it
};

}  // namespace noodbel
