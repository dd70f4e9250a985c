#include "bot/holidays.h"

#include <gtest/gtest.h>

#include <vector>

namespace noodbel {
namespace {

TEST(EasterSunday, MatchesKnownDates) {
  EXPECT_EQ(easter_sunday(2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(easter_sunday(2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(easter_sunday(2026), (CivilDate{2026, 4, 5}));
  EXPECT_EQ(easter_sunday(2027), (CivilDate{2027, 3, 28}));
  EXPECT_EQ(easter_sunday(2038), (CivilDate{2038, 4, 25}));  // the latest possible date
  EXPECT_EQ(easter_sunday(2285), (CivilDate{2285, 3, 22}));  // the earliest possible date
}

TEST(BelgianPublicHolidays, Are2026sTenDatesInOrder) {
  const std::vector<CivilDate> expected{
      {2026, 1, 1},  {2026, 4, 6},  {2026, 5, 1},   {2026, 5, 14},  {2026, 5, 25},
      {2026, 7, 21}, {2026, 8, 15}, {2026, 11, 1},  {2026, 11, 11}, {2026, 12, 25}};
  EXPECT_EQ(belgian_public_holidays(2026), expected);
}

TEST(BelgianPublicHolidays, Are2027sTenDatesInOrder) {
  const std::vector<CivilDate> expected{
      {2027, 1, 1},  {2027, 3, 29}, {2027, 5, 1},   {2027, 5, 6},   {2027, 5, 17},
      {2027, 7, 21}, {2027, 8, 15}, {2027, 11, 1},  {2027, 11, 11}, {2027, 12, 25}};
  EXPECT_EQ(belgian_public_holidays(2027), expected);
}

TEST(BelgianPublicHolidays, EasterMondayMayFallInMarchAndAscensionOnLabourDay) {
  // 2008: Easter 23 March, so Easter Monday 24 March and Ascension on 1 May.
  const std::vector<CivilDate> h = belgian_public_holidays(2008);
  EXPECT_EQ(h[1], (CivilDate{2008, 3, 24}));
  EXPECT_EQ(h[2], (CivilDate{2008, 5, 1}));
  EXPECT_EQ(h[3], (CivilDate{2008, 5, 1}));
  EXPECT_EQ(h[4], (CivilDate{2008, 5, 12}));
}

TEST(IsBelgianPublicHoliday, KnowsHolidaysAndOrdinaryDays) {
  EXPECT_TRUE(is_belgian_public_holiday({2026, 7, 21}));
  EXPECT_TRUE(is_belgian_public_holiday({2026, 5, 25}));
  EXPECT_TRUE(is_belgian_public_holiday({2027, 3, 29}));
  EXPECT_FALSE(is_belgian_public_holiday({2026, 4, 5}));   // Easter Sunday is a Sunday anyway
  EXPECT_FALSE(is_belgian_public_holiday({2026, 12, 26}));  // not a legal holiday in Belgium
  EXPECT_FALSE(is_belgian_public_holiday({2027, 4, 6}));    // 2026's Easter Monday date
}

}  // namespace
}  // namespace noodbel
