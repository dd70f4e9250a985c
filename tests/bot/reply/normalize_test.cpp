// Step 1 of the reply parser, normalising: odd bytes, long texts and random input never
// break it.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyNormalize, InvalidUtf8AndControlBytesDoNotBreakParsing) {
  EXPECT_EQ(parse_reply("ja\xff\xfe").intent, Intent::kYes);
  EXPECT_EQ(parse_reply(std::string("nee\0K42", 7)).intent, Intent::kNo);
  EXPECT_EQ(parse_reply(std::string("nee\0K42", 7)).call_code, "K42");
}

TEST(ReplyNormalize, VeryLongMessagesAreCutNotCrashed) {
  std::string text = "ja";
  for (int i = 0; i < 5000; ++i) text += " bla";
  EXPECT_EQ(parse_reply(text).intent, Intent::kYes);
}

TEST(ReplyNormalize, RandomBytesAndCodePointsNeverBreakParsing) {
  std::mt19937 rng(20261122);
  const std::vector<std::string> pieces = {"ja",
                                           "nee",
                                           " ",
                                           "?",
                                           ".",
                                           "/",
                                           "5",
                                           "12",
                                           "K42",
                                           "\xF0\x9F\x91\x8D",
                                           "\xC3\xA9",
                                           "\xEF\xBC\xAB",
                                           "pauze",
                                           "tot",
                                           "afstand",
                                           "maar",
                                           "\xff",
                                           "\n",
                                           "ﬁ",
                                           "ǄǄǄ",
                                           "\xE0\xA4\xB7\xE0\xA5\x8D"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 400);
    for (int i = 0; i < parts; ++i) {
      if (rng() % 4 == 0) {
        text.push_back(static_cast<char>(rng() % 256));
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    const ParsedReply r = parse_reply(text, kSunday);
    EXPECT_NE(to_string(r.intent), "") << text;
    if (r.call_code) {
      EXPECT_TRUE(is_call_code(*r.call_code)) << text;
    }
    if (r.until) {
      EXPECT_TRUE(reply_context_from_iso(*r.until).has_value()) << text;
    }
    if (r.note) {
      EXPECT_NE(text.find(*r.note), std::string::npos) << text;
    }
    for (const Condition& c : r.conditions) {
      EXPECT_NE(text.find(c.words), std::string::npos) << text;
    }
  }
}

}  // namespace
}  // namespace noodbel
