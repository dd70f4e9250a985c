#include "bot/guard/dates.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/guard/note_tokens_fixture.h"

namespace noodbel {
namespace {

using guard_checks::TokenizedNote;

// The date starting at the first token of `text`, as text; "" when there is none.
std::string date_at_start(const std::string& text) {
  const TokenizedNote note(text);
  return note.span(0, date_end_at(note.view(), 0));
}

TEST(GuardDates, ReadsNumericDatesWithAndWithoutYear) {
  EXPECT_EQ(date_at_start("12/03/2019 x"), "12/03/2019");
  EXPECT_EQ(date_at_start("12.03.19"), "12.03.19");
  EXPECT_EQ(date_at_start("2019-03-12"), "2019-03-12");
  EXPECT_EQ(date_at_start("12-3 later"), "12-3");
}

TEST(GuardDates, ReadsWrittenDatesInThreeLanguages) {
  EXPECT_EQ(date_at_start("3 mars 2019"), "3 mars 2019");
  EXPECT_EQ(date_at_start("1er janvier"), "1er janvier");
  EXPECT_EQ(date_at_start("3rd of March 2019"), "3rd of March 2019");
  EXPECT_EQ(date_at_start("March 3, 2019"), "March 3, 2019");
  EXPECT_EQ(date_at_start("May 5th"), "May 5th");
}

TEST(GuardDates, RefusesImpossibleDaysMonthsAndOtherNumbers) {
  EXPECT_EQ(date_at_start("32/01/2019"), "");
  EXPECT_EQ(date_at_start("12/13"), "");
  EXPECT_EQ(date_at_start("3 weken"), "");
  EXPECT_EQ(date_at_start("2019"), "");
  EXPECT_EQ(date_at_start("12/03/201"), "");
}

}  // namespace
}  // namespace noodbel
