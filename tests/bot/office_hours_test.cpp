#include "bot/office_hours.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;     // 2025-11-24 10:00 Europe/Brussels
constexpr UnixTime kMonday18h = 1764003600;
constexpr UnixTime kMonday22h = 1764018000;
constexpr UnixTime kTuesday9h = 1764057600;     // 2025-11-25
constexpr UnixTime kSaturday10h = 1764406800;   // 2025-11-29
constexpr UnixTime kNextMonday9h = 1764576000;  // 2025-12-01
constexpr UnixTime kNationalDay10h = 1784620800;      // Tuesday 2026-07-21, a public holiday
constexpr UnixTime kWednesdayAfter9h = 1784703600;    // 2026-07-22 09:00
constexpr UnixTime kGoodFriday18h = 1775232000;       // 2026-04-03, before Easter Monday
constexpr UnixTime kTuesdayAfterEaster9h = 1775545200;  // 2026-04-07 09:00
constexpr UnixTime kFridayBeforeDst18h = 1774630800;  // 2026-03-27; clocks go forward Sunday
constexpr UnixTime kMondayAfterDst9h = 1774854000;    // 2026-03-30 09:00 summer time

std::string error_of(std::string_view text) {
  const auto r = parse_weekly_schedule(text);
  return r ? "" : r.error().message;
}

TEST(WeeklySchedule, ParsesDayRangesListsAndSeveralTimeRanges) {
  const auto r = parse_weekly_schedule("ma-vr 08:30-12:00, 13:00-17:00; za,zo 9:00-24:00");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->size(), 12u);
  EXPECT_EQ(r->front(), (WeeklyWindow{0, 510, 720}));
  EXPECT_EQ((*r)[1], (WeeklyWindow{1, 510, 720}));
  EXPECT_EQ((*r)[5], (WeeklyWindow{0, 780, 1020}));
  EXPECT_EQ(r->back(), (WeeklyWindow{6, 540, 1440}));
}

TEST(WeeklySchedule, AcceptsEnglishDayNamesAnyCaseAndWrappingRanges) {
  const auto r = parse_weekly_schedule("Fri-Mon 18:00-20:00");
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::vector<int> days;
  for (const WeeklyWindow& w : *r) days.push_back(w.weekday);
  EXPECT_EQ(days, (std::vector<int>{4, 5, 6, 0}));
  EXPECT_TRUE(parse_weekly_schedule(" ma 09:00-17:00 ; ").ok());
}

TEST(WeeklySchedule, ExplainsEveryMistakeWithAnExample) {
  EXPECT_NE(error_of("").find("no days and hours given"), std::string::npos);
  EXPECT_NE(error_of("xx 09:00-17:00").find("'xx' is not a day"), std::string::npos);
  EXPECT_NE(error_of("ma-xx 09:00-17:00").find("'xx' is not a day"), std::string::npos);
  EXPECT_NE(error_of("ma").find("needs days and a time range"), std::string::npos);
  EXPECT_NE(error_of("ma 9-17").find("'9-17' is not a time range"), std::string::npos);
  EXPECT_NE(error_of("ma 09:00-25:00").find("is not a time range"), std::string::npos);
  EXPECT_NE(error_of("ma 09:60-10:00").find("is not a time range"), std::string::npos);
  EXPECT_NE(error_of("ma 24:30-24:45").find("is not a time range"), std::string::npos);
  EXPECT_NE(error_of("ma 22:00-06:00").find("split a range over midnight"), std::string::npos);
  EXPECT_NE(error_of("ma 09:00-09:00").find("ends before it starts"), std::string::npos);
  EXPECT_NE(error_of("ma 09:00-17:00,").find("is not a time range"), std::string::npos);
  EXPECT_NE(error_of("xx 09:00-17:00").find("example: \"ma-vr 08:30-17:00"), std::string::npos);
}

TEST(WindowAt, FindsTheSpanHoldingATimeAndMergesTouchingWindowsOverMidnight) {
  const std::vector<WeeklyWindow> nights = {{0, 20 * 60, 1440}, {1, 0, 8 * 60}};
  const auto span = window_at(nights, kMonday22h);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->start, kMonday22h - 2 * 3600);
  EXPECT_EQ(span->end, kTuesday9h - 3600);
  EXPECT_FALSE(window_at(nights, kMonday10h).has_value());
  EXPECT_EQ(next_window(nights, kMonday10h)->start, kMonday22h - 2 * 3600);
  EXPECT_FALSE(next_window({}, kMonday10h).has_value());
}

