// Step 3 of the reply parser, classifying words: call codes and command words.
#include <gtest/gtest.h>

#include "bot/reply/parsed_reply.h"
#include "support/reply_parser.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyClassify, CodeMustBeASeparateToken) {
  EXPECT_FALSE(parse_reply("ja K420").call_code.has_value());
  EXPECT_FALSE(parse_reply("ja AK42").call_code.has_value());
  EXPECT_FALSE(parse_reply("ja O42").call_code.has_value());
  EXPECT_EQ(parse_reply("ja (k42)").call_code, "K42");
  EXPECT_EQ(parse_reply("ja, Ｋ４２").call_code, "K42");  // full-width digits and letter
}

TEST(ReplyClassify, FirstOfSeveralCodesWins) {
  EXPECT_EQ(parse_reply("ja K42 niet B12").call_code, "K42");
}

TEST(ReplyClassify, CommandWordsLaterInAnAnswerDoNotCount) {
  EXPECT_EQ(parse_reply("ja, tot het einde van de week").intent, Intent::kYes);  // a limit
  EXPECT_EQ(parse_reply("we zijn beschikbaar voor K42").intent, Intent::kYes);
  EXPECT_NE(parse_reply("ja, max 2 nachten").intent, Intent::kDistance);
}

}  // namespace
}  // namespace noodbel
