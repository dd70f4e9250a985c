#include "bot/text/ascii.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(AsciiClasses, KnowDigitsLettersAndSpaceOnlyInAscii) {
  EXPECT_TRUE(is_digit('0') && is_digit('9'));
  EXPECT_FALSE(is_digit('a') || is_digit('/') || is_digit(':'));
  EXPECT_TRUE(is_alpha('a') && is_alpha('Z'));
  EXPECT_FALSE(is_alpha('1') || is_alpha('@') || is_alpha('\xC3'));  // first byte of "é"
  EXPECT_TRUE(is_alnum('7') && is_alnum('q'));
  EXPECT_FALSE(is_alnum('_') || is_alnum('-'));
  for (const char c : std::string_view(" \t\n\v\f\r")) EXPECT_TRUE(is_space(c)) << int{c};
  EXPECT_FALSE(is_space('x') || is_space('\0') || is_space('\xA0'));  // 0xA0: inside "à"
}

TEST(LowerAscii, LowersOnlyAsciiLettersAndLeavesOtherBytesAlone) {
  EXPECT_EQ(lower_ascii('Q'), 'q');
  EXPECT_EQ(lower_ascii('4'), '4');
  EXPECT_EQ(lower_ascii("Content-Type: NÉE"), "content-type: nÉe");
  EXPECT_EQ(lower_ascii(""), "");
}

TEST(UpperAscii, UppersOnlyAsciiLettersAndLeavesOtherBytesAlone) {
  EXPECT_EQ(upper_ascii('q'), 'Q');
  EXPECT_EQ(upper_ascii("f12 née"), "F12 NéE");
}

TEST(AllDigits, IsTrueForANonEmptyRunOfZeroToNine) {
  EXPECT_TRUE(all_digits("0123456789"));
  EXPECT_FALSE(all_digits(""));
  EXPECT_FALSE(all_digits("12a"));
  EXPECT_FALSE(all_digits(" 12"));
  EXPECT_FALSE(all_digits("-1"));
}

TEST(IsAscii, IsFalseForAnyByteFromOneTwentyEightOn) {
  EXPECT_TRUE(is_ascii("Gent 9000 \x7F"));
  EXPECT_TRUE(is_ascii(""));
  EXPECT_FALSE(is_ascii("Liège"));
}

TEST(Trim, RemovesAsciiWhiteSpaceAtBothEndsOnly) {
  EXPECT_EQ(trim(" \t ja hoor \r\n"), "ja hoor");
  EXPECT_EQ(trim("\v\fx\f\v"), "x");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2\xA0ja"), "\xC2\xA0ja");  // a no-break space is not ASCII white space
}

}  // namespace
}  // namespace noodbel
