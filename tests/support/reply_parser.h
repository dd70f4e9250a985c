// The reply parser with the lexicon, date words and condition words the repository ships
// (config/lexicon/), built once per test binary with the core's own Lexicon::parse,
// DateWords::parse and ConditionWords::parse (tests of the core do not link the adapters' loaders),
// and parse_reply, the short form the parser's tests use. A load error throws, failing the test.
// Thread-safe (a function-local static).
#pragma once

#include <string_view>

#include "bot/reply/condition_words.h"
#include "bot/reply/date_words.h"
#include "bot/reply/parser.h"

namespace noodbel::test_data {

const ReplyParser& shipped_reply_parser();
// The date words as shipped:
// config/lexicon/{months,weekdays,numbers,durations,date-markers}.txt.
const reply::DateWords& shipped_date_words();
// The condition words as shipped: config/lexicon/conditions.txt.
const reply::ConditionWords& shipped_condition_words();

}  // namespace noodbel::test_data

namespace noodbel::testing {

// shipped_reply_parser().parse(text, ctx); the default context is today unknown.
ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx = {});

}  // namespace noodbel::testing
