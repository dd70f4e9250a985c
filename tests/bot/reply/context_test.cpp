// ReplyContext: the moment a message is read, from "YYYY-MM-DD" and "YYYY-MM-DD HH:MM".
#include <gtest/gtest.h>

#include <optional>

#include "bot/reply/context.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyContext, TodayIsReadOnlyFromARealIsoDate) {
  const std::optional<ReplyContext> today = reply_context_from_iso("2026-11-22");
  ASSERT_TRUE(today.has_value());
  EXPECT_EQ(today->year, 2026);
  EXPECT_EQ(today->month, 11);
  EXPECT_EQ(today->day, 22);
  for (const char* bad : {"", "2026-11-2", "22/11/2026", "2026-13-01", "2026-02-30", "2026-1a-01",
                          "2026-11-22x", "20261122", "2026--1-22", "-026-11-22"}) {
    EXPECT_FALSE(reply_context_from_iso(bad).has_value()) << bad;
  }
}

TEST(ReplyContext, ContextWithATimeIsReadFromDateAndMinute) {
  const std::optional<ReplyContext> ctx = reply_context_from_text("2026-12-07 01:40");
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->day, 7);
  EXPECT_EQ(ctx->minute, 100);
  EXPECT_EQ(reply_context_from_text("2026-12-07")->minute, -1);
  for (const char* bad : {"2026-12-07 24:00", "2026-12-07 1:40", "2026-12-07T01:40",
                          "2026-12-07 01:60", "2026-13-07 01:40", "2026-12-07 01:4x", ""}) {
    EXPECT_FALSE(reply_context_from_text(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace noodbel
