#include "bot/guard/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/shipped_data.h"

namespace noodbel {
namespace {

std::vector<Token> tokens_of(std::string_view text) {
  return tokenize(text, test_data::shipped_lexicon());
}

TEST(GuardTokenizer, SplitsWordsNumbersAndSymbolsWithTheirByteOffsets) {
  const std::vector<Token> tokens = tokens_of("Zoë, 12 jaar");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_TRUE(tokens[0].is_word());
  EXPECT_EQ(tokens[0].folded, "zoe");
  EXPECT_EQ(tokens[0].end, 4u);  // "ë" is two bytes
  EXPECT_TRUE(tokens[1].is_symbol(","));
  EXPECT_TRUE(tokens[2].is_number());
  EXPECT_EQ(tokens[2].folded, "12");
  EXPECT_EQ(tokens[3].start, 9u);
  EXPECT_NE(tokens[3].flags & kUnit, 0u);
}

TEST(GuardTokenizer, JoinsInnerHyphensAndMarksCase) {
  const std::vector<Token> tokens = tokens_of("Anne-Sophie ZOË x-");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].folded, "anne-sophie");
  EXPECT_TRUE(tokens[0].upper);
  EXPECT_FALSE(tokens[0].all_upper);
  EXPECT_TRUE(tokens[1].all_upper);
  EXPECT_EQ(tokens[2].folded, "x");
  EXPECT_TRUE(tokens[3].is_symbol("-"));
}

TEST(GuardTokenizer, MarksSentenceStartsLineBreaksAndSpaces) {
  const std::vector<Token> tokens = tokens_of("Emma zag Bram. Daarna\n(Lotte)");
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_TRUE(tokens[0].sentence_start);
  EXPECT_FALSE(tokens[2].sentence_start);
  EXPECT_TRUE(tokens[4].sentence_start);
  EXPECT_TRUE(tokens[4].space_before);
  EXPECT_FALSE(tokens[3].space_before);
  EXPECT_TRUE(tokens[5].newline_before);
  EXPECT_TRUE(tokens[6].sentence_start);  // after "(" at the start of a line
}

TEST(GuardTokenizer, TurnsInvalidBytesIntoOneByteSymbols) {
  const std::vector<Token> tokens = tokens_of("a\xFF b");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].type, TokenType::kSymbol);
  EXPECT_EQ(tokens[1].end - tokens[1].start, 1u);
}

}  // namespace
}  // namespace noodbel