TEST(WindowAt, ReadsAPublicHolidayAsASunday) {
  const std::vector<WeeklyWindow> weekdays = {{1, 9 * 60, 17 * 60}};   // Tuesdays
  const std::vector<WeeklyWindow> sundays = {{6, 9 * 60, 12 * 60}};
  EXPECT_FALSE(window_at(weekdays, kNationalDay10h).has_value());
  EXPECT_TRUE(window_at(sundays, kNationalDay10h).has_value());
}

ServiceConfig service(AfterHours after) {
  ServiceConfig s;
  s.id = "oost-vlaanderen";
  s.after_hours = after;
  return s;  // default hours: office ma-vr 09:00-17:00, staffed ma-vr 17-21, za-zo 9-21
}

TEST(MatchingStatus, InOfficeHoursMatchingHappensUntilTheOfficeCloses) {
  const MatchingStatus m = matching_status(service(AfterHours::kStaffed), kMonday10h);
  EXPECT_EQ(m.kind, Matching::kOfficeHours);
  EXPECT_EQ(m.until, kMonday10h + 7 * 3600);
}

TEST(MatchingStatus, AfterOfficeHoursAStaffedServiceMatchesUntilTheEndOfItsShift) {
  const MatchingStatus evening = matching_status(service(AfterHours::kStaffed), kMonday18h);
  EXPECT_EQ(evening.kind, Matching::kStaffed);
  EXPECT_EQ(evening.until, kMonday18h + 3 * 3600);
  const MatchingStatus weekend = matching_status(service(AfterHours::kStaffed), kSaturday10h);
  EXPECT_EQ(weekend.kind, Matching::kStaffed);
  EXPECT_EQ(weekend.until, kSaturday10h + 11 * 3600);
}

TEST(MatchingStatus, AtNightAStaffedServiceWaitsForTheOfficeOrTheShiftWhicheverComesFirst) {
  const MatchingStatus m = matching_status(service(AfterHours::kStaffed), kMonday22h);
  EXPECT_EQ(m.kind, Matching::kWaits);
  EXPECT_EQ(m.resumes, kTuesday9h);
  const MatchingStatus friday_night =
      matching_status(service(AfterHours::kStaffed), kSaturday10h - 12 * 3600);
  EXPECT_EQ(friday_night.resumes, kSaturday10h - 3600);  // Saturday's shift at 09:00
}

TEST(MatchingStatus, ANextWorkingDayServiceWaitsUntilMondayOverTheWeekend) {
  const MatchingStatus m = matching_status(service(AfterHours::kNextWorkingDay), kSaturday10h);
  EXPECT_EQ(m.kind, Matching::kWaits);
  EXPECT_EQ(m.resumes, kNextMonday9h);
  EXPECT_EQ(matching_status(service(AfterHours::kNextWorkingDay), kMonday18h).resumes,
            kTuesday9h);
}

TEST(MatchingStatus, PublicHolidaysAreNotWorkingDaysButAreStaffedLikeSundays) {
  EXPECT_EQ(matching_status(service(AfterHours::kNextWorkingDay), kNationalDay10h).resumes,
            kWednesdayAfter9h);
  EXPECT_EQ(matching_status(service(AfterHours::kStaffed), kNationalDay10h).kind,
            Matching::kStaffed);
  // Good Friday is a working day; Easter Monday is not.
  EXPECT_EQ(matching_status(service(AfterHours::kNextWorkingDay), kGoodFriday18h).resumes,
            kTuesdayAfterEaster9h);
}

TEST(MatchingStatus, TheNextWorkingDayAfterTheClocksGoForwardStartsAtNineSummerTime) {
  const MatchingStatus m = matching_status(service(AfterHours::kNextWorkingDay), kFridayBeforeDst18h);
  ASSERT_TRUE(m.resumes.has_value());
  EXPECT_EQ(*m.resumes, kMondayAfterDst9h);
  EXPECT_EQ(format_local(*m.resumes, "datetime"), "30/03 09:00");
  EXPECT_EQ(*m.resumes - kFridayBeforeDst18h, (2 * 24 + 15 - 1) * 3600);  // one hour lost
}

TEST(MatchingStatus, WithoutAnyScheduleNothingIsKnown) {
  ServiceConfig none = service(AfterHours::kStaffed);
  none.office_hours.clear();
  none.staffed_hours.clear();
  const MatchingStatus m = matching_status(none, kMonday10h);
  EXPECT_EQ(m.kind, Matching::kWaits);
  EXPECT_FALSE(m.resumes.has_value());
}

}  // namespace
}  // namespace noodbel
