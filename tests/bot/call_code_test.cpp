#include "bot/call_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bot/reply_parser.h"

namespace noodbel {
namespace {

TEST(CallCodeGenerator, ProducesALetterOtherThanIOrOAndTwoDigits) {
  CallCodeGenerator gen(1);
  for (int i = 0; i < 500; ++i) {
    auto code = gen.next([](std::string_view) { return false; });
    ASSERT_TRUE(code.ok());
    EXPECT_TRUE(is_call_code(*code)) << *code;
  }
}

TEST(CallCodeGenerator, SameSeedGivesTheSameCodes) {
  CallCodeGenerator a(42);
  CallCodeGenerator b(42);
  auto none = [](std::string_view) { return false; };
  for (int i = 0; i < 20; ++i) EXPECT_EQ(*a.next(none), *b.next(none));
}

TEST(CallCodeGenerator, NeverReturnsACodeInUse) {
  CallCodeGenerator gen(7);
  std::set<std::string, std::less<>> used;
  auto in_use = [&](std::string_view c) { return used.find(c) != used.end(); };
  for (int i = 0; i < 2400; ++i) {
    auto code = gen.next(in_use);
    ASSERT_TRUE(code.ok()) << "after " << i << " codes: " << code.error().message;
    EXPECT_TRUE(used.insert(*code).second) << *code;
  }
  EXPECT_EQ(used.size(), 2400u);
}

TEST(CallCodeGenerator, FindsTheLastFreeCodeByScanning) {
  CallCodeGenerator gen(3);
  auto code = gen.next([](std::string_view c) { return c != "Q17"; });
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "Q17");
}

TEST(CallCodeGenerator, ReportsUnavailableWhenAllCodesAreTaken) {
  CallCodeGenerator gen(3);
  auto code = gen.next([](std::string_view) { return true; });
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(code.error().message.find("2,400"), std::string::npos);
}

}  // namespace
}  // namespace noodbel
