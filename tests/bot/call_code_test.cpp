#include "bot/call_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bot/reply/parsed_reply.h"
#include "support/fake_random.h"

namespace noodbel {
namespace {

TEST(CallCodeGenerator, ProducesALetterOtherThanIOrOAndTwoDigits) {
  const FakeRandom random(1);
  const CallCodeGenerator gen(random);
  for (int i = 0; i < 500; ++i) {
    auto code = gen.next([](std::string_view) { return false; });
    ASSERT_TRUE(code.ok());
    EXPECT_TRUE(is_call_code(*code)) << *code;
  }
}

TEST(CallCodeGenerator, TheSameRandomBytesGiveTheSameCodes) {
  const FakeRandom random_a(42);
  const FakeRandom random_b(42);
  const CallCodeGenerator a(random_a);
  const CallCodeGenerator b(random_b);
  auto none = [](std::string_view) { return false; };
  for (int i = 0; i < 20; ++i) EXPECT_EQ(*a.next(none), *b.next(none));
}

TEST(CallCodeGenerator, NeverReturnsACodeInUse) {
  const FakeRandom random(7);
  const CallCodeGenerator gen(random);
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
  const FakeRandom random(3);
  const CallCodeGenerator gen(random);
  auto code = gen.next([](std::string_view c) { return c != "Q17"; });
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "Q17");
}

TEST(CallCodeGenerator, TakesTheFirstFreeCodeInOrderWhenTheRandomFails) {
  FakeRandom random(3);
  random.fail_from_now_on();
  const CallCodeGenerator gen(random);
  EXPECT_EQ(*gen.next([](std::string_view) { return false; }), "A00");
  EXPECT_EQ(*gen.next([](std::string_view c) { return c == "A00"; }), "A01");
}

TEST(CallCodeGenerator, ReportsUnavailableWhenAllCodesAreTaken) {
  const FakeRandom random(3);
  const CallCodeGenerator gen(random);
  auto code = gen.next([](std::string_view) { return true; });
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(code.error().message.find("2,400"), std::string::npos);
}

}  // namespace
}  // namespace noodbel
