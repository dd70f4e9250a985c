// Dates of a pause: written dates, month names, spans and weekdays, resolved against today.
#include <gtest/gtest.h>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

TEST(ReplyDates, DateWithoutYearIsTheNextOneToCome) {
  EXPECT_EQ(until_on("pauze tot 5/1"), "2027-01-05");
  EXPECT_EQ(until_on("pauze tot 30/11"), "2026-11-30");
  EXPECT_EQ(until_on("pauze tot 22/11"), "2026-11-22");  // today still counts
  EXPECT_EQ(until_on("pauze tot 21/11"), "2027-11-21");
  EXPECT_EQ(until_on("pauze tot 29/2"), "2028-02-29");  // the next leap day
}

TEST(ReplyDates, MonthNamesAreReadInDutchFrenchAndEnglish) {
  EXPECT_EQ(until_on("op vakantie tot 3 december"), "2026-12-03");
  EXPECT_EQ(until_on("en vacances jusqu'au 1er janvier"), "2027-01-01");
  EXPECT_EQ(until_on("jusqu'au 3 décembre, pause"), "2026-12-03");
  EXPECT_EQ(until_on("on holiday until December 3rd"), "2026-12-03");
  EXPECT_EQ(until_on("pauze tot 6 jan."), "2027-01-06");
  EXPECT_EQ(until_on("pauze tot 3 maart 2028"), "2028-03-03");
  EXPECT_EQ(until_on("pauze tot eind december"), "2026-12-31");
  EXPECT_EQ(until_on("pauze tot eind november"), "2026-11-30");
}

TEST(ReplyDates, SpansCountFromToday) {
  EXPECT_EQ(until_on("pauze 2 weken"), "2026-12-06");
  EXPECT_EQ(until_on("pauze voor een weekje"), "2026-11-29");
  EXPECT_EQ(until_on("pause 10 jours"), "2026-12-02");
  EXPECT_EQ(until_on("pause for two weeks"), "2026-12-06");
  EXPECT_EQ(until_on("pauze 1 maand"), "2026-12-22");
  EXPECT_EQ(until_on("pauze 1 maand", ReplyContext{2027, 1, 31}), "2027-02-28");
}

TEST(ReplyDates, WeekdayAfterUntilIsTheNextSuchDayNeverToday) {
  EXPECT_EQ(until_on("pauze tot maandag"), "2026-11-23");
  EXPECT_EQ(until_on("pauze tot zondag"), "2026-11-29");  // today is Sunday
  EXPECT_EQ(until_on("pause jusqu'à vendredi"), "2026-11-27");
  EXPECT_EQ(until_on("pauze tot morgen"), "2026-11-23");
  EXPECT_EQ(until_on("pauze t/m woensdag"), "2026-11-25");
}

TEST(ReplyDates, DateAfterUntilWinsOverOtherNumbers) {
  EXPECT_EQ(until_on("pauze, 2 kinderen ziek, tot 5/12"), "2026-12-05");
  EXPECT_EQ(until_on("pauze 2 weken, dus tot 6/12"), "2026-12-06");
}

TEST(ReplyDates, RelativeDatesNeedToday) {
  EXPECT_EQ(parse_reply("pauze tot 5/1").intent, Intent::kPause);
  EXPECT_FALSE(parse_reply("pauze tot 5/1").until.has_value());
  EXPECT_FALSE(parse_reply("pauze 2 weken").until.has_value());
  EXPECT_FALSE(parse_reply("pauze tot maandag").until.has_value());
  EXPECT_EQ(parse_reply("pauze tot 5/1/2027").until, "2027-01-05");
  EXPECT_EQ(parse_reply("pauze tot 3 december 2026").until, "2026-12-03");
}

TEST(ReplyDates, InvalidTodayIsTreatedAsUnknown) {
  EXPECT_FALSE(parse_reply("pauze tot 5/1", ReplyContext{2026, 13, 1}).until.has_value());
  EXPECT_FALSE(parse_reply("pauze tot 5/1", ReplyContext{2026, 2, 30}).until.has_value());
}

TEST(ReplyDates, ImpossibleDateGivesPauseWithoutUntil) {
  EXPECT_EQ(until_on("pauze tot 31/2"), std::nullopt);
  EXPECT_EQ(until_on("pauze tot 31/4/2027"), std::nullopt);
  EXPECT_EQ(until_on("pauze tot 5/1/1999"), std::nullopt);
}

}  // namespace
}  // namespace noodbel
