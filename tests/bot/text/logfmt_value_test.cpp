#include "bot/text/logfmt_value.h"

#include <string>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(LogfmtValue, LeavesPlainTokensBareAndQuotesTheRest) {
  EXPECT_EQ(logfmt_value("sms"), "sms");
  EXPECT_EQ(logfmt_value(""), "\"\"");
  EXPECT_EQ(logfmt_value("two words"), "\"two words\"");
  EXPECT_EQ(logfmt_value("say \"hi\"\\now"), "\"say \\\"hi\\\"\\\\now\"");
  EXPECT_EQ(logfmt_value("a\nb\tc"), "\"a\\nb\\tc\"");
  EXPECT_EQ(logfmt_value("k=v"), "\"k=v\"");
  EXPECT_EQ(logfmt_value(std::string("bell\x07")), "\"bell\\u0007\"");
}

TEST(LogfmtValue, KeepsARequestValueFromPlantingAKey) {
  EXPECT_EQ(logfmt_value("K00 caseworker=C999"), "\"K00 caseworker=C999\"");
  EXPECT_EQ(logfmt_value("x\" forged=1"), "\"x\\\" forged=1\"");
  EXPECT_EQ(logfmt_value("a\\\" forged=1"), "\"a\\\\\\\" forged=1\"");
  EXPECT_EQ(logfmt_value("line\r\nforged=1"), "\"line\\r\\nforged=1\"");
}

TEST(LogfmtNeedsQuotes, IsTrueForEmptySpaceControlQuoteEqualsAndBackslash) {
  for (const char* quoted : {"", " ", "a b", "a=b", "a\"", "a\\", "a\n", "\x7f"}) {
    EXPECT_TRUE(logfmt_needs_quotes(quoted)) << quoted;
  }
  for (const char* bare : {"sms", "K00", "/board/K00", "tg:12:34", "caf\xc3\xa9"}) {
    EXPECT_FALSE(logfmt_needs_quotes(bare)) << bare;
  }
}

}  // namespace
}  // namespace noodbel
