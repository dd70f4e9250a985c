// For the reply parser's tests: the moments they read messages at, and short forms of
// "parse, then check the one thing this test is about". Test code only.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "support/reply_parser.h"

namespace noodbel::testing {

// Sunday 22 November 2026, as the corpus test.
inline constexpr ReplyContext kSunday{2026, 11, 22};

// Monday 7 December 2026 at 01:40, the moment of the user test.
inline constexpr ReplyContext kMondayNight{2026, 12, 7, 1 * 60 + 40};

// The last day of the pause `text` asks for (checked to be a pause).
inline std::optional<std::string> until_on(std::string_view text,
                                           const ReplyContext& today = kSunday) {
  const ParsedReply r = parse_reply(text, today);
  EXPECT_EQ(r.intent, Intent::kPause) << "text: " << text;
  return r.until;
}

// The one condition of `text` (checked to be one).
inline Condition only_condition(std::string_view text, const ReplyContext& ctx = kMondayNight) {
  const ParsedReply r = parse_reply(text, ctx);
  EXPECT_EQ(r.conditions.size(), 1u) << "text: " << text;
  return r.conditions.empty() ? Condition{} : r.conditions.front();
}

}  // namespace noodbel::testing
