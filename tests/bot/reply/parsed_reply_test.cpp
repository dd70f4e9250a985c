// ParsedReply and its helpers: call codes, intent names, words for the caseworker.
#include <gtest/gtest.h>

#include "bot/reply/parsed_reply.h"
#include "support/reply_parser.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ParsedReply, CallCodeIsOneLetterExceptIAndOThenTwoDigits) {
  EXPECT_TRUE(is_call_code("K42"));
  EXPECT_TRUE(is_call_code("A00"));
  EXPECT_FALSE(is_call_code("I42"));
  EXPECT_FALSE(is_call_code("O42"));
  EXPECT_FALSE(is_call_code("k42"));
  EXPECT_FALSE(is_call_code("K4"));
  EXPECT_FALSE(is_call_code("K420"));
  EXPECT_FALSE(is_call_code("KK2"));
}

TEST(ParsedReply, WordsForTheCaseworkerAreTheConditionsThenTheNote) {
  EXPECT_EQ(words_for_caseworker(parse_reply("ja maar pas vanaf 18u, bel eerst even")),
            "pas vanaf 18u; bel eerst even");
  EXPECT_EQ(words_for_caseworker(parse_reply("ja voor 1 nacht, we hebben een hond")),
            "voor 1 nacht; we hebben een hond");
  EXPECT_EQ(words_for_caseworker(parse_reply("moet overleggen met mijn man")),
            "moet overleggen met mijn man");
  EXPECT_EQ(words_for_caseworker(parse_reply("ja hoor")), "");
}

TEST(ParsedReply, IntentNamesAreStable) {
  EXPECT_EQ(to_string(Intent::kYes), "yes");
  EXPECT_EQ(to_string(Intent::kMaybe), "maybe");
  EXPECT_EQ(to_string(Intent::kDistance), "distance");
  EXPECT_EQ(to_string(Intent::kUnknown), "unknown");
}

}  // namespace
}  // namespace noodbel
