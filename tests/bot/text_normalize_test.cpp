#include "bot/text_normalize.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(IsValidUtf8, AcceptsWellFormedAndRejectsBrokenSequences) {
  EXPECT_TRUE(is_valid_utf8("ja hoor \xF0\x9F\x91\x8D \xC3\xA9"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(FirstInvalidUtf8, IsTheByteOffsetOfTheFirstBrokenSequence) {
  EXPECT_EQ(first_invalid_utf8("caf\xC3\xA9"), 5U);
  EXPECT_EQ(first_invalid_utf8("ok \xF0\x9F\x91\x8D \xFF!"), 8U);
}

}  // namespace
}  // namespace noodbel
