#include "bot/place_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel::place_names {
namespace {

using ::testing::ElementsAre;

TEST(PlaceNames, FoldIgnoresCaseAccentsHyphensAndPhoneApostrophes) {
  EXPECT_EQ(fold(" Sint-Niklaas "), "sint niklaas");
  EXPECT_EQ(fold("SINT  niklaas"), "sint niklaas");
  EXPECT_EQ(fold("Liège"), "liege");
  EXPECT_EQ(fold("\xE2\x80\x99s-Gravenbrakel"), "s gravenbrakel");
  EXPECT_EQ(fold("'s-Gravenbrakel"), "s gravenbrakel");
  EXPECT_EQ(fold("Beveren (9120)"), "beveren 9120");
  EXPECT_EQ(fold("\xff"), "");
}

TEST(PlaceNames, AbbreviationsGiveTheLongSpellings) {
  EXPECT_THAT(abbreviation_variants("st niklaas"), ElementsAre("sint niklaas", "saint niklaas"));
  EXPECT_THAT(abbreviation_variants("o l v waver"), ElementsAre("onze lieve vrouw waver"));
  EXPECT_TRUE(abbreviation_variants("gent").empty());
}

TEST(PlaceNames, SquashSplitAndMatch) {
  EXPECT_EQ(squash("de pinte"), "depinte");
  EXPECT_THAT(split("a| b |c", '|'), ElementsAre("a", "b", "c"));
  EXPECT_TRUE(split("", '|').empty());
  EXPECT_TRUE(name_matches("Bruxelles/Brussel", "brussel"));
  EXPECT_FALSE(name_matches("Bruxelles/Brussel", "brus"));
  EXPECT_TRUE(is_postcode("9000"));
  EXPECT_FALSE(is_postcode("900"));
  EXPECT_FALSE(is_postcode("90a0"));
}

}  // namespace
}  // namespace noodbel::place_names
