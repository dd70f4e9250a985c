#include "bot/digest_schedule.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace noodbel {
namespace {

// Instants written out in UTC (checked against the IANA zone), so the tests do not rely
// on the conversion code they test.
constexpr int kDigestMinute = 7 * 60 + 30;           // 07:30
constexpr UnixTime kNov23At0730 = 1'795'415'400;     // 2026-11-23 07:30 CET (06:30 UTC)
constexpr UnixTime kMar29At0730 = 1'774'762'200;     // 2026-03-29 07:30 CEST (05:30 UTC)
constexpr UnixTime kMar28At0730 = 1'774'679'400;     // 2026-03-28 07:30 CET (06:30 UTC)
constexpr UnixTime kOct25At0730 = 1'792'909'800;     // 2026-10-25 07:30 CET (06:30 UTC)
constexpr UnixTime kMar29At0300 = 1'774'746'000;     // 2026-03-29 03:00 CEST: the jump
constexpr UnixTime kOct25At0230First = 1'792'888'200;   // 02:30 CEST (00:30 UTC)
constexpr UnixTime kOct25At0230Second = 1'792'891'800;  // 02:30 CET (01:30 UTC)
constexpr UnixTime kNov23Midnight = 1'795'388'400;   // 2026-11-23 00:00 CET
constexpr UnixTime kOct26At0700 = 1'792'994'400;     // 2026-10-26 07:00 CET
constexpr UnixTime kJan02At0800 = 1'798'873'200;     // 2027-01-02 08:00 CET
constexpr int kHour = 3600;

LocalDate d(int y, int m, int day) { return {y, m, day}; }
using Dates = std::vector<LocalDate>;

TEST(DigestSchedule, DueAtIsTheBrusselsDigestTimeInWinterAndSummer) {
  EXPECT_EQ(digest_due_at(d(2026, 11, 23), kDigestMinute), kNov23At0730);
  EXPECT_EQ(digest_due_at(d(2026, 3, 28), kDigestMinute), kMar28At0730);
  EXPECT_EQ(digest_due_at(d(2026, 3, 29), kDigestMinute), kMar29At0730);
  EXPECT_EQ(digest_due_at(d(2026, 10, 25), kDigestMinute), kOct25At0730);
}

TEST(DigestSchedule, NothingIsDueOnAFreshDatabaseBeforeTheDigestTime) {
  EXPECT_EQ(due_digest_dates(kNov23At0730 - 60, kDigestMinute, std::nullopt), Dates{});
}

TEST(DigestSchedule, AFreshDatabaseGetsOnlyTodaysDigestOnceItsTimeHasPassed) {
  EXPECT_EQ(due_digest_dates(kNov23At0730, kDigestMinute, std::nullopt), Dates{d(2026, 11, 23)});
  EXPECT_EQ(due_digest_dates(kNov23At0730 + 15 * kHour, kDigestMinute, std::nullopt),
            Dates{d(2026, 11, 23)});
}

TEST(DigestSchedule, TodaysDigestIsDueFromItsMinuteOn) {
  const auto yesterday = d(2026, 11, 22);
  EXPECT_EQ(due_digest_dates(kNov23At0730 - 1, kDigestMinute, yesterday), Dates{});
  EXPECT_EQ(due_digest_dates(kNov23At0730, kDigestMinute, yesterday), Dates{d(2026, 11, 23)});
}

TEST(DigestSchedule, NothingIsDueOnceTodaysDigestWasSent) {
  EXPECT_EQ(due_digest_dates(kNov23At0730 + 60, kDigestMinute, d(2026, 11, 23)), Dates{});
  EXPECT_EQ(due_digest_dates(kNov23At0730 + 16 * kHour, kDigestMinute, d(2026, 11, 23)),
            Dates{});
}

TEST(DigestSchedule, OnTheSpringDstDayTheDigestComesAtSevenThirtySummerTime) {
  const auto sent = d(2026, 3, 28);
  EXPECT_EQ(due_digest_dates(kMar29At0730 - 1, kDigestMinute, sent), Dates{});
  EXPECT_EQ(due_digest_dates(kMar29At0730, kDigestMinute, sent), Dates{d(2026, 3, 29)});
  // An hour later by the old offset nothing more is due.
  EXPECT_EQ(due_digest_dates(kMar29At0730 + kHour, kDigestMinute, d(2026, 3, 29)), Dates{});
}

TEST(DigestSchedule, OnTheAutumnDstDayTheDigestComesAtSevenThirtyWinterTime) {
  const auto sent = d(2026, 10, 24);
  // 06:30 local (05:30 UTC) would be 07:30 by summer time: not yet.
  EXPECT_EQ(due_digest_dates(kOct25At0730 - kHour, kDigestMinute, sent), Dates{});
  EXPECT_EQ(due_digest_dates(kOct25At0730 - 1, kDigestMinute, sent), Dates{});
  EXPECT_EQ(due_digest_dates(kOct25At0730, kDigestMinute, sent), Dates{d(2026, 10, 25)});
}

TEST(DigestSchedule, ADigestTimeInTheSkippedSpringHourIsDueWhenTheClocksJump) {
  const int at_0230 = 2 * 60 + 30;
  EXPECT_EQ(digest_due_at(d(2026, 3, 29), at_0230), kMar29At0300);
  EXPECT_EQ(due_digest_dates(kMar29At0300 - 1, at_0230, d(2026, 3, 28)), Dates{});
  EXPECT_EQ(due_digest_dates(kMar29At0300, at_0230, d(2026, 3, 28)), Dates{d(2026, 3, 29)});
}

TEST(DigestSchedule, ADigestTimeInTheRepeatedAutumnHourIsSentOnlyAtItsFirstOccurrence) {
  const int at_0230 = 2 * 60 + 30;
  EXPECT_EQ(digest_due_at(d(2026, 10, 25), at_0230), kOct25At0230First);
  EXPECT_EQ(due_digest_dates(kOct25At0230First, at_0230, d(2026, 10, 24)),
            Dates{d(2026, 10, 25)});
  EXPECT_EQ(due_digest_dates(kOct25At0230Second, at_0230, d(2026, 10, 25)), Dates{});
}

TEST(DigestSchedule, AMidnightDigestBelongsToTheNewDay) {
  EXPECT_EQ(due_digest_dates(kNov23Midnight - 1, 0, d(2026, 11, 22)), Dates{});
  EXPECT_EQ(due_digest_dates(kNov23Midnight, 0, d(2026, 11, 22)), Dates{d(2026, 11, 23)});
}

TEST(DigestSchedule, ADigestAtTheLastMinuteOfTheDayIsDueOnlyThen) {
  const int at_2359 = 23 * 60 + 59;
  EXPECT_EQ(due_digest_dates(kNov23Midnight - 61, at_2359, d(2026, 11, 21)), Dates{});
  EXPECT_EQ(due_digest_dates(kNov23Midnight - 60, at_2359, d(2026, 11, 21)),
            Dates{d(2026, 11, 22)});
}

TEST(DigestSchedule, ARestartAfterThreeDaysSendsEachMissedDateOnce) {
  const auto sent = d(2026, 11, 20);
  EXPECT_EQ(due_digest_dates(kNov23At0730 + kHour, kDigestMinute, sent),
            (Dates{d(2026, 11, 21), d(2026, 11, 22), d(2026, 11, 23)}));
  // Before today's time, today's waits.
  EXPECT_EQ(due_digest_dates(kNov23At0730 - kHour, kDigestMinute, sent),
            (Dates{d(2026, 11, 21), d(2026, 11, 22)}));
}

TEST(DigestSchedule, ALongDowntimeSendsOnlyTheLastSevenDates) {
  const Dates due = due_digest_dates(kNov23At0730, kDigestMinute, d(2026, 10, 1));
  ASSERT_EQ(due.size(), static_cast<std::size_t>(kDigestCatchUpDays));
  EXPECT_EQ(due.front(), d(2026, 11, 17));
  EXPECT_EQ(due.back(), d(2026, 11, 23));
}

TEST(DigestSchedule, MissedDatesRunAcrossTheAutumnDstChange) {
  EXPECT_EQ(due_digest_dates(kOct26At0700, kDigestMinute, d(2026, 10, 23)),
            (Dates{d(2026, 10, 24), d(2026, 10, 25)}));
}

TEST(DigestSchedule, MissedDatesRunAcrossTheYearEnd) {
  EXPECT_EQ(due_digest_dates(kJan02At0800, kDigestMinute, d(2026, 12, 30)),
            (Dates{d(2026, 12, 31), d(2027, 1, 1), d(2027, 1, 2)}));
}

TEST(DigestSchedule, ANewestDateInTheFutureMakesNothingDue) {
  EXPECT_EQ(due_digest_dates(kNov23At0730, kDigestMinute, d(2026, 11, 30)), Dates{});
}

}  // namespace
}  // namespace noodbel
