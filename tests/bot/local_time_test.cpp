#include "bot/local_time.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

// UTC instants, checked against Python's zoneinfo.
constexpr UnixTime kWinterNoonUtc = 1768478400;   // Thu 2026-01-15 12:00 UTC = 13:00 CET
constexpr UnixTime kSummerNoonUtc = 1784116800;   // Wed 2026-07-15 12:00 UTC = 14:00 CEST
constexpr UnixTime kSpringJump = 1774746000;      // Sun 2026-03-29 01:00 UTC: 02:00 -> 03:00
constexpr UnixTime kAutumnFallBack = 1792890000;  // Sun 2026-10-25 01:00 UTC: 03:00 -> 02:00
constexpr UnixTime kTuesdayEvening = 1795541400;  // Tue 2026-11-24 18:30 CET

TEST(LocalTime, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(to_local(kWinterNoonUtc), (LocalDateTime{2026, 1, 15, 3, 13 * 60}));
}

TEST(LocalTime, SummerIsTwoHoursAheadOfUtc) {
  EXPECT_EQ(to_local(kSummerNoonUtc), (LocalDateTime{2026, 7, 15, 2, 14 * 60}));
}

TEST(LocalTime, WeekdayCountsFromMonday) {
  EXPECT_EQ(to_local(kTuesdayEvening).weekday, 1);
  EXPECT_EQ(to_local(kSpringJump).weekday, 6);  // Sunday
}

TEST(LocalTime, ClocksJumpForwardOnTheLastSundayOfMarch) {
  EXPECT_EQ(to_local(kSpringJump - 60).minute_of_day, 1 * 60 + 59);
  EXPECT_EQ(to_local(kSpringJump).minute_of_day, 3 * 60);
}

TEST(LocalTime, ClocksFallBackOnTheLastSundayOfOctober) {
  EXPECT_EQ(to_local(kAutumnFallBack - 60).minute_of_day, 2 * 60 + 59);
  EXPECT_EQ(to_local(kAutumnFallBack).minute_of_day, 2 * 60);
}

TEST(LocalTime, FromLocalInvertsToLocalInWinterAndSummer) {
  EXPECT_EQ(from_local(2026, 1, 15, 13 * 60), kWinterNoonUtc);
  EXPECT_EQ(from_local(2026, 7, 15, 14 * 60), kSummerNoonUtc);
  EXPECT_EQ(from_local(2026, 11, 24, 18 * 60 + 30), kTuesdayEvening);
}

TEST(LocalTime, ANonexistentSpringTimeIsTheInstantTheClocksJump) {
  EXPECT_EQ(from_local(2026, 3, 29, 2 * 60 + 30), kSpringJump);
}

TEST(LocalTime, AnAmbiguousAutumnTimeIsItsFirstOccurrence) {
  EXPECT_EQ(from_local(2026, 10, 25, 2 * 60 + 30), kAutumnFallBack - 30 * 60);
}

TEST(LocalTime, MinutesPastMidnightRunIntoTheNextDay) {
  EXPECT_EQ(from_local(2026, 11, 23, 24 * 60 + 18 * 60 + 30), kTuesdayEvening);
}

TEST(LocalTime, LocalMidnightFollowsTheLocalDateAcrossDst) {
  EXPECT_EQ(local_midnight(kTuesdayEvening), from_local(2026, 11, 24, 0));
  EXPECT_EQ(local_midnight(kTuesdayEvening, 1), from_local(2026, 11, 25, 0));
  // The day of the spring jump has 23 hours.
  EXPECT_EQ(local_midnight(kSpringJump, 1) - local_midnight(kSpringJump), 23 * 3600);
}

TEST(LocalTime, FormatsNumericDateTimeAndBoth) {
  EXPECT_EQ(format_local(kTuesdayEvening, "date"), "24/11");
  EXPECT_EQ(format_local(kTuesdayEvening, "time"), "18:30");
  EXPECT_EQ(format_local(kTuesdayEvening, "datetime"), "24/11 18:30");
  EXPECT_EQ(format_local(kWinterNoonUtc, "datetime"), "15/01 13:00");
}

TEST(LocalTime, ValidDatesFollowTheCalendar) {
  EXPECT_TRUE(is_valid_date(2028, 2, 29));
  EXPECT_FALSE(is_valid_date(2026, 2, 29));
  EXPECT_FALSE(is_valid_date(2026, 13, 1));
  EXPECT_FALSE(is_valid_date(2026, 4, 31));
  EXPECT_FALSE(is_valid_date(2026, 4, 0));
}

}  // namespace
}  // namespace noodbel
