#include "bot/place_names.h"

#include <utility>

#include "bot/edit_distance.h"

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

TEST(PlaceNames, SquashAndMatch) {
  EXPECT_EQ(squash("de pinte"), "depinte");
  EXPECT_TRUE(name_matches("Bruxelles/Brussel", "brussel"));
  EXPECT_FALSE(name_matches("Bruxelles/Brussel", "brus"));
  EXPECT_TRUE(is_postcode("9000"));
  EXPECT_FALSE(is_postcode("900"));
  EXPECT_FALSE(is_postcode("90a0"));
}

TEST(PlaceNames, LetterCountsBoundTheEditDistanceFromBelow) {
  // "gent" and "gnet" have the same letters: the bound says nothing (0), the distance is 1.
  EXPECT_EQ(letter_distance_bound(letter_counts("gent"), letter_counts("gnet")), 0);
  // One substitution changes two counts: the bound is 1.
  EXPECT_EQ(letter_distance_bound(letter_counts("gent"), letter_counts("kent")), 1);
  // Spaces and other bytes are not letters: squashing does not change the counts.
  EXPECT_EQ(letter_counts("de pinte"), letter_counts("depinte"));
  for (const auto& [a, b] : {std::pair{"oudenaarde", "hasselt"}, std::pair{"aalst", "aalter"},
                             std::pair{"sint niklaas", "st niklaas"}, std::pair{"gent", ""}}) {
    EXPECT_LE(letter_distance_bound(letter_counts(a), letter_counts(b)), edit_distance(a, b, 99))
        << a << " / " << b;
  }
}

}  // namespace
}  // namespace noodbel::place_names
