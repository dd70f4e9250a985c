// Start times and time limits of an answer, resolved against the moment of the message.
#include <gtest/gtest.h>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyTimes, StartTimesResolveAgainstTheMomentOfTheMessage) {
  const Condition c = only_condition("vanaf 18u");
  EXPECT_EQ(c.kind, ConditionKind::kFrom);
  EXPECT_EQ(c.from_day, "2026-12-07");
  EXPECT_EQ(c.from_minute, 18 * 60);
  const Condition soon = only_condition("over een uurtje");
  EXPECT_EQ(soon.in_minutes, 60);
  EXPECT_EQ(soon.from_day, "2026-12-07");
  EXPECT_EQ(soon.from_minute, 2 * 60 + 40);
  // At 23:30 an hour from now is tomorrow; at 23:00 18:00 is tomorrow's; at 18:30 today's.
  const Condition late = only_condition("over een uurtje", ReplyContext{2026, 12, 7, 23 * 60 + 30});
  EXPECT_EQ(late.from_day, "2026-12-08");
  EXPECT_EQ(late.from_minute, 30);
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7, 23 * 60}).from_day, "2026-12-08");
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7, 18 * 60 + 30}).from_day,
            "2026-12-07");
  // "morgen" said at night is the day after the night; in the afternoon it is tomorrow.
  const Condition morning = only_condition("morgen vanaf 9u");
  EXPECT_EQ(morning.from_day, "2026-12-07");
  EXPECT_EQ(morning.from_minute, 9 * 60);
  EXPECT_EQ(only_condition("morgen vanaf 9u", ReplyContext{2026, 12, 7, 14 * 60}).from_day,
            "2026-12-08");
  EXPECT_EQ(only_condition("ja vanavond om 8u").from_minute, 20 * 60);
  EXPECT_EQ(only_condition("yes after 6pm").from_minute, 18 * 60);
  // Without the minute the start day is today; without the date only the hour is known.
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7}).from_day, "2026-12-07");
  const Condition unknown = parse_reply("vanaf 18u").conditions.at(0);
  EXPECT_FALSE(unknown.from_day.has_value());
  EXPECT_EQ(unknown.from_minute, 18 * 60);
  const Condition after_school = only_condition("ja maar pas na school");
  EXPECT_EQ(after_school.kind, ConditionKind::kFrom);
  EXPECT_FALSE(after_school.from_minute.has_value());
  EXPECT_EQ(after_school.words, "pas na school");
}

TEST(ReplyTimes, TotZondagIsTheNextSundayOrTodayOnASunday) {
  EXPECT_EQ(only_condition("ja tot zondag").last_day, "2026-12-13");
  EXPECT_EQ(only_condition("ja tot zondag", kSunday).last_day, "2026-11-22");
  EXPECT_EQ(only_condition("ja, tot 3 december", kSunday).last_day, "2026-12-03");
}

}  // namespace
}  // namespace noodbel
