#include "bot/text/utf8.h"

#include <string>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

std::string utf8_of(char32_t c) {
  std::string out;
  append_utf8(out, c);
  return out;
}

TEST(AppendUtf8, WritesOneToThreeBytesUpToTheEndOfTheBasicPlane) {
  EXPECT_EQ(utf8_of(U'A'), "A");
  EXPECT_EQ(utf8_of(0x7F), "\x7F");
  EXPECT_EQ(utf8_of(0xE9), "é");
  EXPECT_EQ(utf8_of(0x7FF), "\xDF\xBF");
  EXPECT_EQ(utf8_of(0x20AC), "€");
  EXPECT_EQ(utf8_of(0xFFFD), "\xEF\xBF\xBD");
}

TEST(AppendUtf8, WritesFourBytesForEmojiAndEveryCodePointBeyondTheBasicPlane) {
  EXPECT_EQ(utf8_of(0x1F44D), "👍");
  EXPECT_EQ(utf8_of(0x1F44D), "\xF0\x9F\x91\x8D");
  EXPECT_EQ(utf8_of(0x10000), "\xF0\x90\x80\x80");
  EXPECT_EQ(utf8_of(0x10FFFF), "\xF4\x8F\xBF\xBF");
}

TEST(AppendUtf8, AppendsToWhatIsAlreadyThere) {
  std::string out = "ja ";
  append_utf8(out, 0x1F44D);
  append_utf8(out, U'!');
  EXPECT_EQ(out, "ja 👍!");
}

}  // namespace
}  // namespace noodbel
